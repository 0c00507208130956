using System.Collections.Generic;
using System.Text;
using VaultPathGen.OpenApi;

namespace VaultPathGen.Generator.Emitting.OpenApi
{
    /// <summary>
    /// Vault's current operationId scheme (sdk/framework/openapi.go, <c>constructOperationID</c>):
    /// prefix, verb and suffix joined by hyphens and lower-cased. The handler's
    /// <c>[OperationId]</c> parts win; without a prefix and a verb the prefix is the mount type
    /// (a placeholder until run time), the verb is the operation (<c>update</c> is <c>write</c>) and
    /// the suffix is the path's words. A suffix may list one value per expanded path with <c>|</c>.
    /// </summary>
    internal static class OpenApiOperationIds
    {
        /// <summary>
        /// The id of an operation with its own hints and its path's, each part taken from the
        /// operation first (Vault treats an empty part as unset), then built from those parts.
        /// </summary>
        public static string Build(string openApiPath, int pathIndex, string? pathPrefix, string? pathVerb, string? pathSuffix, string? prefix, string? verb, string? suffix, string operationWireName) =>
            Build(openApiPath, pathIndex, Either(prefix, pathPrefix), Either(verb, pathVerb), Either(suffix, pathSuffix), operationWireName);

        private static string? Either(string? operationPart, string? pathPart) => string.IsNullOrEmpty(operationPart) ? pathPart : operationPart;

        public static string Build(string openApiPath, int pathIndex, string? prefix, string? verb, string? suffix, string operationWireName)
        {
            prefix ??= "";
            verb ??= "";
            suffix ??= "";
            var pathIndexOutOfRange = false;
            var suffixes = suffix.Split('|');
            if (suffixes.Length > 1 || pathIndex > 0)
            {
                if (pathIndex >= suffixes.Length)
                {
                    suffix = "";
                    pathIndexOutOfRange = true;
                }
                else
                {
                    suffix = suffixes[pathIndex];
                }
            }

            var needPrefix = prefix.Length == 0 && verb.Length == 0;
            var needVerb = verb.Length == 0;
            var needSuffix = suffix.Length == 0 && (verb.Length == 0 || pathIndexOutOfRange);
            if (needVerb)
            {
                verb = operationWireName == "update" ? "write" : operationWireName;
            }

            if (needSuffix)
            {
                suffix = Hyphenate(SplitNonWord(openApiPath));
            }

            var rest = Hyphenate(new[] { needPrefix ? "" : prefix, verb, suffix });
            return needPrefix ? OpenApiMarkers.HyphenatedPrefix + rest : rest;
        }

        /// <summary>Vault's request and response schema names: the operationId in title case.</summary>
        public static string SchemaName(string operationId, string kind)
        {
            if (operationId.Length > 0 && operationId[0] == OpenApiMarkers.HyphenatedPrefix)
            {
                return OpenApiMarkers.TitlePrefix + OpenApiMarkers.TitleCase(operationId.Substring(1)) + kind;
            }

            return OpenApiMarkers.TitleCase(operationId) + kind;
        }

        private static string Hyphenate(IEnumerable<string> parts)
        {
            var sb = new StringBuilder();
            foreach (var part in parts)
            {
                if (part.Length == 0)
                {
                    continue;
                }

                if (sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(part);
            }

            return sb.ToString().ToLowerInvariant();
        }

        /// <summary>Go's <c>regexp.MustCompile(`[^\w]+`).Split(path, -1)</c>, with ASCII <c>\w</c>.</summary>
        private static List<string> SplitNonWord(string path)
        {
            var parts = new List<string>();
            var current = new StringBuilder();
            var inSeparator = false;
            foreach (var c in path)
            {
                if (Routing.PathMatch.IsWordChar(c))
                {
                    current.Append(c);
                    inSeparator = false;
                }
                else if (!inSeparator)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                    inSeparator = true;
                }
            }

            parts.Add(current.ToString());
            return parts;
        }
    }
}
