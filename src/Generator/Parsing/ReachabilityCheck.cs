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
                if (TemplateReachability.FindReachingPath(ordered, path.Template, false, cancellationToken) is null)
                {
                    var example = TemplateReachability.FindPath(Forms(ordered, path.Template), System.Array.Empty<TemplateVariant>(), false, cancellationToken)!;
                    var winner = Winner(ordered, example);
                    findings.Add(new Finding(DiagnosticDescriptors.UnreachablePathId, path.Location, new[]
                    {
                        path.Template, Show(example), winner.TemplateText,
                        Consequence(byTemplate, winner.TemplateText, path.Operations) + Advice(ordered, winner, path.Template, false, cancellationToken),
                    }));
                    continue;
                }

                var list = path.Handlers.FirstOrDefault(h => h.Operation == List);
                if (list.Method is null || TemplateReachability.FindReachingPath(ordered, path.Template, true, cancellationToken) != null)
                {
                    continue;
                }

                // A template that cannot end in '/' at all is the analyzers' VPG0103.
                if (TemplateReachability.FindPath(Forms(ordered, path.Template), System.Array.Empty<TemplateVariant>(), true, cancellationToken) is { } slashed)
                {
                    var winner = Winner(ordered, slashed);
                    findings.Add(new Finding(DiagnosticDescriptors.UnreachableListId, list.Location, new[]
                    {
                        list.Method, path.Template, Show(slashed), winner.TemplateText,
                        Consequence(byTemplate, winner.TemplateText, new[] { List }) + Advice(ordered, winner, path.Template, true, cancellationToken),
                    }));
                }
            }

            return findings;
        }

        private static List<TemplateVariant> Forms(IReadOnlyList<TemplateVariant> ordered, string template) =>
            ordered.Where(v => v.TemplateText == template).ToList();

        private static TemplateVariant Winner(IReadOnlyList<TemplateVariant> ordered, string path) =>
            ordered.First(v => v.TryMatch(path, out _));

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

        /// <summary>
        /// When the winner takes the paths through a <c>&lt;n+&gt;</c> or <c>&lt;n*&gt;</c> capture and
        /// <c>&lt;n**&gt;</c> there would give the shadowed path back its requests, say so; the advice
        /// is checked with the same proof, never guessed.
        /// </summary>
        private static string Advice(IReadOnlyList<TemplateVariant> ordered, TemplateVariant winner, string shadowed, bool endsInSlash, CancellationToken cancellationToken)
        {
            var text = winner.TemplateText;
            var parsed = PathTemplate.Parse(text, out _);
            if (parsed is null)
            {
                return "";
            }

            var rewritten = text;
            foreach (var part in parsed.Parts.Where(p => p.Kind == TemplatePartKind.Rest || p.Kind == TemplatePartKind.Any))
            {
                rewritten = rewritten.Replace("<" + part.Text + PathTemplate.Suffix(part.Kind) + ">", "<" + part.Text + "**>");
            }

            var replacement = rewritten == text ? null : PathTemplate.Parse(rewritten, out _);
            if (replacement is null)
            {
                return "";
            }

            var changed = ordered.Where(v => v.TemplateText != text).Concat(replacement.Variants).ToList();
            changed.Sort(TemplateVariant.Precedence);
            return TemplateReachability.FindReachingPath(changed, shadowed, endsInSlash, cancellationToken) is null
                ? ""
                : "; declaring it \"" + rewritten + "\" (a key that never ends in '/') would leave those paths to \"" + shadowed + "\"";
        }
    }
}
