// Linked into the generator (netstandard2.0): the generator and the runtime parse templates with
// this one file, so compile time and run time can never disagree. Keep it free of newer APIs.
// CA1510 and CA2249 suggest APIs netstandard2.0 does not have.
#pragma warning disable CA1510, CA2249
using System;
using System.Collections.Generic;
using System.Text;

namespace VaultPathGen.Routing
{
    /// <summary>What a piece of a path template matches.</summary>
#if VAULTPATHGEN_GENERATOR
    internal
#else
    public
#endif
    enum TemplatePartKind
    {
        /// <summary>Literal text, matched exactly.</summary>
        Literal,
        /// <summary><c>&lt;n&gt;</c>: Vault's GenericNameRegex, one name.</summary>
        Name,
        /// <summary><c>&lt;n@&gt;</c>: Vault's GenericNameWithAtRegex.</summary>
        NameWithAt,
        /// <summary>
        /// <c>&lt;n**&gt;</c>: a key that may hold slashes but does not end in one (<c>.*?[^/]</c>, as
        /// Vault's kv engine writes its data path), so it sits beside a folder listing.
        /// </summary>
        Key,
        /// <summary><c>&lt;n+&gt;</c>: one or more characters, slashes included (<c>.+</c>).</summary>
        Rest,
        /// <summary><c>&lt;n*&gt;</c>: any characters, slashes included, possibly none (Vault's MatchAllRegex).</summary>
        Any,
    }

    /// <summary>One piece of a template: literal text or a capture.</summary>
#if VAULTPATHGEN_GENERATOR
    internal
#else
    public
#endif
    sealed class TemplatePart
    {
        internal TemplatePart(TemplatePartKind kind, string text, bool optional, int position)
        {
            Kind = kind;
            Text = text;
            IsOptional = optional;
            Position = position;
        }

        /// <summary>What the part matches.</summary>
        public TemplatePartKind Kind { get; }

        /// <summary>The literal text, or the capture's name.</summary>
        public string Text { get; }

        /// <summary>Whether the part sits inside the template's optional group.</summary>
        public bool IsOptional { get; }

        /// <summary>Where the part starts in the template text.</summary>
        public int Position { get; }

        /// <summary>Whether the part is a capture.</summary>
        public bool IsCapture => Kind != TemplatePartKind.Literal;
    }

    /// <summary>A template syntax error, with where it is in the template text.</summary>
#if VAULTPATHGEN_GENERATOR
    internal
#else
    public
#endif
    sealed class TemplateError
    {
        internal TemplateError(string message, int position, int length)
        {
            Message = message;
            Position = position;
            Length = length;
        }

        /// <summary>What is wrong.</summary>
        public string Message { get; }

        /// <summary>Where the problem starts in the template text.</summary>
        public int Position { get; }

        /// <summary>How many characters the problem spans (at least 1 where the text has any).</summary>
        public int Length { get; }
    }

    /// <summary>
    /// A parsed path template. Syntax: literal text; <c>&lt;name&gt;</c> one name;
    /// <c>&lt;name@&gt;</c> a name that may contain <c>@</c>; <c>&lt;key**&gt;</c> one or more characters
    /// including slashes, not ending in <c>/</c>; <c>&lt;path+&gt;</c> one or more characters
    /// including slashes; <c>&lt;path*&gt;</c> any characters including slashes; and one optional group
    /// <c>[…]</c> that ends the template (<c>roles[/&lt;name&gt;]</c>, <c>keys[/]</c>).
    /// </summary>
#if VAULTPATHGEN_GENERATOR
    internal
#else
    public
#endif
    sealed class PathTemplate
    {
        private PathTemplate(string text, List<TemplatePart> parts, List<TemplateVariant> variants, List<string> captures)
        {
            Text = text;
            Parts = parts;
            Variants = variants;
            Captures = captures;
        }

        /// <summary>The template text as written.</summary>
        public string Text { get; }

        /// <summary>The parts in order; literal runs are merged.</summary>
        public IReadOnlyList<TemplatePart> Parts { get; }

        /// <summary>Capture names, in order of appearance.</summary>
        public IReadOnlyList<string> Captures { get; }

        /// <summary>
        /// The linear forms of the template: one without the optional group (its captures are then
        /// empty, as in Vault) and one with it; a single form when there is no optional group.
        /// </summary>
        public IReadOnlyList<TemplateVariant> Variants { get; }

