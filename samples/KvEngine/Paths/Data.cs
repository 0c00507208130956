using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace KvEngine;

[PathOptions("data/<path**>", Synopsis = "Write, read, patch and delete the versions of a secret.")]
public partial class KvEngine
{
    // <path**>: any secret path that does not end in '/', Vault's kv "data/(?P<path>.*?[^/]$)".
    /// <summary>Whether the secret has metadata, so Vault sends create or update.</summary>
    /// <param name="path">Location of the secret.</param>
    [Path("data/<path**>"), ExistenceCheck]
    public static async Task<bool> SecretExists(string path, IStorage storage, CancellationToken cancellationToken)
        => await ReadMetadataAsync(storage, path, cancellationToken) is not null;

    /// <summary>Read a version of a secret: the latest unless a version is asked for.</summary>
    /// <remarks>A deleted or destroyed version answers 404 with its metadata.</remarks>
    /// <param name="path">Location of the secret.</param>
    /// <param name="version">If provided during a read, the value at the version number will be returned.</param>
    [Path("data/<path**>"), Operation(Read)]
    [OperationResponse(200, "OK")]
    [ResponseField(200, "data", FieldType.Map, Description = "The version's data.", Required = true)]
    [ResponseField(200, "metadata", FieldType.Map, Description = "The version's metadata: created_time, custom_metadata, deletion_time, destroyed, version.", Required = true)]
    [OperationResponse(404, "The secret, or the version, does not exist, or the version is deleted or destroyed (then data is null and metadata says when).")]
    public async Task<Response?> ReadSecret(string path, [Field(Type = FieldType.Int)] long version, Request request, CancellationToken cancellationToken)
    {
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

        var result = new JsonObject { ["data"] = null, ["metadata"] = VersionJson(number, versionMetadata, metadata) };
        if (IsDeleted(versionMetadata) || versionMetadata.Destroyed)
        {
            return StatusResponses.WithStatus(request, 404, result);
        }

        result["data"] = await ReadVersionDataAsync(request.Storage, path, number, cancellationToken);
        return Response.WithData(result);
    }

    /// <summary>Write a new version of a secret.</summary>
    /// <param name="path">Location of the secret.</param>
    /// <param name="options">
    /// Options for writing a KV entry. Set the "cas" value to use a Check-And-Set operation. If not set the
    /// write will be allowed. If set to 0 a write will only be allowed if the key doesn't exist. If the index
    /// is non-zero the write will only be allowed if the key's current version matches the version specified
    /// in the cas parameter.
    /// </param>
    /// <param name="data">The contents of the data map will be stored and returned on read.</param>
    [Path("data/<path**>"), Operation(Create, Update)]
    [OperationResponse(200, "The new version's metadata.")]
    [ResponseField(200, "version", FieldType.Int, Description = "The version's number.", Required = true)]
    [ResponseField(200, "created_time", FieldType.Time, Description = "When the version was written.", Required = true)]
    [ResponseField(200, "deletion_time", FieldType.String, Description = "When the version is deleted; empty if it is not.", Required = true)]
    [ResponseField(200, "destroyed", FieldType.Bool, Description = "Whether the version is destroyed.", Required = true)]
    [ResponseField(200, "custom_metadata", FieldType.Map, Description = "The key's custom metadata, or null.")]
    public async Task<Response> WriteSecret(string path, JsonObject? options, JsonObject? data, IStorage storage, CancellationToken cancellationToken)
    {
        var config = await ReadConfigAsync(storage, cancellationToken);
        if (data is null)
        {
            return Response.Error("no data provided");
        }

        using var keyLock = await _locks.LockAsync(path, cancellationToken);
        var metadata = await ReadMetadataAsync(storage, path, cancellationToken) ?? new KeyMetadata { Key = path };
        if (CheckAndSet(options, config, metadata) is { } casError)
        {
            return Response.Error(casError);
        }

        return await AppendVersionAsync(storage, metadata, config, data, cancellationToken);
    }

