using VaultPathGen;
using static VaultPathGen.Operation;

namespace KvEngine;

[PathOptions("destroy/<path*>", Synopsis = "Permanently removes one or more versions in the KV store.")]
public partial class KvEngine
{
    /// <summary>Destroy versions of a secret: their data is removed for good, their metadata says destroyed.</summary>
    /// <param name="path">Location of the secret.</param>
    /// <param name="versions">The versions to destroy. Their data will be permanently deleted.</param>
    [Path("destroy/<path*>"), Operation(Update)]
    public async Task<Response?> DestroyVersions(string path, long[] versions, IStorage storage, CancellationToken cancellationToken)
    {
        if (versions.Length == 0)
        {
            return Response.Error("no version number provided");
        }

        using var keyLock = await _locks.LockAsync(path, cancellationToken);
        var metadata = await ReadMetadataAsync(storage, path, cancellationToken);
        if (metadata is null)
        {
            return null;
        }

        foreach (var number in versions)
        {
            if (metadata.Versions.TryGetValue(number, out var version))
            {
                version.Destroyed = true;
            }
        }

        // Metadata first: were the data deleted first and the metadata write failed, reads would find
        // a live version without data.
        await WriteMetadataAsync(storage, metadata, cancellationToken);
        foreach (var number in versions.Where(n => n > 0).Distinct())
        {
            await storage.DeleteAsync(VersionKey(path, number), cancellationToken);
        }

        return null;
    }
}
