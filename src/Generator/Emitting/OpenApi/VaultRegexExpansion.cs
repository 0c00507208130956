using System.Collections.Generic;
using System.Text;

namespace VaultPathGen.Generator.Emitting.OpenApi
{
    /// <summary>
    /// Vault's expansion of a path regex into OpenAPI paths (sdk/framework/openapi.go,
    /// <c>expandPattern</c>), re-implemented over the Go regex syntax Vault patterns use: a named
    /// group becomes <c>{name}</c> and its inside is skipped; <c>a|b</c> and <c>x?</c> fork the path
    /// (the path without the optional part first); an optional single <c>/</c> that ends a path is
    /// dropped (so <c>keys/?</c> gives <c>keys</c> alone); anchors match nothing; any other construct
    /// outside a named group (<c>.</c>, classes, <c>*</c>, <c>+</c>, repeats) cannot be written as an
    /// OpenAPI path, and the result is null, as Vault's <c>errUnsupportableRegexpOperationForOpenAPI</c>.
    /// </summary>
    internal static class VaultRegexExpansion
    {
        /// <summary>The OpenAPI paths (no leading slash) and every capture name, or null when the pattern cannot be expressed.</summary>
        public static List<string>? Expand(string pattern, out HashSet<string> captures)
        {
            captures = new HashSet<string>();
            var parser = new Parser(pattern);
            Node root;
            try
            {
                root = parser.ParseAlternation();
                if (parser.Position != pattern.Length)
                {
                    return null;
                }
            }
            catch (Unsupported)
            {
                return null;
            }

            var collectors = new List<Collector> { new Collector() };
            if (!Collect(root, ref collectors, captures))
            {
                return null;
            }

            var paths = new List<string>();
            foreach (var c in collectors)
            {
                if (c.ConditionalSlashAt != c.Text.Length)
                {
                    paths.Add(c.Text.ToString());
                }
            }

            return paths;
        }

        private static bool Collect(Node node, ref List<Collector> appendingTo, HashSet<string> captures)
        {
            switch (node.Kind)
            {
                case NodeKind.Empty:
                    return true;
                case NodeKind.Literal:
                    foreach (var c in appendingTo)
                    {
                        c.Text.Append(node.Text);
                    }

                    return true;
                case NodeKind.Concat:
                case NodeKind.Group:
                    foreach (var child in node.Children)
                    {
                        if (!Collect(child, ref appendingTo, captures))
                        {
                            return false;
                        }
                    }

                    return true;
                case NodeKind.Named:
                    foreach (var c in appendingTo)
                    {
                        c.Text.Append('{').Append(node.Text).Append('}');
                    }

                    captures.Add(node.Text);
                    return true;
                case NodeKind.Alternate:
                {
                    var total = new List<Collector>();
                    for (var i = 0; i < node.Children.Count; i++)
                    {
                        var branch = i == node.Children.Count - 1 ? appendingTo : Clone(appendingTo);
                        if (!Collect(node.Children[i], ref branch, captures))
                        {
                            return false;
                        }

                        total.AddRange(branch);
                    }

                    appendingTo = total;
                    return true;
                }

                case NodeKind.Quest:
                {
                    var child = node.Children[0];
                    var with = Clone(appendingTo);
                    if (!Collect(child, ref with, captures))
                    {
                        return false;
                    }

                    if (child.Kind == NodeKind.Literal && child.Text == "/")
                    {
                        foreach (var c in with)
                        {
                            c.ConditionalSlashAt = c.Text.Length;
                        }
                    }

                    var all = new List<Collector>(appendingTo);
                    all.AddRange(with);
                    appendingTo = all;
                    return true;
                }

                default:
                    return false;
            }
        }

        private static List<Collector> Clone(List<Collector> collectors)
        {
            var copy = new List<Collector>(collectors.Count);
            foreach (var c in collectors)
            {
                copy.Add(new Collector { ConditionalSlashAt = c.ConditionalSlashAt, Text = new StringBuilder(c.Text.ToString()) });
            }

            return copy;
        }

        private sealed class Collector
        {
            public StringBuilder Text = new StringBuilder();
            public int ConditionalSlashAt = -1;
        }

        private enum NodeKind
        {
            Empty,
            Literal,
            Concat,
            Alternate,
            Quest,
            Group,
            Named,
            Unsupported,
        }

        private sealed class Node
        {
            public Node(NodeKind kind, string text = "", List<Node>? children = null)
            {
                Kind = kind;
                Text = text;
                Children = children ?? new List<Node>();
            }

            public NodeKind Kind { get; }
            public string Text { get; }
            public List<Node> Children { get; }
        }

        private sealed class Unsupported : System.Exception
        {
        }

        /// <summary>The subset of Go's regexp/syntax that decides Vault's expansion.</summary>
        private sealed class Parser
        {
            private readonly string _s;

            public Parser(string s) => _s = s;

            public int Position { get; private set; }

            private bool More => Position < _s.Length;

            private char Peek => _s[Position];

            public Node ParseAlternation()
            {
                var branches = new List<Node> { ParseConcat() };
                while (More && Peek == '|')
                {
                    Position++;
                    branches.Add(ParseConcat());
                }

                return branches.Count == 1 ? branches[0] : new Node(NodeKind.Alternate, children: branches);
            }