        /// <summary>The equivalent Vault (Go) regex, as Vault's path helpers would write it.</summary>
        public string ToVaultRegex()
        {
            var sb = new StringBuilder("^");
            var inOptional = false;
            foreach (var part in Parts)
            {
                if (part.IsOptional && !inOptional)
                {
                    sb.Append('(');
                    inOptional = true;
                }

                switch (part.Kind)
                {
                    case TemplatePartKind.Literal:
                        AppendQuoted(sb, part.Text);
                        break;
                    case TemplatePartKind.Name:
                        sb.Append("(?P<").Append(part.Text).Append(@">\w(([\w-.]+)?\w)?)");
                        break;
                    case TemplatePartKind.NameWithAt:
                        sb.Append("(?P<").Append(part.Text).Append(@">\w(([\w-.@]+)?\w)?)");
                        break;
                    case TemplatePartKind.Key:
                        sb.Append("(?P<").Append(part.Text).Append(">.*?[^/])");
                        break;
                    case TemplatePartKind.Rest:
                        sb.Append("(?P<").Append(part.Text).Append(">.+)");
                        break;
                    case TemplatePartKind.Any:
                        sb.Append("(?P<").Append(part.Text).Append(">.*)");
                        break;
                }
            }

            if (inOptional)
            {
                sb.Append(")?");
            }

            return sb.Append('$').ToString();
        }

        /// <summary>
        /// Matches <paramref name="path"/> the way the generated router does; the reference
        /// implementation that generated code is tested against. Captures of an omitted optional
        /// group are empty strings, as in Vault.
        /// </summary>
        public bool TryMatch(string path, out Dictionary<string, string> captures)
        {
            foreach (var variant in Variants)
            {
                if (variant.TryMatch(path, out captures))
                {
                    return true;
                }
            }

            captures = new Dictionary<string, string>();
            return false;
        }

        /// <summary>Parses <paramref name="text"/>; null and an error when it is not a valid template.</summary>
        public static PathTemplate? Parse(string text, out TemplateError? error)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            error = null;
            if (text.Length == 0)
            {
                error = new TemplateError("the template is empty; a path needs at least one character", 0, 0);
                return null;
            }

            if (text[0] == '/')
            {
                error = new TemplateError("paths are relative to the mount: remove the leading '/'", 0, 1);
                return null;
            }

            var parts = new List<TemplatePart>();
            var captures = new List<string>();
            var literal = new StringBuilder();
            var literalStart = 0;
            var optionalStart = -1;
            var optionalClosed = false;

            void FlushLiteral()
            {
                if (literal.Length > 0)
                {
                    parts.Add(new TemplatePart(TemplatePartKind.Literal, literal.ToString(), optionalStart >= 0, literalStart));
                    literal.Clear();
                }
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (optionalClosed)
                {
                    error = new TemplateError("the optional group [...] must end the template", i, text.Length - i);
                    return null;
                }

                switch (c)
                {
                    case '<':
                    {
                        FlushLiteral();
                        var close = text.IndexOf('>', i + 1);
                        if (close < 0)
                        {
                            error = new TemplateError("'<' starts a capture that is never closed with '>'", i, text.Length - i);
                            return null;
                        }

                        var body = text.Substring(i + 1, close - i - 1);
                        var kind = TemplatePartKind.Name;
                        var name = body;
                        if (body.Length > 0)
                        {
                            switch (body[body.Length - 1])
                            {
                                case '*' when body.EndsWith("**", StringComparison.Ordinal): kind = TemplatePartKind.Key; name = body.Substring(0, body.Length - 2); break;
                                case '@': kind = TemplatePartKind.NameWithAt; name = body.Substring(0, body.Length - 1); break;
                                case '+': kind = TemplatePartKind.Rest; name = body.Substring(0, body.Length - 1); break;
                                case '*': kind = TemplatePartKind.Any; name = body.Substring(0, body.Length - 1); break;
                            }
                        }

                        var nameError = CheckCaptureName(name);
                        if (nameError != null)
                        {
                            error = new TemplateError(nameError, i, close - i + 1);
                            return null;
                        }

                        if (captures.Contains(name))
                        {
                            error = new TemplateError("the capture name '" + name + "' is used twice", i, close - i + 1);
                            return null;
                        }

                        captures.Add(name);
                        parts.Add(new TemplatePart(kind, name, optionalStart >= 0, i));
                        i = close;
                        literalStart = i + 1;
                        break;
                    }

                    case '>':
                        error = new TemplateError("'>' without a '<' before it", i, 1);
                        return null;

                    case '[':
                        if (optionalStart >= 0)
                        {
                            error = new TemplateError("optional groups cannot be nested", i, 1);
                            return null;
                        }

                        FlushLiteral();
                        optionalStart = i;
                        literalStart = i + 1;
                        break;

                    case ']':
                        if (optionalStart < 0)
                        {
                            error = new TemplateError("']' without a '[' before it", i, 1);
                            return null;
                        }

                        FlushLiteral();
                        if (parts.Count == 0 || !parts[parts.Count - 1].IsOptional)
                        {
                            error = new TemplateError("the optional group [] is empty", optionalStart, i - optionalStart + 1);
                            return null;
                        }

                        optionalClosed = true;
                        break;

                    default:
                        var charError = CheckLiteralChar(c);
                        if (charError != null)
                        {
                            error = new TemplateError(charError, i, 1);
                            return null;
                        }

                        if (literal.Length == 0)
                        {
                            literalStart = i;
                        }

                        literal.Append(c);
                        break;
                }
            }

