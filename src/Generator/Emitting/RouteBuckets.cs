using System;
using System.Collections.Generic;
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
        private const string SegmentMethod = "__VpgSegment";

        /// <summary>Emits the routes as a switch over the path's segment group, or as one list when no route fixes a segment.</summary>
        public static void EmitChain(SourceWriter w, BackendSpec backend, Action<int> emitRoute)
        {
            var keys = Keys(backend);
            var buckets = keys.Where(k => k != null).Distinct().ToList();
            if (buckets.Count == 0)
            {
                for (var r = 0; r < backend.Routes.Count; r++)
                {
                    emitRoute(r);
                }

                return;
            }

            w.Open("switch (" + SegmentMethod + "(path))");
            for (var b = 0; b <= buckets.Count; b++)
            {
                w.Line(b == buckets.Count ? "default:" : "case " + (b + 1) + ":");
                w.Open("");
                for (var r = 0; r < backend.Routes.Count; r++)
                {
                    if (keys[r] == null || (b < buckets.Count && keys[r] == buckets[b]))
                    {
                        emitRoute(r);
                    }
                }

                w.Line("break;");
                w.Close();
            }

            w.Close();
            w.Line();
        }

        /// <summary>Emits the method that maps a path's first segment to its group (0: no group).</summary>
        public static void EmitSegmentMethod(SourceWriter w, BackendSpec backend)
        {
            var buckets = Keys(backend).Where(k => k != null).Distinct().ToList();
            if (buckets.Count == 0)
            {
                return;
            }

            w.Line();
            w.Line("/// <summary>The group of routes the first segment of <paramref name=\"path\"/> selects; 0 when it selects none.</summary>");
            w.Open("private static int " + SegmentMethod + "(string path)");
            w.Line("var slash = path.IndexOf('/');");
            w.Open("switch (global::System.MemoryExtensions.AsSpan(path, 0, slash < 0 ? path.Length : slash))");
            for (var b = 0; b < buckets.Count; b++)
            {
                w.Line("case " + ConstantConversion.Literal(buckets[b]!) + ": return " + (b + 1) + ";");
            }

            w.Line("default: return 0;");
            w.Close();
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