            private Node ParseConcat()
            {
                var items = new List<Node>();
                while (More && Peek != '|' && Peek != ')')
                {
                    var atom = ParseAtom();
                    while (More)
                    {
                        var q = Peek;
                        if (q == '?')
                        {
                            Position++;
                            if (More && Peek == '?')
                            {
                                Position++;
                            }

                            atom = new Node(NodeKind.Quest, children: new List<Node> { atom });
                        }
                        else if (q == '*' || q == '+' || (q == '{' && IsRepeat()))
                        {
                            throw new Unsupported();
                        }
                        else
                        {
                            break;
                        }
                    }

                    items.Add(atom);
                }

                return items.Count == 1 ? items[0] : new Node(NodeKind.Concat, children: items);
            }

            private bool IsRepeat()
            {
                var end = _s.IndexOf('}', Position);
                if (end < 0)
                {
                    return false;
                }

                var body = _s.Substring(Position + 1, end - Position - 1);
                if (body.Length == 0 || !char.IsDigit(body[0]))
                {
                    return false;
                }

                foreach (var c in body)
                {
                    if (!char.IsDigit(c) && c != ',')
                    {
                        return false;
                    }
                }

                return true;
            }

            private Node ParseAtom()
            {
                var c = _s[Position++];
                switch (c)
                {
                    case '^':
                    case '$':
                        return new Node(NodeKind.Empty);
                    case '.':
                        return new Node(NodeKind.Unsupported);
                    case '[':
                        return ParseClass();
                    case '\\':
                        return ParseEscape();
                    case '(':
                        return ParseGroup();
                    default:
                        return new Node(NodeKind.Literal, c.ToString());
                }
            }

            private Node ParseEscape()
            {
                if (!More)
                {
                    throw new Unsupported();
                }

                var e = _s[Position++];
                switch (e)
                {
                    case 'A':
                    case 'z':
                    case 'b':
                    case 'B':
                        return new Node(NodeKind.Empty);
                    case 'd':
                    case 'D':
                    case 'w':
                    case 'W':
                    case 's':
                    case 'S':
                    case 'p':
                    case 'P':
                    case 'Q':
                    case 'x':
                        return new Node(NodeKind.Unsupported);
                    case 'n': return new Node(NodeKind.Literal, "\n");
                    case 't': return new Node(NodeKind.Literal, "\t");
                    default:
                        return new Node(NodeKind.Literal, e.ToString());
                }
            }

            /// <summary>Go turns a class of exactly one character (<c>[/]</c>) into that literal; any other class is unsupported.</summary>
            private Node ParseClass()
            {
                var start = Position;
                var end = ClassEnd(start);
                Position = end + 1;
                var body = _s.Substring(start, end - start);
                if (body.Length == 1 && body[0] != '^')
                {
                    return new Node(NodeKind.Literal, body);
                }

                if (body.Length == 2 && body[0] == '\\' && !char.IsLetterOrDigit(body[1]))
                {
                    return new Node(NodeKind.Literal, body.Substring(1));
                }

                return new Node(NodeKind.Unsupported);
            }

            private int ClassEnd(int start)
            {
                var i = start;
                if (i < _s.Length && _s[i] == '^')
                {
                    i++;
                }

                if (i < _s.Length && _s[i] == ']')
                {
                    i++;
                }

                while (i < _s.Length && _s[i] != ']')
                {
                    if (_s[i] == '\\')
                    {
                        i++;
                    }
                    else if (_s[i] == '[' && i + 1 < _s.Length && _s[i + 1] == ':')
                    {
                        var close = _s.IndexOf(":]", i + 2, System.StringComparison.Ordinal);
                        if (close > 0)
                        {
                            i = close + 1;
                        }
                    }

                    i++;
                }

                if (i >= _s.Length)
                {
                    throw new Unsupported();
                }

                return i;
            }

            private Node ParseGroup()
            {
                if (More && Peek == '?')
                {
                    Position++;
                    string? name = null;
                    if (More && Peek == 'P' && Position + 1 < _s.Length && _s[Position + 1] == '<')
                    {
                        Position += 2;
                        name = ReadName();
                    }
                    else if (More && Peek == '<')
                    {
                        Position++;
                        name = ReadName();
                    }

                    if (name != null)
                    {
                        SkipGroupBody();
                        return new Node(NodeKind.Named, name);
                    }

                    // Flags: (?i) matches nothing; (?i:…) and (?:…) group without capturing.
                    while (More && Peek != ':' && Peek != ')')
                    {
                        Position++;
                    }

                    if (!More)
                    {
                        throw new Unsupported();
                    }

                    if (Peek == ')')
                    {
                        Position++;
                        return new Node(NodeKind.Empty);
                    }

                    Position++;
                    var inner = ParseAlternation();
                    Expect(')');
                    return inner;
                }

                // Vault treats an unnamed group like its contents, but the group still hides a lone
                // "/" from the optional-slash rule, as in Go's syntax tree.
                var body = ParseAlternation();
                Expect(')');
                return new Node(NodeKind.Group, children: new List<Node> { body });
            }

            private string ReadName()
            {
                var end = _s.IndexOf('>', Position);
                if (end < 0)
                {
                    throw new Unsupported();
                }

                var name = _s.Substring(Position, end - Position);
                Position = end + 1;
                return name;
            }

            private void SkipGroupBody()
            {
                var depth = 1;
                while (More)
                {
                    var c = _s[Position];
                    if (c == '\\')
                    {
                        Position += 2;
                        continue;
                    }

                    if (c == '[')
                    {
                        Position = ClassEnd(Position + 1) + 1;
                        continue;
                    }

                    Position++;
                    if (c == '(')
                    {
                        depth++;
                    }
                    else if (c == ')' && --depth == 0)
                    {
                        return;
                    }
                }

                throw new Unsupported();
            }

            private void Expect(char c)
            {
                if (!More || Peek != c)
                {
                    throw new Unsupported();
                }

                Position++;
            }
        }
    }
}
