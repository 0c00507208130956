using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Model;
using VaultPathGen.Generator.Parsing;
using VaultPathGen.Routing;

namespace VaultPathGen.Generator.Emitting
{
    /// <summary>
    /// Emits a list of routes, in precedence order, as one tree of checks: routes next to each other in
    /// the list that begin with the same step (the same literal text, or a name scanned from the same
    /// place) share that step, so a request reads each piece of its path once instead of once per
    /// route. Matching a route is deterministic (a literal is fixed text, a name is the longest run of
    /// name characters), so after a shared step every route that shares it stands at the same position;
    /// and only neighbours are merged, so falling out of a shared step goes on with the next route of
    /// the list, exactly as trying the routes one by one would. The first route in precedence order
    /// that matches still wins.
    /// </summary>
    internal static class RouteTrie
    {
        private enum StepKind
        {
            Literal,
            Name,
            End,
            Tail,
            Regex,
        }

        /// <summary>One check of a route: literal text, a name, the end of the path, a slash-spanning tail or a whole regex.</summary>
        private sealed class Step
        {
            public Step(StepKind kind, string text = "", TemplatePartKind part = TemplatePartKind.Literal, int capture = -1)
            {
                Kind = kind;
                Text = text;
                Part = part;
                Capture = capture;
            }

            public StepKind Kind { get; }

            /// <summary>The literal, or the literal that follows a tail capture.</summary>
            public string Text { get; }

            /// <summary>The capture's kind, for names and tails.</summary>
            public TemplatePartKind Part { get; }

            /// <summary>The capture's index in its path, for names and tails.</summary>
            public int Capture { get; }
        }

