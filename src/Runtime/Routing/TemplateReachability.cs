// Linked into the generator (netstandard2.0) next to PathTemplate.cs; the runtime itself never calls
// it, its tests do. Keep it free of newer APIs.
using System;
using System.Collections.Generic;
using System.Threading;

namespace VaultPathGen.Routing
{
    /// <summary>
    /// Exact reachability of templates under precedence routing. Every template form is a regular
    /// language over the path's characters, so "does some path reach this template" is language
    /// inclusion, decided here by walking the product of the forms' automata breadth-first: the
    /// answer is a shortest witness path, or proof that none exists.
    /// </summary>
    internal static class TemplateReachability
    {
        /// <summary>
        /// A path that routes to the template <paramref name="templateText"/>: some form of it matches
        /// the path and no form of another template that precedes that form does. Null when there is
        /// none, i.e. templates of higher precedence together take every path it matches.
        /// </summary>
        /// <param name="ordered">Every template form of the backend, in routing order.</param>
        /// <param name="templateText">The template to check.</param>
        /// <param name="endsInSlash">Only consider paths ending in '/', as every list request does.</param>
        /// <param name="cancellationToken">Cancels the search.</param>
        public static string? FindReachingPath(IReadOnlyList<TemplateVariant> ordered, string templateText, bool endsInSlash, CancellationToken cancellationToken)
        {
            var earlier = new List<TemplateVariant>();
            foreach (var variant in ordered)
            {
                if (variant.TemplateText != templateText)
                {
                    earlier.Add(variant);
                    continue;
                }

                var path = FindPath(new[] { variant }, earlier, endsInSlash, cancellationToken);
                if (path != null)
                {
                    return path;
                }
            }

            return null;
        }

        /// <summary>
        /// The form that takes the shortest path of <paramref name="templateText"/> (ending in '/'
        /// when <paramref name="endsInSlash"/>) when no path reaches it; null when one does.
        /// </summary>
        public static (string Path, TemplateVariant Winner)? FindShadow(IReadOnlyList<TemplateVariant> ordered, string templateText, bool endsInSlash, CancellationToken cancellationToken)
        {
            if (FindReachingPath(ordered, templateText, endsInSlash, cancellationToken) != null)
            {
                return null;
            }

            var forms = new List<TemplateVariant>();
            foreach (var variant in ordered)
            {
                if (variant.TemplateText == templateText)
                {
                    forms.Add(variant);
                }
            }

            var path = FindPath(forms, Array.Empty<TemplateVariant>(), endsInSlash, cancellationToken);
            if (path == null)
            {
                return null;
            }

            foreach (var variant in ordered)
            {
                if (variant.TryMatch(path, out _))
                {
                    return (path, variant);
                }
            }

            return null;
        }

        /// <summary>
        /// <paramref name="winner"/> with its <c>&lt;n+&gt;</c> and <c>&lt;n*&gt;</c> captures made
        /// <c>&lt;n**&gt;</c>, when that gives <paramref name="shadowed"/> a path again (checked with the
        /// same proof, never guessed); null otherwise.
        /// </summary>
        public static string? KeyRewrite(IReadOnlyList<TemplateVariant> ordered, string winner, string shadowed, bool endsInSlash, CancellationToken cancellationToken)
        {
            var parsed = PathTemplate.Parse(winner, out _);
            if (parsed == null)
            {
                return null;
            }

            var rewritten = winner;
            foreach (var part in parsed.Parts)
            {
                if (part.Kind == TemplatePartKind.Rest || part.Kind == TemplatePartKind.Any)
                {
                    rewritten = rewritten.Replace("<" + part.Text + PathTemplate.Suffix(part.Kind) + ">", "<" + part.Text + "**>");
                }
            }

            var replacement = rewritten == winner ? null : PathTemplate.Parse(rewritten, out _);
            if (replacement == null)
            {
                return null;
            }

            var changed = new List<TemplateVariant>();
            foreach (var variant in ordered)
            {
                if (variant.TemplateText != winner)
                {
                    changed.Add(variant);
                }
            }

            changed.AddRange(replacement.Variants);
            changed.Sort(TemplateVariant.Precedence);
            return FindReachingPath(changed, shadowed, endsInSlash, cancellationToken) == null ? null : rewritten;
        }

