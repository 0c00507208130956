using System.Text.Json.Nodes;

namespace VaultPathGen.OpenApi;

/// <summary>
/// A backend's compiled OpenAPI document, as its help response carries it: the mount type in the
/// operationIds and schema names, and <c>x-vault-sudo</c> / <c>x-vault-unauthenticated</c> from the
/// backend's <see cref="SpecialPaths"/> with Vault's matching rules.
/// </summary>
public static class BackendOpenApi
{
    /// <summary>The request data key Vault sets on the help request to give the mount type.</summary>
    public const string PrefixKey = "requestResponsePrefix";

    /// <summary>The whole document, named for <paramref name="mountType"/> (empty: no prefix, as Vault without one).</summary>
    public static JsonObject Document(BackendDescriptor backend, string? mountType)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var text = backend.OpenApi.Length > 0 ? backend.OpenApi : """{"openapi":"3.0.2","info":{"title":"","version":"unknown"},"paths":{},"components":{"schemas":{}}}""";
        var document = (JsonObject)JsonNode.Parse(OpenApiMarkers.Apply(text, mountType))!;
        if (document["paths"] is JsonObject paths)
        {
            foreach (var (key, item) in paths)
            {
                if (item is JsonObject pathItem)
                {
                    MarkSpecial(pathItem, key.TrimStart('/'), backend.SpecialPaths);
                }
            }
        }

        return document;
    }

    /// <summary>The document of one path, with the schemas it refers to, as Vault's path help gives it.</summary>
    public static JsonObject ForPath(BackendDescriptor backend, PathDescriptor path, string? mountType)
    {
        ArgumentNullException.ThrowIfNull(path);
        var document = Document(backend, mountType);
        var paths = (JsonObject)document["paths"]!;
        var schemas = document["components"]?["schemas"] as JsonObject ?? [];
        var keptPaths = new JsonObject();
        foreach (var key in path.OpenApiPaths)
        {
            if (paths[key] is JsonNode item)
            {
                keptPaths[key] = item.DeepClone();
            }
        }

        var keptSchemas = new JsonObject();
        var pending = new Stack<JsonNode>();
        pending.Push(keptPaths);
        while (pending.Count > 0)
        {
            foreach (var reference in References(pending.Pop()))
            {
                var name = reference.Substring("#/components/schemas/".Length);
                if (!keptSchemas.ContainsKey(name) && schemas[name] is JsonNode schema)
                {
                    var copy = schema.DeepClone();
                    keptSchemas[name] = copy;
                    pending.Push(copy);
                }
            }
        }

        document["paths"] = keptPaths;
        document["components"] = new JsonObject { ["schemas"] = keptSchemas };
        return document;
    }

    /// <summary>The mount type a help request names, or empty.</summary>
    public static string MountTypeOf(Request? request) =>
        request?.Data?[PrefixKey] is JsonValue value && value.TryGetValue<string>(out var prefix) ? prefix : "";

    /// <summary>
    /// Vault's <c>specialPathMatch</c>: exact, a trailing <c>*</c> for a prefix, and <c>+</c> for
    /// exactly one segment.
    /// </summary>
    public static bool SpecialPathMatch(string path, IReadOnlyList<string> specialPaths)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(specialPaths);
        var pathParts = path.Split('/');
        foreach (var special in specialPaths)
        {
            if (special == path || (special.EndsWith('*') && path.StartsWith(special[..^1], StringComparison.Ordinal)))
            {
                return true;
            }

            if (special.Contains('+', StringComparison.Ordinal) && MatchesByParts(pathParts, special.Split('/')))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesByParts(string[] pathParts, string[] specialParts)
    {
        if (pathParts.Length < specialParts.Length)
        {
            return false;
        }

        for (var i = 0; i < specialParts.Length; i++)
        {
            var pattern = specialParts[i];
            if (pattern == "+")
            {
                continue;
            }

            if (pattern == "*" || (pattern.EndsWith('*') && pathParts[i].StartsWith(pattern[..^1], StringComparison.Ordinal)))
            {
                return true;
            }

            if (pattern != pathParts[i])
            {
                return false;
            }
        }

        return pathParts.Length == specialParts.Length;
    }

    private static void MarkSpecial(JsonObject pathItem, string path, SpecialPaths special)
    {
        if (SpecialPathMatch(path, special.Root))
        {
            pathItem["x-vault-sudo"] = true;
        }

        if (SpecialPathMatch(path, special.Unauthenticated))
        {
            pathItem["x-vault-unauthenticated"] = true;
        }
    }

    private static IEnumerable<string> References(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target) && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        yield return target;
                    }
                    else if (value is not null)
                    {
                        foreach (var r in References(value))
                        {
                            yield return r;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        foreach (var r in References(item))
                        {
                            yield return r;
                        }
                    }
                }

                break;
        }
    }
}