            if (optionalStart >= 0 && !optionalClosed)
            {
                error = new TemplateError("'[' starts an optional group that is never closed with ']'", optionalStart, text.Length - optionalStart);
                return null;
            }

            FlushLiteral();

            var variants = new List<TemplateVariant>();
            var required = parts.FindAll(p => !p.IsOptional);
            if (optionalStart >= 0)
            {
                var omitted = new List<string>();
                foreach (var p in parts)
                {
                    if (p.IsOptional && p.IsCapture)
                    {
                        omitted.Add(p.Text);
                    }
                }

                if (required.Count > 0)
                {
                    variants.Add(new TemplateVariant(text, 0, Merge(required), omitted));
                }
                else
                {
                    error = new TemplateError("a template cannot be only an optional group", 0, text.Length);
                    return null;
                }

                variants.Add(new TemplateVariant(text, 1, Merge(parts), new List<string>()));
            }
            else
            {
                variants.Add(new TemplateVariant(text, 0, parts, new List<string>()));
            }

            foreach (var variant in variants)
            {
                error = CheckVariant(variant);
                if (error != null)
                {
                    return null;
                }
            }

            return new PathTemplate(text, parts, variants, captures);
        }

        /// <summary>Literal runs across the optional boundary become one literal.</summary>
        private static List<TemplatePart> Merge(List<TemplatePart> parts)
        {
            var result = new List<TemplatePart>();
            foreach (var part in parts)
            {
                if (part.Kind == TemplatePartKind.Literal && result.Count > 0 && result[result.Count - 1].Kind == TemplatePartKind.Literal)
                {
                    var previous = result[result.Count - 1];
                    result[result.Count - 1] = new TemplatePart(TemplatePartKind.Literal, previous.Text + part.Text, previous.IsOptional, previous.Position);
                }
                else
                {
                    result.Add(part);
                }
            }

            return result;
        }