        /// <summary>
        /// A shortest path that some form in <paramref name="matching"/> matches and no form in
        /// <paramref name="excluded"/> matches (ending in '/' when <paramref name="endsInSlash"/>);
        /// null when every such path is excluded.
        /// </summary>
        public static string? FindPath(IReadOnlyList<TemplateVariant> matching, IReadOnlyList<TemplateVariant> excluded, bool endsInSlash, CancellationToken cancellationToken)
        {
            excluded = Overlapping(matching, excluded);
            var alphabet = Alphabet(matching, excluded);
            var wanted = Automaton.Build(matching);
            var unwanted = Automaton.Build(excluded);

            var start = new State(wanted.Start, unwanted.Start, false);
            var parents = new Dictionary<string, (string? Parent, char Char)> { [start.Key] = (null, '\0') };
            var queue = new Queue<State>();
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var state = queue.Dequeue();
                if (wanted.Accepts(state.Wanted) && !unwanted.Accepts(state.Unwanted) && (!endsInSlash || state.LastIsSlash))
                {
                    return Witness(parents, state.Key);
                }

                foreach (var c in alphabet)
                {
                    var next = wanted.Step(state.Wanted, c);
                    if (next.Length == 0)
                    {
                        continue;
                    }

                    var successor = new State(next, unwanted.Step(state.Unwanted, c), c == '/');
                    if (!parents.ContainsKey(successor.Key))
                    {
                        parents[successor.Key] = (state.Key, c);
                        queue.Enqueue(successor);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The excluded forms whose leading literal text agrees with some matching form's: the others
        /// share no path with them, so leaving them out changes no answer and keeps the automata small.
        /// </summary>
        private static List<TemplateVariant> Overlapping(IReadOnlyList<TemplateVariant> matching, IReadOnlyList<TemplateVariant> excluded)
        {
            var result = new List<TemplateVariant>();
            foreach (var candidate in excluded)
            {
                var prefix = LeadingLiteral(candidate);
                foreach (var form in matching)
                {
                    var other = LeadingLiteral(form);
                    if (prefix.StartsWith(other, StringComparison.Ordinal) || other.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        result.Add(candidate);
                        break;
                    }
                }
            }

            return result;
        }

        private static string LeadingLiteral(TemplateVariant variant) =>
            variant.Parts.Count > 0 && variant.Parts[0].Kind == TemplatePartKind.Literal ? variant.Parts[0].Text : "";

        private static string Witness(Dictionary<string, (string? Parent, char Char)> parents, string key)
        {
            var chars = new List<char>();
            for (var entry = parents[key]; entry.Parent != null; entry = parents[entry.Parent])
            {
                chars.Add(entry.Char);
            }

            chars.Reverse();
            return new string(chars.ToArray());
        }

        /// <summary>
        /// One character for each class of characters that every test treats alike: each literal
        /// character, each character a test names ('/', '-', '.', '@', newline), one other word
        /// character and one other character. Which character stands for a class cannot change an
        /// answer, only how the witness reads, so the readable ones come first.
        /// </summary>
        private static List<char> Alphabet(IReadOnlyList<TemplateVariant> a, IReadOnlyList<TemplateVariant> b)
        {
            var literal = new HashSet<char>();
            foreach (var list in new[] { a, b })
            {
                foreach (var variant in list)
                {
                    foreach (var part in variant.Parts)
                    {
                        if (part.Kind == TemplatePartKind.Literal)
                        {
                            literal.UnionWith(part.Text);
                        }
                    }
                }
            }

            var alphabet = new List<char>();
            void Add(char c)
            {
                if (!alphabet.Contains(c))
                {
                    alphabet.Add(c);
                }
            }

            foreach (var c in "xyzabcdefghijklmnopqrstuvwABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
            {
                if (!literal.Contains(c))
                {
                    Add(c);
                    break;
                }
            }

            var sorted = new List<char>(literal);
            sorted.Sort();
            sorted.ForEach(Add);
            foreach (var c in "/-.@")
            {
                Add(c);
            }

            // '(' is never literal text (templates refuse it), so some character of the run is free.
            foreach (var c in "~:!,;=(")
            {
                if (!literal.Contains(c))
                {
                    Add(c);
                    break;
                }
            }

            Add('\n');
            return alphabet;
        }

        private readonly struct State
        {
            public State(int[] wanted, int[] unwanted, bool lastIsSlash)
            {
                Wanted = wanted;
                Unwanted = unwanted;
                LastIsSlash = lastIsSlash;
                Key = string.Join(",", wanted) + "|" + string.Join(",", unwanted) + (lastIsSlash ? "|/" : "|");
            }

            public int[] Wanted { get; }

            public int[] Unwanted { get; }

            public bool LastIsSlash { get; }

            public string Key { get; }
        }

        private enum Test
        {
            Exact,
            Word,
            NameSeparator,
            NameSeparatorOrAt,
            NotNewline,
            NotSlash,
        }

        /// <summary>A nondeterministic automaton for a set of template forms, one state per position in a piece.</summary>
        private sealed class Automaton
        {
            private readonly List<List<(Test Test, char Char, int To)>> _edges = new List<List<(Test, char, int)>>();
            private readonly List<List<int>> _empty = new List<List<int>>();
            private readonly HashSet<int> _accepting = new HashSet<int>();

            public int[] Start { get; private set; } = Array.Empty<int>();

            public static Automaton Build(IReadOnlyList<TemplateVariant> variants)
            {
                var automaton = new Automaton();
                var start = automaton.NewState();
                foreach (var variant in variants)
                {
                    automaton._accepting.Add(automaton.AddForm(start, variant));
                }

                automaton.Start = automaton.Closure(new[] { start });
                return automaton;
            }

            public bool Accepts(int[] states)
            {
                foreach (var s in states)
                {
                    if (_accepting.Contains(s))
                    {
                        return true;
                    }
                }

                return false;
            }

            public int[] Step(int[] states, char c)
            {
                var next = new List<int>();
                foreach (var s in states)
                {
                    foreach (var (test, expected, to) in _edges[s])
                    {
                        if (Passes(test, expected, c))
                        {
                            next.Add(to);
                        }
                    }
                }

                return Closure(next);
            }

            private static bool Passes(Test test, char expected, char c)
            {
                switch (test)
                {
                    case Test.Exact: return c == expected;
                    case Test.Word: return PathMatch.IsWordChar(c);
                    case Test.NameSeparator: return c == '-' || c == '.';
                    case Test.NameSeparatorOrAt: return c == '-' || c == '.' || c == '@';
                    case Test.NotNewline: return c != '\n';
                    default: return c != '/';
                }
            }

            private int NewState()
            {
                _edges.Add(new List<(Test, char, int)>());
                _empty.Add(new List<int>());
                return _edges.Count - 1;
            }

            private void Edge(int from, Test test, int to, char c = '\0') => _edges[from].Add((test, c, to));

            /// <summary>Adds the states of one form after <paramref name="from"/>; returns its final state.</summary>
            private int AddForm(int from, TemplateVariant variant)
            {
                var current = from;
                foreach (var part in variant.Parts)
                {
                    // Each piece starts in a fresh state, so a loop at the end of one piece never
                    // leaks into the next.
                    var start = NewState();
                    _empty[current].Add(start);
                    current = AddPiece(start, part.Kind, part.Text);
                }

                return current;
            }

            private int AddPiece(int start, TemplatePartKind kind, string text)
            {
                switch (kind)
                {
                    case TemplatePartKind.Literal:
                    {
                        var current = start;
                        foreach (var c in text)
                        {
                            var next = NewState();
                            Edge(current, Test.Exact, next, c);
                            current = next;
                        }

                        return current;
                    }

                    case TemplatePartKind.Name:
                    case TemplatePartKind.NameWithAt:
                    {
                        // \w(([\w-.]+)?\w)?: "ends in a word character" accepts, "ends in a separator" does not.
                        var separator = kind == TemplatePartKind.NameWithAt ? Test.NameSeparatorOrAt : Test.NameSeparator;
                        var word = NewState();
                        var afterSeparator = NewState();
                        Edge(start, Test.Word, word);
                        Edge(word, Test.Word, word);
                        Edge(word, separator, afterSeparator);
                        Edge(afterSeparator, Test.Word, word);
                        Edge(afterSeparator, separator, afterSeparator);
                        return word;
                    }

                    case TemplatePartKind.Rest:
                    {
                        var some = NewState();
                        Edge(start, Test.NotNewline, some);
                        Edge(some, Test.NotNewline, some);
                        return some;
                    }

                    case TemplatePartKind.Any:
                        Edge(start, Test.NotNewline, start);
                        return start;

                    default:
                    {
                        // .*?[^/]: any run without a newline, then one character that is not '/'.
                        var last = NewState();
                        Edge(start, Test.NotNewline, start);
                        Edge(start, Test.NotSlash, last);
                        return last;
                    }
                }
            }

            private int[] Closure(IEnumerable<int> states)
            {
                var seen = new SortedSet<int>();
                var stack = new Stack<int>(states);
                while (stack.Count > 0)
                {
                    var s = stack.Pop();
                    if (seen.Add(s))
                    {
                        foreach (var t in _empty[s])
                        {
                            stack.Push(t);
                        }
                    }
                }

                var result = new int[seen.Count];
                seen.CopyTo(result);
                return result;
            }
        }
    }
}