        /// <summary>A position in the path: a variable plus a constant (or the constant alone).</summary>
        private readonly struct Position
        {
            public Position(string? variable, int offset)
            {
                Variable = variable;
                Offset = offset;
            }

            public string? Variable { get; }

            public int Offset { get; }

            public Position Plus(int n) => new Position(Variable, Offset + n);

            public bool SameAs(Position other) => Variable == other.Variable && Offset == other.Offset;

            public override string ToString() => Variable is null
                ? Offset.ToString(CultureInfo.InvariantCulture)
                : Offset == 0 ? Variable : Variable + " + " + Offset.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>A route part-way through: the steps left, where it stands, and the captures it has found.</summary>
        private sealed class Pending
        {
            public Pending(int route, List<Step> steps, Position at, List<string> captures)
            {
                Route = route;
                Steps = steps;
                At = at;
                Captures = captures;
            }

            public int Route { get; }

            public List<Step> Steps { get; }

            public Position At { get; }

            /// <summary>Per capture of the path, the range expression found so far (null: not yet, or omitted).</summary>
            public List<string> Captures { get; }

            public Pending Advance(int steps, Position at, int capture = -1, string? range = null)
            {
                var captures = Captures;
                if (capture >= 0)
                {
                    captures = new List<string>(Captures);
                    captures[capture] = range!;
                }

                return new Pending(Route, Steps.Skip(steps).ToList(), at, captures);
            }

            public Pending WithLiteral(string rest, Position at)
            {
                var steps = Steps.Skip(1).ToList();
                if (rest.Length > 0)
                {
                    steps.Insert(0, new Step(StepKind.Literal, rest));
                }

                return new Pending(Route, steps, at, Captures);
            }
        }

        /// <summary>
        /// A route to be matched from <see cref="Known"/> characters in: the first <see cref="Known"/>
        /// characters of its literal text are already checked (the segment the group switch matched).
        /// </summary>
        public readonly struct Start
        {
            public Start(int route, int known)
            {
                Route = route;
                Known = known;
            }

            public int Route { get; }

            public int Known { get; }
        }

        /// <summary>
        /// Emits the checks for <paramref name="routes"/> (in precedence order): on a match, the path's
        /// captures go to the <c>out</c> parameters <c>c0</c>, <c>c1</c>… (the <paramref name="captures"/>
        /// the method has; those the path does not fill get <c>default</c>) and its index is returned; on
        /// none, control falls out of the emitted code with the <c>out</c> parameters unassigned.
        /// <paramref name="slashAt"/> is a position the caller has checked holds '/' when the path is
        /// longer (the end of the segment the group switch matched), or -1.
        /// </summary>
        public static void Emit(SourceWriter w, BackendSpec backend, IEnumerable<Start> routes, int captures, int slashAt)
        {
            var names = 0;
            var tree = new Tree(backend, captures, slashAt);
            EmitList(w, tree, routes.Select(s => Begin(backend, s)).ToList(), ref names);
        }

        /// <summary>What every step of one emitted tree needs to know.</summary>
        private sealed class Tree
        {
            public Tree(BackendSpec backend, int captures, int slashAt)
            {
                Backend = backend;
                Captures = captures;
                SlashAt = slashAt;
            }

            public BackendSpec Backend { get; }

            /// <summary>How many <c>out</c> captures the emitting method has.</summary>
            public int Captures { get; }

            public int SlashAt { get; }
        }

        private static Pending Begin(BackendSpec backend, Start start)
        {
            var route = backend.Routes[start.Route];
            var path = backend.Paths[route.PathIndex];
            var steps = new List<Step>();
            if (path.IsRegex)
            {
                steps.Add(new Step(StepKind.Regex));
            }
            else
            {
                var parts = route.Parts;
                var known = start.Known;
                for (var i = 0; i < parts.Count; i++)
                {
                    var kind = (TemplatePartKind)parts[i].Kind;
                    var text = parts[i].Text;
                    switch (kind)
                    {
                        case TemplatePartKind.Literal:
                            if (known < text.Length)
                            {
                                steps.Add(new Step(StepKind.Literal, text.Substring(known)));
                            }

                            known = 0;
                            break;
                        case TemplatePartKind.Name:
                        case TemplatePartKind.NameWithAt:
                            steps.Add(new Step(StepKind.Name, part: kind, capture: path.Captures.ToList().IndexOf(text)));
                            break;
                        default:
                            steps.Add(new Step(StepKind.Tail, i + 1 < parts.Count ? parts[i + 1].Text : "", kind, path.Captures.ToList().IndexOf(text)));
                            i = parts.Count;
                            break;
                    }
                }

                if (steps.Count == 0 || steps[steps.Count - 1].Kind != StepKind.Tail)
                {
                    steps.Add(new Step(StepKind.End));
                }
            }

            var captures = Enumerable.Repeat<string>(null!, path.Captures.Count).ToList();
            return new Pending(start.Route, steps, new Position(null, start.Known), captures);
        }

        private static void EmitList(SourceWriter w, Tree tree, List<Pending> list, ref int names)
        {
            var i = 0;
            while (i < list.Count)
            {
                if (i > 0)
                {
                    w.Line();
                }

                var first = list[i];
                var step = first.Steps[0];
                var at = first.At;
                var run = 1;
                switch (step.Kind)
                {
                    case StepKind.Literal:
                    {
                        var common = step.Text;
                        while (i + run < list.Count && list[i + run].At.SameAs(at) && list[i + run].Steps[0].Kind == StepKind.Literal)
                        {
                            var shared = CommonPrefix(common, list[i + run].Steps[0].Text);
                            if (shared == 0)
                            {
                                break;
                            }

                            common = common.Substring(0, shared);
                            run++;
                        }

                        var next = at.Plus(common.Length);
                        w.Open("if (" + LiteralTest(common, at, tree.SlashAt) + ")");
                        EmitList(w, tree, list.Skip(i).Take(run).Select(p => p.WithLiteral(p.Steps[0].Text.Substring(common.Length), next)).ToList(), ref names);
                        w.Close();
                        break;
                    }

                    case StepKind.Name:
                    {
                        while (i + run < list.Count && list[i + run].At.SameAs(at) && list[i + run].Steps[0].Kind == StepKind.Name && list[i + run].Steps[0].Part == step.Part)
                        {
                            run++;
                        }

                        var end = "n" + (++names).ToString(CultureInfo.InvariantCulture);
                        var range = "new global::System.Range(" + at + ", " + end + ")";
                        w.Line("var " + end + " = global::VaultPathGen.Routing.PathMatch.ScanName(path, " + at + ", " + (step.Part == TemplatePartKind.NameWithAt ? "true" : "false") + ");");
                        w.Open("if (" + end + " >= 0)");
                        EmitList(w, tree, list.Skip(i).Take(run).Select(p => p.Advance(1, new Position(end, 0), p.Steps[0].Capture, range)).ToList(), ref names);
                        w.Close();
                        break;
                    }

                    case StepKind.End:
                        w.Open("if (path.Length == " + at + ")");
                        EmitAccept(w, tree, first);
                        w.Close();
                        break;

                    case StepKind.Tail:
                    {
                        var tail = "t" + (++names).ToString(CultureInfo.InvariantCulture);
                        var call = step.Part == TemplatePartKind.Key
                            ? "TryMatchKey(path, " + at + ", " + ConstantConversion.Literal(step.Text) + ", out var " + tail + ")"
                            : "TryMatchRest(path, " + at + ", " + ConstantConversion.Literal(step.Text) + ", " + (step.Part == TemplatePartKind.Rest ? "true" : "false") + ", out var " + tail + ")";
                        w.Open("if (global::VaultPathGen.Routing.PathMatch." + call + ")");
                        EmitAccept(w, tree, first.Advance(1, at, step.Capture, tail));
                        w.Close();
                        break;
                    }

                    default:
                    {
                        var outs = string.Concat(first.Captures.Select((_, c) => ", out c" + c.ToString(CultureInfo.InvariantCulture)));
                        w.Open("if (__VpgMatch" + first.Route.ToString(CultureInfo.InvariantCulture) + "(path" + outs + "))");
                        for (var c = first.Captures.Count; c < tree.Captures; c++)
                        {
                            w.Line("c" + c.ToString(CultureInfo.InvariantCulture) + " = default;");
                        }

                        w.Line("return " + tree.Backend.Routes[first.Route].PathIndex.ToString(CultureInfo.InvariantCulture) + ";");
                        w.Close();
                        break;
                    }
                }

                i += run;
            }
        }

        /// <summary>
        /// The match: every <c>out</c> capture written once (those found; an omitted one, and those the
        /// path does not have, empty), then the path's index. Written here rather than cleared on entry,
        /// so a request pays only for the stores of the route it takes.
        /// </summary>
        private static void EmitAccept(SourceWriter w, Tree tree, Pending route)
        {
            var spec = tree.Backend.Routes[route.Route];
            for (var c = 0; c < tree.Captures; c++)
            {
                var range = c < route.Captures.Count ? route.Captures[c] : null;
                w.Line("c" + c.ToString(CultureInfo.InvariantCulture) + " = " + (range ?? "default") + ";");
            }

            w.Line("return " + spec.PathIndex.ToString(CultureInfo.InvariantCulture) + "; // " + Describe(spec));
        }

        private static string Describe(RouteSpec route) => string.Concat(route.Parts.Select(p =>
            (TemplatePartKind)p.Kind == TemplatePartKind.Literal ? p.Text : "<" + p.Text + PathTemplate.Suffix((TemplatePartKind)p.Kind) + ">"));

        /// <summary>
        /// Whether <paramref name="literal"/> stands at <paramref name="at"/>: one character compared
        /// directly, longer text as a span. A lone '/' where the caller has already checked for one
        /// (<paramref name="slashAt"/>) needs only the length.
        /// </summary>
        private static string LiteralTest(string literal, Position at, int slashAt)
        {
            if (literal == "/" && at.Variable is null && at.Offset == slashAt)
            {
                return "path.Length > " + at;
            }

            if (literal.Length == 1)
            {
                return "path.Length > " + at + " && path[" + at + "] == " + CharLiteral(literal[0]);
            }

            return "global::System.MemoryExtensions.StartsWith(global::System.MemoryExtensions.AsSpan(path, " + at + "), " + ConstantConversion.Literal(literal) + ")";
        }

        internal static string CharLiteral(char c) => c == '\'' || c == '\\' ? "'\\" + c + "'" : "'" + c + "'";

        private static int CommonPrefix(string a, string b)
        {
            var n = 0;
            while (n < a.Length && n < b.Length && a[n] == b[n])
            {
                n++;
            }

            return n;
        }
    }
}