    /// <summary>Patch the latest version of a secret with a JSON merge patch, making a new version.</summary>
    /// <remarks>The secret must exist and its latest version must be neither deleted nor destroyed.</remarks>
    /// <param name="path">Location of the secret.</param>
    /// <param name="options">Options for the patch: "cas", as for a write; a patch needs an existing key, so a useful cas is above 0.</param>
    /// <param name="data">A JSON merge patch for the latest version's data: null removes a key, objects merge.</param>
    [Path("data/<path**>"), Operation(Patch)]
    [OperationResponse(200, "The new version's metadata.")]
    [ResponseField(200, "version", FieldType.Int, Description = "The version's number.", Required = true)]
    [ResponseField(200, "created_time", FieldType.Time, Description = "When the version was written.", Required = true)]
    [ResponseField(200, "deletion_time", FieldType.String, Description = "When the version is deleted; empty if it is not.", Required = true)]
    [ResponseField(200, "destroyed", FieldType.Bool, Description = "Whether the version is destroyed.", Required = true)]
    [ResponseField(200, "custom_metadata", FieldType.Map, Description = "The key's custom metadata, or null.")]
    public async Task<Response> PatchSecret(string path, JsonObject? options, JsonObject? data, Request request, CancellationToken cancellationToken)
    {
        if (data is null)
        {
            return Response.Error("no data provided");
        }

        var storage = request.Storage;
        using var keyLock = await _locks.LockAsync(path, cancellationToken);
        var metadata = await ReadMetadataAsync(storage, path, cancellationToken);
        if (metadata is null)
        {
            return StatusResponses.WithStatus(request, 404);
        }

        var config = await ReadConfigAsync(storage, cancellationToken);
        if (CheckAndSet(options, config, metadata) is { } casError)
        {
            return Response.Error(casError);
        }

        if (!metadata.Versions.TryGetValue(metadata.CurrentVersion, out var latest))
        {
            return StatusResponses.WithStatus(request, 404);
        }

        if (IsDeleted(latest) || latest.Destroyed)
        {
            return StatusResponses.WithStatus(request, 404, VersionJson(metadata.CurrentVersion, latest, metadata));
        }

        var current = await ReadVersionDataAsync(storage, path, metadata.CurrentVersion, cancellationToken);
        return await AppendVersionAsync(storage, metadata, config, JsonMergePatch.Apply(current, data), cancellationToken);
    }

    /// <summary>Soft-delete the latest version of a secret; undelete brings it back.</summary>
    /// <param name="path">Location of the secret.</param>
    [Path("data/<path**>"), Operation(Delete)]
    public async Task DeleteLatestVersion(string path, IStorage storage, CancellationToken cancellationToken)
    {
        using var keyLock = await _locks.LockAsync(path, cancellationToken);
        var metadata = await ReadMetadataAsync(storage, path, cancellationToken);
        if (metadata is null
            || !metadata.Versions.TryGetValue(metadata.CurrentVersion, out var latest)
            || latest.Destroyed
            || IsDeleted(latest))
        {
            return;
        }

        latest.DeletionTime = Now;
        await WriteMetadataAsync(storage, metadata, cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="data"/> as the next version. The caller holds the key's lock. The version's data
    /// is written before the metadata that points at it, so a failure in between leaves only unreachable data
    /// that the next write overwrites.
    /// </summary>
    private async Task<Response> AppendVersionAsync(IStorage storage, KeyMetadata metadata, KvConfig config, JsonObject data, CancellationToken cancellationToken)
    {
        var now = Now;
        var version = new VersionMetadata { CreatedTime = now, DeletionTime = DeletionTimeFrom(now, config, metadata) };
        var stored = new StoredVersion { Data = data, CreatedTime = version.CreatedTime, DeletionTime = version.DeletionTime };
        await storage.PutJsonAsync(VersionKey(metadata.Key, metadata.CurrentVersion + 1), stored, KvStorageContext.Default.StoredVersion, cancellationToken);

        var newestToDelete = AddVersion(metadata, version, config.MaxVersions);
        await WriteMetadataAsync(storage, metadata, cancellationToken);

        var response = Response.WithData(VersionJson(metadata.CurrentVersion, version, metadata));
        if (await DeleteOldVersionsAsync(storage, metadata.Key, newestToDelete, cancellationToken) is { } warning)
        {
            response.AddWarning(warning);
        }

        return response;
    }
}
