using System.Text.RegularExpressions;

namespace VaultPathGen.Analyzers.Model
{
    /// <summary>
    /// Whether a .NET regex path can match a path ending in '/'. The pattern is read as a regular
    /// expression over characters: for each piece, can it match the empty string, and can a
    /// non-empty match end in '/'. That is exact for literals, classes, groups, alternation and
    /// quantifiers. Zero-width pieces (lookarounds, anchors inside the pattern, <c>\b</c>) are
    /// ignored, which only adds matches, so "cannot end in '/'" is never claimed wrongly.
    /// Backreferences, conditionals, <c>IgnorePatternWhitespace</c>, <c>RightToLeft</c> and inline <c>(?x)</c> or <c>(?m)</c> give no answer, as does a
    /// top-level alternative that is not anchored with <c>\z</c> or <c>$</c>.
    /// </summary>
    internal sealed class RegexEnding
    {
        private const RegexOptions ClassOptions = RegexOptions.IgnoreCase | RegexOptions.ECMAScript | RegexOptions.CultureInvariant | RegexOptions.Singleline;

        private static readonly char[] UnsupportedInlineOptions = { 'x', 'm' };

        private readonly string _pattern;
        private readonly RegexOptions _options;
        private readonly RegexOptions _multiline;
        private int _pos;

        private RegexEnding(string pattern, RegexOptions options)
        {
            _pattern = pattern;
            _options = options & ClassOptions;
            _multiline = options & RegexOptions.Multiline;
        }

        /// <summary>True or false when known; null when the pattern is outside what is analysed.</summary>
        public static bool? CanEndInSlash(string pattern, RegexOptions options)
        {
            if ((options & RegexOptions.IgnorePatternWhitespace) != 0 || (options & RegexOptions.RightToLeft) != 0)
            {
                return null;
            }

            try
            {
                var reader = new RegexEnding(pattern, options);
                var branches = reader.Alternation(topLevel: true);
                if (reader._pos != pattern.Length || branches is null)
                {
                    return null;
                }

                return branches.Value.EndSlash;
            }
            catch (System.ArgumentException)
            {
                return null;
            }
        }

        /// <summary>What a piece can match: the empty string, and a non-empty string ending in '/'.</summary>
        private readonly struct Piece
        {
            public Piece(bool nullable, bool endSlash)
            {
                Nullable = nullable;
                EndSlash = endSlash;
            }

            public bool Nullable { get; }

            public bool EndSlash { get; }

            public static Piece ZeroWidth => new Piece(true, false);
        }

        private Piece? Alternation(bool topLevel)
        {
            var nullable = false;
            var endSlash = false;
            while (true)
            {
                var branch = Sequence(out var anchoredAtEnd);
                if (branch is null || (topLevel && !anchoredAtEnd))
                {
                    return null;
                }

                nullable |= branch.Value.Nullable;
                endSlash |= branch.Value.EndSlash;
                if (_pos < _pattern.Length && _pattern[_pos] == '|')
                {
                    _pos++;
                    continue;
                }

                return new Piece(nullable, endSlash);
            }
        }

        private Piece? Sequence(out bool anchoredAtEnd)
        {
            var result = Piece.ZeroWidth;
            anchoredAtEnd = false;
            while (_pos < _pattern.Length && _pattern[_pos] != '|' && _pattern[_pos] != ')')
            {
                var atom = Atom(out var endAnchor);
                if (atom is null)
                {
                    return null;
                }

                var piece = Quantified(atom.Value);
                if (piece is null)
                {
                    return null;
                }

                // The sequence ends in '/' when this piece does, or when it can be empty and the earlier part does.
                result = new Piece(result.Nullable && piece.Value.Nullable, piece.Value.EndSlash || (piece.Value.Nullable && result.EndSlash));
                // Whatever follows the end anchor can only match the empty string.
                anchoredAtEnd |= endAnchor;
            }

            return result;
        }

        private Piece? Quantified(Piece atom)
        {
            if (_pos >= _pattern.Length)
            {
                return atom;
            }

            int min;
            int max;
            var c = _pattern[_pos];
            if (c == '*' || c == '+' || c == '?')
            {
                min = c == '+' ? 1 : 0;
                max = c == '?' ? 1 : int.MaxValue;
                _pos++;
            }
            else if (c == '{' && TryBraces(out min, out max))
            {
            }
            else
            {
                return atom;
            }

            if (_pos < _pattern.Length && _pattern[_pos] == '?')
            {
                _pos++;
            }

            if (max == 0)
            {
                return Piece.ZeroWidth;
            }

            return new Piece(min == 0 || atom.Nullable, atom.EndSlash);
        }

        private bool TryBraces(out int min, out int max)
        {
            min = 0;
            max = 0;
            var close = _pattern.IndexOf('}', _pos);
            if (close < 0)
            {
                return false;
            }

            var body = _pattern.Substring(_pos + 1, close - _pos - 1);
            var comma = body.IndexOf(',');
            var first = comma < 0 ? body : body.Substring(0, comma);
            if (!int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out min))
            {
                return false;
            }

            if (comma < 0)
            {
                max = min;
            }
            else if (comma == body.Length - 1)
            {
                max = int.MaxValue;
            }
            else if (!int.TryParse(body.Substring(comma + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out max))
            {
                return false;
            }

            _pos = close + 1;
            return true;
        }