        private static TemplateError? CheckVariant(TemplateVariant variant)
        {
            var parts = variant.Parts;
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                if (!part.IsCapture)
                {
                    continue;
                }

                var next = i + 1 < parts.Count ? parts[i + 1] : null;
                if (next != null && next.IsCapture)
                {
                    return new TemplateError(
                        "captures <" + part.Text + "> and <" + next.Text + "> must be separated by literal text",
                        next.Position,
                        next.Text.Length + 2);
                }

                if (part.Kind == TemplatePartKind.Name || part.Kind == TemplatePartKind.NameWithAt)
                {
                    if (next != null && PathMatch.IsNameChar(next.Text[0], part.Kind == TemplatePartKind.NameWithAt))
                    {
                        return new TemplateError(
                            "a name capture <" + part.Text + "> must be followed by '/', the end of the path, or a character a name cannot hold; '"
                            + next.Text[0] + "' could be part of the name",
                            next.Position,
                            1);
                    }
                }
                else
                {
                    for (var j = i + 1; j < parts.Count; j++)
                    {
                        if (parts[j].IsCapture)
                        {
                            return new TemplateError(
                                "<" + part.Text + Suffix(part.Kind) + "> matches across slashes, so only literal text may follow it, not <" + parts[j].Text + ">",
                                parts[j].Position,
                                parts[j].Text.Length + 2);
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>What ends a capture of <paramref name="kind"/> in template text.</summary>
        internal static string Suffix(TemplatePartKind kind)
        {
            switch (kind)
            {
                case TemplatePartKind.NameWithAt: return "@";
                case TemplatePartKind.Key: return "**";
                case TemplatePartKind.Rest: return "+";
                case TemplatePartKind.Any: return "*";
                default: return "";
            }
        }

        private static string? CheckCaptureName(string name)
        {
            if (name.Length == 0)
            {
                return "a capture needs a name, e.g. <name>";
            }

            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
                if (!ok)
                {
                    return "'" + name + "' is not a valid capture name: use letters, digits and '_', not starting with a digit; end it with @, **, + or * to change what it matches";
                }
            }

            return null;
        }

        private static string? CheckLiteralChar(char c)
        {
            if (c < ' ' || c == 0x7f)
            {
                return "control characters cannot appear in a path";
            }

            switch (c)
            {
                case '?':
                    return "'?' is not template syntax: write an optional part as [...], e.g. keys[/]; use [PathPattern] for a regular expression";
                case '(':
                case ')':
                case '|':
                case '^':
                case '$':
                case '*':
                case '+':
                case '\\':
                case '{':
                case '}':
                    return "'" + c + "' looks like regular-expression syntax, which templates do not use; use [PathPattern] for a regular expression";
                default:
                    return null;
            }
        }

        private static void AppendQuoted(StringBuilder sb, string literal)
        {
            foreach (var c in literal)
            {
                if (@"\.+*?()|[]{}^$".IndexOf(c) >= 0)
                {
                    sb.Append('\\');
                }

                sb.Append(c);
            }
        }
    }

    /// <summary>
    /// One linear form of a template (no optional group), with its routing precedence. Precedence:
    /// compare the forms piece by piece from the left, where every literal character is one piece
    /// and every capture one piece; at the first difference a literal character beats
    /// <c>&lt;n&gt;</c>, which beats <c>&lt;n@&gt;</c>, which beats <c>&lt;n**&gt;</c>, which beats
    /// <c>&lt;n+&gt;</c>, which beats <c>&lt;n*&gt;</c>; when one form is a prefix of the other, the shorter wins. Two forms with
    /// the same shape (equal but for capture names) match the same paths and are an error.
    /// </summary>
#if VAULTPATHGEN_GENERATOR
    internal
#else
    public
#endif
    sealed class TemplateVariant
    {
        internal TemplateVariant(string templateText, int index, List<TemplatePart> parts, List<string> omittedCaptures)
        {
            TemplateText = templateText;
            Index = index;
            Parts = parts;
            OmittedCaptures = omittedCaptures;
            Ranks = BuildRanks(parts);
            Shape = BuildShape(parts);
        }

        /// <summary>The text of the template this form belongs to.</summary>
        public string TemplateText { get; }

        /// <summary>0 for the form without the optional group, 1 for the form with it.</summary>
        public int Index { get; }

        /// <summary>The parts, in order.</summary>
        public IReadOnlyList<TemplatePart> Parts { get; }

        /// <summary>Captures of the template that this form leaves out (they capture "").</summary>
        public IReadOnlyList<string> OmittedCaptures { get; }

        /// <summary>
        /// The form with capture names erased, e.g. <c>kv/&lt;&gt;/meta</c>: two forms with the same
        /// shape match exactly the same paths.
        /// </summary>
        public string Shape { get; }

        private int[] Ranks { get; }

        /// <summary>A path both this form and any form of the same shape match.</summary>
        public string ExamplePath()
        {
            var sb = new StringBuilder();
            foreach (var part in Parts)
            {
                switch (part.Kind)
                {
                    case TemplatePartKind.Literal: sb.Append(part.Text); break;
                    case TemplatePartKind.Name:
                    case TemplatePartKind.NameWithAt: sb.Append('x'); break;
                    default: sb.Append("x/y"); break;
                }
            }

            return sb.ToString();
        }

        /// <summary>Matches <paramref name="path"/> against this form (reference implementation).</summary>
        public bool TryMatch(string path, out Dictionary<string, string> captures)
        {
            captures = new Dictionary<string, string>();
            var pos = 0;
            for (var i = 0; i < Parts.Count; i++)
            {
                var part = Parts[i];
                switch (part.Kind)
                {
                    case TemplatePartKind.Literal:
                        if (path.Length - pos < part.Text.Length || string.CompareOrdinal(path, pos, part.Text, 0, part.Text.Length) != 0)
                        {
                            return false;
                        }

                        pos += part.Text.Length;
                        break;
                    case TemplatePartKind.Name:
                    case TemplatePartKind.NameWithAt:
                    {
                        var end = PathMatch.ScanName(path, pos, part.Kind == TemplatePartKind.NameWithAt);
                        if (end < 0)
                        {
                            return false;
                        }

                        captures[part.Text] = path.Substring(pos, end - pos);
                        pos = end;
                        break;
                    }

                    default:
                    {
                        var tail = i + 1 < Parts.Count ? Parts[i + 1].Text : "";
                        var length = part.Kind == TemplatePartKind.Key
                            ? PathMatch.KeyLength(path, pos, tail)
                            : PathMatch.RestLength(path, pos, tail, part.Kind == TemplatePartKind.Rest);
                        if (length < 0)
                        {
                            return false;
                        }

                        captures[part.Text] = path.Substring(pos, length);
                        pos = path.Length;
                        i = Parts.Count;
                        break;
                    }
                }
            }

            if (pos != path.Length)
            {
                return false;
            }

            foreach (var omitted in OmittedCaptures)
            {
                captures[omitted] = "";
            }

            return true;
        }

        /// <summary>Orders forms by routing precedence: the form that must be tried first sorts first.</summary>
        public static IComparer<TemplateVariant> Precedence { get; } = new PrecedenceComparer();

        private sealed class PrecedenceComparer : IComparer<TemplateVariant>
        {
            public int Compare(TemplateVariant? x, TemplateVariant? y)
            {
                if (ReferenceEquals(x, y))
                {
                    return 0;
                }

                return x == null ? 1 : y == null ? -1 : x.CompareByPrecedence(y);
            }
        }

        private int CompareByPrecedence(TemplateVariant other)
        {

            var n = Math.Min(Ranks.Length, other.Ranks.Length);
            for (var i = 0; i < n; i++)
            {
                if (Ranks[i] != other.Ranks[i])
                {
                    return Ranks[i].CompareTo(other.Ranks[i]);
                }
            }

            if (Ranks.Length != other.Ranks.Length)
            {
                return Ranks.Length.CompareTo(other.Ranks.Length);
            }

            var byShape = string.CompareOrdinal(Shape, other.Shape);
            if (byShape != 0)
            {
                return byShape;
            }

            var byText = string.CompareOrdinal(TemplateText, other.TemplateText);
            return byText != 0 ? byText : Index.CompareTo(other.Index);
        }

        private static int[] BuildRanks(List<TemplatePart> parts)
        {
            var ranks = new List<int>();
            foreach (var part in parts)
            {
                switch (part.Kind)
                {
                    case TemplatePartKind.Literal:
                        for (var i = 0; i < part.Text.Length; i++)
                        {
                            ranks.Add(0);
                        }

                        break;
                    case TemplatePartKind.Name: ranks.Add(1); break;
                    case TemplatePartKind.NameWithAt: ranks.Add(2); break;
                    case TemplatePartKind.Key: ranks.Add(3); break;
                    case TemplatePartKind.Rest: ranks.Add(4); break;
                    default: ranks.Add(5); break;
                }
            }

            return ranks.ToArray();
        }

        private static string BuildShape(List<TemplatePart> parts)
        {
            var sb = new StringBuilder();
            foreach (var part in parts)
            {
                switch (part.Kind)
                {
                    case TemplatePartKind.Literal: sb.Append(part.Text); break;
                    case TemplatePartKind.Name: sb.Append("<>"); break;
                    case TemplatePartKind.NameWithAt: sb.Append("<@>"); break;
                    case TemplatePartKind.Key: sb.Append("<**>"); break;
                    case TemplatePartKind.Rest: sb.Append("<+>"); break;
                    default: sb.Append("<*>"); break;
                }
            }

            return sb.ToString();
        }
    }

    /// <summary>
    /// Matching primitives the generated router calls: no regex, no allocation (captures are
    /// <c>System.Range</c>s of the path; binding cuts the strings). Character classes
    /// follow Go's regexp: <c>\w</c> is ASCII and <c>.</c> does not match a newline.
    /// </summary>
#if VAULTPATHGEN_GENERATOR
    internal
#else
    public
#endif
    static class PathMatch
    {
        private const byte Word = 1;
        private const byte Name = 2;
        private const byte NameWithAt = 4;

        /// <summary>
        /// Per ASCII character, the classes it belongs to: <see cref="Word"/> (Go's <c>\w</c>), <see cref="Name"/>
        /// (<c>\w</c>, <c>-</c>, <c>.</c>) and <see cref="NameWithAt"/> (those and <c>@</c>). A table, because
        /// routing scans every name character by character and one load costs less than a chain of compares.
        /// </summary>
        private static ReadOnlySpan<byte> Classes => new byte[]
        {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 6, 0,
            7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0, 0,
            4, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
            7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 7,
            0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
            7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0,
        };

        /// <summary>Go's ASCII <c>\w</c>.</summary>
        public static bool IsWordChar(char c) => c < 128 && (Classes[c] & Word) != 0;

        /// <summary>A character a name capture may hold: <c>\w</c>, <c>-</c>, <c>.</c>, and <c>@</c> when allowed.</summary>
        public static bool IsNameChar(char c, bool allowAt) => c < 128 && (Classes[c] & (allowAt ? NameWithAt : Name)) != 0;

        /// <summary>
        /// The end of the name starting at <paramref name="start"/>: the longest run of name
        /// characters, which must start and end with <c>\w</c>; -1 when there is no valid name there.
        /// Inlined into the generated router: one pass, each character read once, and the class of the
        /// last one kept instead of reading it again.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static int ScanName(string path, int start, bool allowAt)
        {
            var classes = Classes;
            if ((uint)start >= (uint)path.Length)
            {
                return -1;
            }

            int c = path[start];
            if (c >= 128 || (classes[c] & Word) == 0)
            {
                return -1;
            }

            var mask = allowAt ? NameWithAt : Name;
            var last = Word;
            var end = start + 1;
            while ((uint)end < (uint)path.Length)
            {
                c = path[end];
                if (c >= 128)
                {
                    break;
                }

                var found = classes[c];
                if ((found & mask) == 0)
                {
                    break;
                }

                last = found;
                end++;
            }

            return (last & Word) == 0 ? -1 : end;
        }

        /// <summary>
        /// The length of a slash-spanning capture from <paramref name="start"/> to the end of the path,
        /// followed by the literal <paramref name="tail"/>, or -1 when there is none. Greedy like Go's
        /// <c>.*</c>, so the tail is the end of the path; a newline never matches.
        /// </summary>
        public static int RestLength(string path, int start, string tail, bool nonEmpty)
        {
            var length = path.Length - start - tail.Length;
            if (length < (nonEmpty ? 1 : 0))
            {
                return -1;
            }

            if (string.CompareOrdinal(path, path.Length - tail.Length, tail, 0, tail.Length) != 0)
            {
                return -1;
            }

            return path.IndexOf('\n', start, length) >= 0 ? -1 : length;
        }

        /// <summary>
        /// The length of a <c>&lt;n**&gt;</c> capture from <paramref name="start"/> to the end of the
        /// path, followed by the literal <paramref name="tail"/>, or -1 when there is none: Go's
        /// <c>.*?[^/]</c>, so at least one character, not ending in '/', and no newline but possibly as
        /// the last character (Go's <c>[^/]</c>, unlike its <c>.</c>, matches a newline).
        /// </summary>
        public static int KeyLength(string path, int start, string tail)
        {
            var length = path.Length - start - tail.Length;
            if (length < 1 || path[start + length - 1] == '/')
            {
                return -1;
            }

            if (string.CompareOrdinal(path, path.Length - tail.Length, tail, 0, tail.Length) != 0)
            {
                return -1;
            }

            return path.IndexOf('\n', start, length - 1) >= 0 ? -1 : length;
        }
#if !VAULTPATHGEN_GENERATOR

        /// <summary><see cref="RestLength"/> as the generated router uses it: the capture as a range of the path.</summary>
        public static bool TryMatchRest(string path, int start, string tail, bool nonEmpty, out Range value)
        {
            var length = RestLength(path, start, tail, nonEmpty);
            value = length < 0 ? default : new Range(start, start + length);
            return length >= 0;
        }

        /// <summary><see cref="KeyLength"/> as the generated router uses it: the capture as a range of the path.</summary>
        public static bool TryMatchKey(string path, int start, string tail, out Range value)
        {
            var length = KeyLength(path, start, tail);
            value = length < 0 ? default : new Range(start, start + length);
            return length >= 0;
        }
#endif
    }
}
