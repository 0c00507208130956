using System.Collections.Generic;
using System.Linq;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>
    /// A path's synopsis when <c>[PathOptions]</c> gives none: its handlers' summaries in the order a
    /// reader meets the operations (read, list, create, update, patch, delete), not in the
    /// alphabetical order of method names, which made <c>roles/&lt;name&gt;</c> read "Delete a role."
    /// </summary>
    internal static class PathSynopsis
    {
        private static readonly string[] ReadingOrder = { "Read", "List", "Create", "Update", "Patch", "Delete" };

        public static string Combine(IEnumerable<HandlerSpec> handlers)
        {
            var summaries = Ordered(handlers).Select(h => h.Summary.Trim()).Where(s => s.Length > 0).Distinct().ToList();
            if (summaries.Count == 1)
            {
                return summaries[0];
            }

            return string.Join(" ", summaries.Select(s => s.EndsWith(".", System.StringComparison.Ordinal) ? s : s + "."));
        }

        public static IEnumerable<HandlerSpec> Ordered(IEnumerable<HandlerSpec> handlers) =>
            handlers.OrderBy(h => h.Operations.Count == 0 ? int.MaxValue : h.Operations.Min(Rank)).ThenBy(h => h.MethodName, System.StringComparer.Ordinal);

        private static int Rank(int operation)
        {
            var i = System.Array.IndexOf(ReadingOrder, OperationNames.Member(operation));
            return i < 0 ? ReadingOrder.Length + operation : i;
        }
    }
}
