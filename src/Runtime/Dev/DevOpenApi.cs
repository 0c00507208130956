using System.Text;
using System.Text.Json.Nodes;
using VaultPathGen.OpenApi;

namespace VaultPathGen.Dev;

/// <summary>
/// <c>sys/internal/specs/openapi</c> as Vault serves it (vault/logical_system.go,
/// <c>pathInternalOpenAPI</c>): every mount is asked for help with its type as
/// <c>requestResponsePrefix</c>, and the <c>openapi</c> of each answer is merged into one document,
/// each path under its mount, the schemas side by side. With <c>generic_mount_paths</c> a mount
/// that is not one of Vault's singletons appears as the parameter <c>{&lt;mount&gt;_mount_path}</c>
/// (the mount's path, <c>-</c> as <c>_</c>) with the actual mount as its default; <c>context</c>
/// is appended to the operationIds Vault's legacy <c>CreateOperationIDs</c> makes, which only
/// operations without one get.
/// </summary>
internal static class DevOpenApi
{
    public const string Path = "sys/internal/specs/openapi";

    /// <summary>The request's options: Vault's field types and their coercion.</summary>
    public static bool TryReadOptions(JsonObject? data, out bool genericMountPaths, out string context, out string? error)
    {
        context = "";
        if (!FieldCoercion.TryBool(data?["generic_mount_paths"], out genericMountPaths, out error))
        {
            error = "error converting input for field \"generic_mount_paths\": " + error;
            return false;
        }

        if (!FieldCoercion.TryString(data?["context"], out context, out error))
        {
            error = "error converting input for field \"context\": " + error;
            return false;
        }

        return true;
    }

    public static async Task<JsonObject> DocumentAsync(IBackend backend, string mount, string mountType, IStorage storage, bool genericMountPaths, string context, CancellationToken cancellationToken)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var help = new Request(Operation.Help, "")
        {
            Data = new JsonObject { [BackendOpenApi.PrefixKey] = mountType },
            Storage = storage,
            MountPoint = mount,
            MountType = mountType,
        };
        var response = await backend.HandleRequestAsync(help, cancellationToken).ConfigureAwait(false);
        if (response?.Data?["openapi"] is JsonObject backendDocument)
        {
            var (documentMount, parameter) = MountInDocument(mount, mountType, genericMountPaths);
            if (backendDocument["paths"] is JsonObject backendPaths)
            {
                foreach (var (path, item) in backendPaths.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    var copy = item?.DeepClone();
                    if (parameter is not null && copy is JsonObject pathItem)
                    {
                        if (pathItem["parameters"] is not JsonArray parameters)
                        {
                            pathItem["parameters"] = parameters = [];
                        }

                        parameters.Add(parameter.DeepClone());
                    }

                    paths["/" + documentMount + path.TrimStart('/')] = copy;
                }
            }

            if (backendDocument["components"]?["schemas"] is JsonObject backendSchemas)
            {
                foreach (var (name, schema) in backendSchemas)
                {
                    schemas[name] = schema?.DeepClone();
                }
            }
        }

        CreateOperationIds(paths, context);
        return new JsonObject
        {
            ["openapi"] = "3.0.2",
            ["info"] = new JsonObject
            {
                ["title"] = "HashiCorp Vault API",
                ["description"] = "HTTP API that gives you full access to Vault. All API routes are prefixed with `/v1/`.",
                ["version"] = "vaultpathgen-dev",
                ["license"] = new JsonObject { ["name"] = "Mozilla Public License 2.0", ["url"] = "https://www.mozilla.org/en-US/MPL/2.0" },
            },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    /// <summary>
    /// Where the mount's paths go, and with <c>generic_mount_paths</c> the parameter standing for
    /// the mount (Vault's singleton mounts, which have one fixed path, keep it).
    /// </summary>
    internal static (string Mount, JsonObject? Parameter) MountInDocument(string mount, string mountType, bool genericMountPaths)
    {
        var isAuth = mount.StartsWith("auth/", StringComparison.Ordinal);
        var group = isAuth ? "auth/" : "";
        var relative = mount.Substring(group.Length);
        var singleton = isAuth ? mountType == "token" : mountType is "system" or "identity" or "cubbyhole";
        if (!genericMountPaths || singleton)
        {
            return (mount, null);
        }

        var name = relative.TrimEnd('/').Replace('-', '_') + "_mount_path";
        var parameter = new JsonObject
        {
            ["name"] = name,
            ["description"] = "Path that the backend was mounted at",
            ["in"] = "path",
            ["schema"] = new JsonObject { ["type"] = "string", ["default"] = relative.TrimEnd('/') },
            ["required"] = true,
        };
        return (group + "{" + name + "}/", parameter);
    }

    /// <summary>
    /// Vault's deprecated <c>OASDocument.CreateOperationIDs</c>, kept for plugins built before
    /// <c>constructOperationID</c>: only an operation without an id gets one, the method and the
    /// path's words in camel case (<c>{x_mount_path}</c> losing its <c>_mount_path</c>), numbered
    /// on a clash, with <c>_&lt;context&gt;</c> appended. Compiled documents name every operation.
    /// </summary>
    internal static void CreateOperationIds(JsonObject paths, string context)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in paths.Select(p => p.Key).Order(StringComparer.Ordinal).ToList())
        {
            var path = key;
            foreach (var method in new[] { "get", "post", "delete" })
            {
                if (paths[key]?[method] is not JsonObject operation || operation["operationId"] is JsonValue existing && existing.GetValue<string>().Length > 0)
                {
                    continue;
                }

                // Vault reassigns its loop variable here, so only the first such operation of a path loses it.
                var at = path.IndexOf("_mount_path", StringComparison.Ordinal);
                if (at >= 0)
                {
                    path = path.Remove(at, "_mount_path".Length);
                }

                var id = method + TitleWords(path.ToLowerInvariant());
                counts[id] = counts.GetValueOrDefault(id) + 1;
                if (counts[id] > 1)
                {
                    id += "_" + counts[id].ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (context.Length > 0)
                {
                    id += "_" + context;
                }

                operation["operationId"] = id;
            }
        }
    }

    /// <summary>Go's <c>strings.Title</c> of the path with runs of non-word characters as spaces, the spaces then removed.</summary>
    private static string TitleWords(string path)
    {
        var sb = new StringBuilder();
        var startOfWord = true;
        foreach (var c in path)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
            {
                sb.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }
            else
            {
                startOfWord = true;
            }
        }

        return sb.ToString();
    }
}
