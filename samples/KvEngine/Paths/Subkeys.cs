using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace KvEngine;

[PathOptions("subkeys/<path*>", Synopsis = "Read the structure of a secret entry from the Key-Value store with the values removed.")]
public partial class KvEngine
{
    /// <summary>Read the key structure of a version of a secret, every leaf value replaced by null.</summary>
    /// <param name="path">Location of the secret.</param>
    /// <param name="version">Specifies which version to retrieve. If not provided, the current version will be used.</param>
    /// <param name="depth">
    /// Specifies the deepest nesting level to provide in the output. The default value 0 will not impose any
    /// limit. If non-zero, keys that reside at the specified depth value will be artificially treated as
    /// leaves and will thus be null even if further underlying subkeys exist.
    /// </param>
    [Path("subkeys/<path*>"), Operation(Read)]
    public async Task<Response?> ReadSubkeys(
        string path,
        [Field(Type = FieldType.Int)] long version,
        [Field(Type = FieldType.Int)] long depth,
        Request request,
        CancellationToken cancellationToken)
    {
        if (depth < 0)
        {
            return Response.Error("depth must be a non-negative integer");
        }

        using var keyLock = await _locks.ReadLockAsync(path, cancellationToken);
        var metadata = await ReadMetadataAsync(request.Storage, path, cancellationToken);
        if (metadata is null)
        {
            return null;
        }

        var number = version > 0 ? version : metadata.CurrentVersion;
        if (!metadata.Versions.TryGetValue(number, out var versionMetadata))
        {
            return null;
        }

        var result = new JsonObject { ["metadata"] = VersionJson(number, versionMetadata, metadata), ["subkeys"] = null };
        if (IsDeleted(versionMetadata) || versionMetadata.Destroyed)
        {
            return StatusResponses.WithStatus(request, 404, result);
        }

        var data = await ReadVersionDataAsync(request.Storage, path, number, cancellationToken);
        result["subkeys"] = Subkeys(data, depth, level: 1);
        return Response.WithData(result);
    }

    // Builds a new tree rather than nulling values in place, so no secret value can survive a missed branch.
    private static JsonObject Subkeys(JsonObject data, long maxDepth, long level)
    {
        var keys = new JsonObject();
        foreach (var (key, value) in data)
        {
            keys[key] = value is JsonObject { Count: > 0 } nested && (maxDepth == 0 || level + 1 <= maxDepth)
                ? Subkeys(nested, maxDepth, level + 1)
                : null;
        }

        return keys;
    }
}
