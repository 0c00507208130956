using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Routing;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>
    /// Proves that every template path can be reached under precedence routing. Vault routes by path
    /// first and only then looks for the operation, so a path whose every request is taken by paths
    /// of higher precedence is dead for all its operations: those requests run the winner's handler
    /// or get its 405. A list handler is dead as well when only its paths ending in '/' are taken,
    /// since every list request ends in '/'.
    /// </summary>
    internal static class ReachabilityCheck
    {
        private const int List = 5;

        /// <summary>What the check needs to know about one template path.</summary>
        internal sealed class PathFacts
        {
            public PathFacts(string template, Location? location, IReadOnlyList<(string Method, int Operation, Location? Location)> handlers)
            {
                Template = template;
                Location = location;
                Handlers = handlers;
            }

            public string Template { get; }

            public Location? Location { get; }

            public IReadOnlyList<(string Method, int Operation, Location? Location)> Handlers { get; }

            public IEnumerable<int> Operations => Handlers.Select(h => h.Operation).Distinct().OrderBy(o => o);
        }

        /// <summary>A finding: descriptor id, where, and the message arguments.</summary>
        internal sealed class Finding
        {
            public Finding(string id, Location? location, string[] arguments)
            {
                Id = id;
                Location = location;
                Arguments = arguments;
            }

            public string Id { get; }

            public Location? Location { get; }

            public string[] Arguments { get; }
        }

        /// <param name="ordered">Every template form in routing order.</param>
        /// <param name="paths">The template paths; those already reported as ambiguous left out.</param>
        /// <param name="cancellationToken">Cancels the check.</param>
        public static List<Finding> Check(IReadOnlyList<TemplateVariant> ordered, IReadOnlyList<PathFacts> paths, CancellationToken cancellationToken)
        {
            var findings = new List<Finding>();
            var byTemplate = paths.ToDictionary(p => p.Template, System.StringComparer.Ordinal);
            foreach (var path in paths)
            {
                if (TemplateReachability.FindShadow(ordered, path.Template, false, cancellationToken) is { } shadow)
                {
                    findings.Add(new Finding(DiagnosticDescriptors.UnreachablePathId, path.Location, new[]
                    {
                        path.Template, Show(shadow.Path), shadow.Winner.TemplateText,
                        Consequence(byTemplate, shadow.Winner.TemplateText, path.Operations) + Advice(ordered, shadow.Winner, path.Template, false, cancellationToken),
                    }));
                    continue;
                }

                // No shadow for a template that cannot end in '/' at all: that is the analyzers' VPG0103.
                var list = path.Handlers.FirstOrDefault(h => h.Operation == List);
                if (list.Method != null && TemplateReachability.FindShadow(ordered, path.Template, true, cancellationToken) is { } folder)
                {
                    findings.Add(new Finding(DiagnosticDescriptors.UnreachableListId, list.Location, new[]
                    {
                        list.Method, path.Template, Show(folder.Path), folder.Winner.TemplateText,
                        Consequence(byTemplate, folder.Winner.TemplateText, new[] { List }) + Advice(ordered, folder.Winner, path.Template, true, cancellationToken),
                    }));
                }
            }

            return findings;
        }

        private static string Show(string path) => path.Replace("\n", "\\n");

        /// <summary>What the winner does with the shadowed path's operations: serve them itself, or answer 405.</summary>
        private static string Consequence(Dictionary<string, PathFacts> byTemplate, string winner, IEnumerable<int> operations)
        {
            var served = byTemplate.TryGetValue(winner, out var facts) ? new HashSet<int>(facts.Operations) : new HashSet<int>();
            var ops = operations.ToList();
            var taken = ops.Where(served.Contains).Select(OperationNames.WireName).ToList();
            var refused = ops.Where(o => !served.Contains(o)).Select(OperationNames.WireName).ToList();
            var parts = new List<string>();
            if (refused.Count > 0)
            {
                parts.Add("answers " + string.Join(", ", refused) + " with 405 (unsupported operation)");
            }

            if (taken.Count > 0)
            {
                parts.Add("runs its own " + string.Join(", ", taken) + " handler" + (taken.Count > 1 ? "s" : ""));
            }

            return parts.Count == 0 ? "" : ", which " + string.Join(" and ", parts);
        }

        private static string Advice(IReadOnlyList<TemplateVariant> ordered, TemplateVariant winner, string shadowed, bool endsInSlash, CancellationToken cancellationToken) =>
            TemplateReachability.KeyRewrite(ordered, winner.TemplateText, shadowed, endsInSlash, cancellationToken) is { } rewritten
                ? "; declaring it \"" + rewritten + "\" (a key that never ends in '/') would leave those paths to \"" + shadowed + "\""
                : "";
    }
}
