using System.Text.Json.Nodes;
using VaultPathGen.OpenApi;

namespace VaultPathGen.Dev;

/// <summary>
/// <c>GET /v1/sys/internal/specs/openapi</c> as Vault serves it (vault/logical_system.go,
/// <c>pathInternalOpenAPI</c>): every mount is asked for help with its type as
/// <c>requestResponsePrefix</c>, and the <c>openapi</c> of each answer is merged into one document,
/// each path under its mount, the schemas side by side.
/// </summary>
internal static class DevOpenApi
{
    public const string Path = "sys/internal/specs/openapi";

    public static async Task<JsonObject> DocumentAsync(IBackend backend, string mount, string mountType, IStorage storage, CancellationToken cancellationToken)
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
            if (backendDocument["paths"] is JsonObject backendPaths)
            {
                foreach (var (path, item) in backendPaths.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    paths["/" + mount + path.TrimStart('/')] = item?.DeepClone();
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
}
