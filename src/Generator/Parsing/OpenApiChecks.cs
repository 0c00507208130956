using System.Collections.Generic;
using VaultPathGen.Generator.Emitting;
using VaultPathGen.Generator.Model;
using VaultPathGen.OpenApi;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>Checks of the OpenAPI document that point at declarations (VPG0050).</summary>
    internal static class OpenApiChecks
    {
        /// <summary>
        /// Operations whose ids collide (<c>a-b</c> and <c>a/b</c> both give <c>read-a-b</c>): the
        /// first handler, the second, and the id as a mount of type <c>kv</c> would show it.
        /// </summary>
        public static IEnumerable<(string First, string Second, string OperationId)> DuplicateOperationIds(BackendSpec backend)
        {
            var seen = new Dictionary<string, string>();
            foreach (var (operationId, method) in OpenApiEmitter.Build(backend).Operations)
            {
                if (seen.TryGetValue(operationId, out var first))
                {
                    yield return (first, method, operationId.Replace(OpenApiMarkers.HyphenatedPrefix.ToString(), "<mount type>-"));
                }
                else
                {
                    seen[operationId] = method;
                }
            }
        }
    }
}
