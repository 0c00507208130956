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
    /// Routes grouped by the first path segment their leading literal fixes, so a request tries only the
    /// routes that can match it instead of all of them: with hundreds of paths the cost of routing stays
    /// that of a handful of compares. Routes that do not fix the first segment (a leading capture, a
    /// regex) can match anything and sit in every group; within a group routes keep their precedence
    /// order, so the first match is the one the full list would find.
    /// </summary>
    internal static class RouteBuckets
    {
        /// <summary>The router: <c>int __VpgRoute(string path, out Range c0, …)</c>, the path's index or -1.</summary>
        public const string RouteMethod = "__VpgRoute";

        private const string GroupMethod = "__VpgRouteGroup";

        /// <summary>
        /// Emits the router: a switch over the path's first character, then a compare of each segment
        /// that starts with it, which hands the path to that segment's group method, where the group's
        /// routes are one <see cref="RouteTrie"/> starting after the segment. Comparing the known
        /// segments costs less than finding the first '/' and switching over the text before it. Each
        /// group gets its own method because one method holding every route can grow past the size the
        /// JIT optimizes. With no route fixing a segment, the router is one tree.
        /// </summary>
        public static void EmitRouter(SourceWriter w, BackendSpec backend, int captures)
        {
            var keys = Keys(backend);
            var buckets = keys.Where(k => k != null).Select(k => k!).Distinct().ToList();
            var outs = string.Concat(Enumerable.Range(0, captures).Select(c => ", out c" + c));
            w.Line();
            w.Line("/// <summary>The index of the path <paramref name=\"path\"/> goes to (-1: none), and its captures in the order it declares them.</summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            if (buckets.Count == 0)
            {
                EmitGroup(w, backend, RouteMethod, captures, Enumerable.Range(0, backend.Routes.Count).Select(r => new RouteTrie.Start(r, 0)).ToList(), -1);
                return;
            }

            w.Open("private static int " + RouteMethod + "(string path" + OutParameters(captures) + ")");
            w.Open("if (path.Length > 0)");
            w.Open("switch (path[0])");
            foreach (var first in buckets.GroupBy(k => k[0]).OrderBy(g => g.Key))
            {
                w.Line("case " + RouteTrie.CharLiteral(first.Key) + ":");
                w.Open("");
                foreach (var key in first)
                {
                    var n = key.Length.ToString(CultureInfo.InvariantCulture);
                    w.Open("if (global::System.MemoryExtensions.StartsWith(global::System.MemoryExtensions.AsSpan(path), " + ConstantConversion.Literal(key) + ") && (path.Length == " + n + " || path[" + n + "] == '/'))");
                    w.Line("return " + GroupMethod + (buckets.IndexOf(key) + 1).ToString(CultureInfo.InvariantCulture) + "(path" + outs + ");");
                    w.Close();
                    w.Line();
                }

                w.Line("break;");
                w.Close();
            }

            w.Close();
            w.Close();
            w.Line();
            var anywhere = Enumerable.Range(0, backend.Routes.Count).Where(r => keys[r] == null).Select(r => new RouteTrie.Start(r, 0)).ToList();
            if (anywhere.Count > 0)
            {
                w.Line("return " + GroupMethod + "0(path" + outs + ");");
            }
            else
            {
                for (var c = 0; c < captures; c++)
                {
                    w.Line("c" + c + " = default;");
                }

                w.Line("return -1;");
            }

            w.Close();
            if (anywhere.Count > 0)
            {
                w.Line();
                w.Line("/// <summary>Routes for a path whose first segment no route fixes: those that start with a capture or are regexes.</summary>");
                EmitGroup(w, backend, GroupMethod + "0", captures, anywhere, -1);
            }

            for (var b = 0; b < buckets.Count; b++)
            {
                var bucket = buckets[b];
                var routes = Enumerable.Range(0, backend.Routes.Count)
                    .Where(r => keys[r] == null || keys[r] == bucket)
                    .Select(r => new RouteTrie.Start(r, keys[r] == null ? 0 : bucket.Length))
                    .ToList();
                w.Line();
                w.Line("/// <summary>Routes for a path whose first segment is <c>" + BackendEmitter.Escape(bucket) + "</c>, which the router has checked.</summary>");
                EmitGroup(w, backend, GroupMethod + (b + 1).ToString(CultureInfo.InvariantCulture), captures, routes, bucket.Length);
            }
        }

        private static string OutParameters(int captures) =>
            string.Concat(Enumerable.Range(0, captures).Select(c => ", out global::System.Range c" + c));

        /// <summary>
        /// A method that tries <paramref name="routes"/> as one tree: the path's index, or -1.
        /// <paramref name="slashAt"/>: where the router has seen '/' or the end, or -1.
        /// </summary>
        private static void EmitGroup(SourceWriter w, BackendSpec backend, string name, int captures, List<RouteTrie.Start> routes, int slashAt)
        {
            w.Open("private static int " + name + "(string path" + OutParameters(captures) + ")");
            if (routes.Count > 0)
            {
                RouteTrie.Emit(w, backend, routes, captures, slashAt);
                w.Line();
            }

            for (var c = 0; c < captures; c++)
            {
                w.Line("c" + c + " = default;");
            }

            w.Line("return -1;");
            w.Close();
        }

        /// <summary>Per route, the first segment every path it matches has, or null when it is not fixed.</summary>
        private static List<string?> Keys(BackendSpec backend) => backend.Routes.Select(route =>
        {
            if (backend.Paths[route.PathIndex].IsRegex || route.Parts.Count == 0 || (TemplatePartKind)route.Parts[0].Kind != TemplatePartKind.Literal)
            {
                return null;
            }

            var literal = route.Parts[0].Text;
            var slash = literal.IndexOf('/');
            if (slash >= 0)
            {
                return literal.Substring(0, slash);
            }

            return route.Parts.Count == 1 ? literal : null;
        }).ToList();
    }
}