        private Piece? Atom(out bool endAnchor)
        {
            endAnchor = false;
            var c = _pattern[_pos];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return Char(ClassText());
                case '\\':
                    return Escape(out endAnchor);
                case '^':
                    _pos++;
                    return Piece.ZeroWidth;
                case '$':
                    _pos++;
                    endAnchor = (_multiline & RegexOptions.Multiline) == 0;
                    return Piece.ZeroWidth;
                case '.':
                    _pos++;
                    return Char(".");
                default:
                    _pos++;
                    return new Piece(false, c == '/');
            }
        }

        private Piece? Group()
        {
            _pos++;
            var zeroWidth = false;
            if (_pos < _pattern.Length && _pattern[_pos] == '?')
            {
                var rest = _pattern.Substring(_pos + 1);
                if (rest.StartsWith("#", System.StringComparison.Ordinal))
                {
                    var end = _pattern.IndexOf(')', _pos);
                    _pos = end < 0 ? _pattern.Length : end + 1;
                    return Piece.ZeroWidth;
                }

                if (rest.StartsWith("(", System.StringComparison.Ordinal))
                {
                    return null;
                }

                if (rest.StartsWith("=", System.StringComparison.Ordinal) || rest.StartsWith("!", System.StringComparison.Ordinal)
                    || rest.StartsWith("<=", System.StringComparison.Ordinal) || rest.StartsWith("<!", System.StringComparison.Ordinal))
                {
                    zeroWidth = true;
                    _pos += rest[0] == '<' ? 3 : 2;
                }
                else if (rest.StartsWith(":", System.StringComparison.Ordinal) || rest.StartsWith(">", System.StringComparison.Ordinal))
                {
                    _pos += 2;
                }
                else if (rest.StartsWith("<", System.StringComparison.Ordinal) || rest.StartsWith("'", System.StringComparison.Ordinal))
                {
                    var close = _pattern.IndexOf(rest[0] == '<' ? '>' : '\'', _pos + 2);
                    if (close < 0)
                    {
                        return null;
                    }

                    _pos = close + 1;
                }
                else
                {
                    // Inline options: (?imnsx-imnsx) or (?imnsx-imnsx: … ).
                    var i = _pos + 1;
                    while (i < _pattern.Length && "imnsx-".IndexOf(_pattern[i]) >= 0)
                    {
                        i++;
                    }

                    var flags = _pattern.Substring(_pos + 1, i - _pos - 1);
                    var minus = flags.IndexOf('-');
                    if (i >= _pattern.Length || (minus < 0 ? flags : flags.Substring(0, minus)).IndexOfAny(UnsupportedInlineOptions) >= 0)
                    {
                        return null;
                    }

                    _pos = i + 1;
                    if (_pattern[i] == ')')
                    {
                        return Piece.ZeroWidth;
                    }

                    if (_pattern[i] != ':')
                    {
                        return null;
                    }
                }
            }

            var inner = Alternation(topLevel: false);
            if (inner is null || _pos >= _pattern.Length || _pattern[_pos] != ')')
            {
                return null;
            }

            _pos++;
            return zeroWidth ? Piece.ZeroWidth : inner;
        }

        private string ClassText()
        {
            var start = _pos;
            var depth = 0;
            _pos++;
            if (_pos < _pattern.Length && _pattern[_pos] == '^')
            {
                _pos++;
            }

            // A ']' right after '[' or '[^' is a literal.
            if (_pos < _pattern.Length && _pattern[_pos] == ']')
            {
                _pos++;
            }

            while (_pos < _pattern.Length)
            {
                var c = _pattern[_pos];
                if (c == '\\')
                {
                    _pos += 2;
                    continue;
                }

                if (c == '[')
                {
                    depth++;
                }
                else if (c == ']')
                {
                    if (depth == 0)
                    {
                        _pos++;
                        return _pattern.Substring(start, _pos - start);
                    }

                    depth--;
                }

                _pos++;
            }

            throw new System.ArgumentException("unterminated class");
        }

        private Piece? Escape(out bool endAnchor)
        {
            endAnchor = false;
            if (_pos + 1 >= _pattern.Length)
            {
                return null;
            }

            var c = _pattern[_pos + 1];
            switch (c)
            {
                case 'z':
                case 'Z':
                    endAnchor = true;
                    _pos += 2;
                    return Piece.ZeroWidth;
                case 'A':
                case 'G':
                case 'b':
                case 'B':
                    _pos += 2;
                    return Piece.ZeroWidth;
                case 'k':
                    return null;
                case 'p':
                case 'P':
                    var close = _pattern.IndexOf('}', _pos);
                    if (close < 0)
                    {
                        return null;
                    }

                    var start = _pos;
                    _pos = close + 1;
                    return Char(_pattern.Substring(start, _pos - start));
                case 'x':
                    return CharEscape(4);
                case 'u':
                    return CharEscape(6);
                case 'c':
                    return CharEscape(3);
            }

            if (c >= '1' && c <= '9')
            {
                return null;
            }

            if (c == '0')
            {
                var end = _pos + 2;
                while (end < _pattern.Length && end < _pos + 4 && _pattern[end] >= '0' && _pattern[end] <= '7')
                {
                    end++;
                }

                var text = _pattern.Substring(_pos, end - _pos);
                _pos = end;
                return Char(text);
            }

            return CharEscape(2);
        }

        private Piece CharEscape(int length)
        {
            var text = _pattern.Substring(_pos, System.Math.Min(length, _pattern.Length - _pos));
            _pos += text.Length;
            return Char(text);
        }

        /// <summary>One character from a class, escape or '.': .NET's own regex says whether '/' is one of them.</summary>
        private Piece Char(string text) => new Piece(false, Regex.IsMatch("/", "\\A(?:" + text + ")\\z", _options));
    }
}
