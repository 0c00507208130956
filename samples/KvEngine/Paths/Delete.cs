using VaultPathGen;
using static VaultPathGen.Operation;

namespace KvEngine;

[PathOptions("delete/<path*>", Synopsis = "Marks one or more versions as deleted in the KV store.")]
[PathOptions("undelete/<path*>", Synopsis = "Undeletes one or more versions from the KV store.")]
public partial class KvEngine
{
    /// <summary>Soft-delete versions of a secret: their data stays, but reads answer 404 until undeleted.</summary>
    /// <param name="path">Location of the secret.</param>
    /// <param name="versions">The versions to be archived. The versioned data will not be deleted, but it will no longer be returned in normal get requests.</param>
    [Path("delete/<path*>"), Operation(Update)]
    public async Task<Response?> DeleteVersions(string path, long[] versions, IStorage storage, CancellationToken cancellationToken)
    {
        if (versions.Length == 0)
        {
            return Response.Error("No version number provided");
        }

        using var keyLock = await _locks.LockAsync(path, cancellationToken);
        var metadata = await ReadMetadataAsync(storage, path, cancellationToken);
        if (metadata is null)
        {
            return null;
        }

        var now = Now;
        foreach (var number in versions)
        {
            if (metadata.Versions.TryGetValue(number, out var version) && !version.Destroyed && !IsDeleted(version))
            {
                version.DeletionTime = now;
            }
        }

        await WriteMetadataAsync(storage, metadata, cancellationToken);
        return null;
    }

    /// <summary>Undelete versions of a secret so reads return their data again.</summary>
    /// <remarks>Destroyed versions stay destroyed. An undeleted version gets a new deletion time when delete_version_after applies.</remarks>
    /// <param name="path">Location of the secret.</param>
    /// <param name="versions">The versions to unarchive. The versions will be restored and their data will be returned on normal get requests.</param>
    [Path("undelete/<path*>"), Operation(Update)]
    public async Task<Response?> UndeleteVersions(string path, long[] versions, IStorage storage, CancellationToken cancellationToken)
    {
        if (versions.Length == 0)
        {
            return Response.Error("No version number provided");
        }

        var config = await ReadConfigAsync(storage, cancellationToken);
        using var keyLock = await _locks.LockAsync(path, cancellationToken);
        var metadata = await ReadMetadataAsync(storage, path, cancellationToken);
        if (metadata is null)
        {
            return null;
        }

        var now = Now;
        foreach (var number in versions)
        {
            if (metadata.Versions.TryGetValue(number, out var version) && !version.Destroyed)
            {
                version.DeletionTime = DeletionTimeFrom(now, config, metadata);
            }
        }

        await WriteMetadataAsync(storage, metadata, cancellationToken);
        return null;
    }
}
