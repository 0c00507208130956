using System.Globalization;
using System.Text.Json.Nodes;
using VaultPathGen;

namespace KvEngine;

/// <summary>
/// A versioned key/value secrets engine with the HTTP API of Vault's built-in kv version 2: every write
/// makes a new version, old versions are kept up to a limit, can be soft-deleted, undeleted and destroyed,
/// and writes can be guarded by check-and-set.
/// </summary>
[SecretsEngine]
// Like Vault's KV v2: the versioned data is what a hardware seal should wrap.
[PathsSpecial(SealWrapStorage = new[] { VersionsPrefix })]
public partial class KvEngine
{
    /// <summary>How a negative config <c>delete_version_after</c> is stored: switched off for every key.</summary>
    internal const long DeleteVersionAfterDisabled = -1;

    private const uint DefaultMaxVersions = 10;
    private const string ConfigKey = "config";
    private const string MetadataPrefix = "metadata/";
    private const string VersionsPrefix = "versions/";

    private readonly KeyLocks _locks = new();
    private readonly SemaphoreSlim _configLock = new(1, 1);

    /// <summary>The clock for creation and deletion times; tests replace it to move time.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private static async Task<KvConfig> ReadConfigAsync(IStorage storage, CancellationToken cancellationToken)
        => await storage.GetJsonAsync(ConfigKey, KvStorageContext.Default.KvConfig, cancellationToken) ?? new KvConfig();

    private static ValueTask<KeyMetadata?> ReadMetadataAsync(IStorage storage, string path, CancellationToken cancellationToken)
        => storage.GetJsonAsync(MetadataPrefix + path, KvStorageContext.Default.KeyMetadata, cancellationToken);

    private static ValueTask WriteMetadataAsync(IStorage storage, KeyMetadata metadata, CancellationToken cancellationToken)
        => storage.PutJsonAsync(MetadataPrefix + metadata.Key, metadata, KvStorageContext.Default.KeyMetadata, cancellationToken);

    // The version number never holds a '/', so the last segment splits path and version unambiguously.
    private static string VersionKey(string path, long version)
        => VersionsPrefix + path + "/" + version.ToString(CultureInfo.InvariantCulture);

    private static async Task<JsonObject> ReadVersionDataAsync(IStorage storage, string path, long version, CancellationToken cancellationToken)
    {
        var stored = await storage.GetJsonAsync(VersionKey(path, version), KvStorageContext.Default.StoredVersion, cancellationToken)
            ?? throw LogicalException.Internal("could not find version data");
        return stored.Data;
    }

    /// <summary>Whether a version reads as deleted: its deletion time has passed.</summary>
    private bool IsDeleted(VersionMetadata version) => version.DeletionTime is { } deletion && deletion < Now;

    /// <summary>
    /// Vault's <c>deletionTime</c>: <paramref name="from"/> plus the smaller non-zero of the mount's and the
    /// key's <c>delete_version_after</c>; none when neither is set or the mount switched it off.
    /// </summary>
    private static DateTimeOffset? DeletionTimeFrom(DateTimeOffset from, KvConfig config, KeyMetadata metadata)
    {
        if (config.DeleteVersionAfter == DeleteVersionAfterDisabled)
        {
            return null;
        }

        var mount = config.DeleteVersionAfter ?? 0;
        var key = metadata.DeleteVersionAfter ?? 0;
        var after = (mount, key) switch
        {
            (0, 0) => 0,
            (0, _) => key,
            (_, 0) => mount,
            _ => Math.Min(mount, key),
        };
        return after == 0 ? null : from.AddSeconds(after);
    }

    /// <summary>
    /// How many versions a key keeps. Vault's kv (vault-plugin-secrets-kv <c>KeyMetadata.AddVersion</c>) takes
    /// the larger of the key's and the mount's setting, 0 meaning unset, and 10 when neither is set.
    /// </summary>
    internal static uint EffectiveMaxVersions(uint keyMaxVersions, uint configMaxVersions)
    {
        var larger = Math.Max(keyMaxVersions, configMaxVersions);
        return larger > 0 ? larger : DefaultMaxVersions;
    }

    /// <summary>
    /// Adds a version to the metadata and slides the window of kept versions (Vault's <c>AddVersion</c>);
    /// returns the newest version number whose data is now out of the window (0 when none).
    /// </summary>
    private static long AddVersion(KeyMetadata metadata, VersionMetadata version, uint configMaxVersions)
    {
        metadata.CurrentVersion++;
        metadata.Versions[metadata.CurrentVersion] = version;
        metadata.UpdatedTime = version.CreatedTime;
        metadata.CreatedTime ??= version.CreatedTime;

        long maxVersions = EffectiveMaxVersions(metadata.MaxVersions, configMaxVersions);
        if (metadata.CurrentVersion - metadata.OldestVersion < maxVersions)
        {
            return 0;
        }

        var newestToDelete = metadata.CurrentVersion - maxVersions;
        for (var number = metadata.OldestVersion; number <= newestToDelete; number++)
        {
            metadata.Versions.Remove(number);
        }

        metadata.OldestVersion = newestToDelete + 1;
        return newestToDelete;
    }

    /// <summary>
    /// Deletes the data of versions that fell out of the window, oldest first, so a failure part-way leaves a
    /// contiguous run that the next write finishes; a failure is a warning, as in Vault, since the write itself
    /// succeeded.
    /// </summary>
    private static async Task<string?> DeleteOldVersionsAsync(IStorage storage, string path, long newestToDelete, CancellationToken cancellationToken)
    {
        try
        {
            var keys = new List<string>();
            for (var number = newestToDelete; number > 0; number--)
            {
                var key = VersionKey(path, number);
                if (await storage.GetAsync(key, cancellationToken) is null)
                {
                    break;
                }

                keys.Add(key);
            }

            for (var i = keys.Count - 1; i >= 0; i--)
            {
                await storage.DeleteAsync(keys[i], cancellationToken);
            }

            return null;
        }
        catch (StorageException e)
        {
            return "error occurred when cleaning up old versions, these will be cleaned up on next write: " + e.Message;
        }
    }

    /// <summary>
    /// Vault's check-and-set rule: a given <c>cas</c> must equal the current version (0 for a key with no
    /// versions, hence create-only); without one, the write is refused when the mount or the key requires it.
    /// </summary>
    private static string? CheckAndSet(JsonObject? options, KvConfig config, KeyMetadata metadata)
    {
        if (options is not null && options.TryGetPropertyValue("cas", out var cas))
        {
            if (!FieldCoercion.TryInt(cas, out var expected, out _))
            {
                return "error parsing check-and-set parameter";
            }

            return expected == metadata.CurrentVersion ? null : "check-and-set parameter did not match the current version";
        }

        return config.CasRequired || metadata.CasRequired ? "check-and-set parameter required for this call" : null;
    }

    /// <summary>The per-version fields Vault returns for writes and with reads, keys in Go's (sorted) order.</summary>
    private static JsonObject VersionJson(long number, VersionMetadata version, KeyMetadata metadata) => new()
    {
        ["created_time"] = VaultText.Timestamp(version.CreatedTime),
        ["custom_metadata"] = CustomMetadataJson(metadata),
        ["deletion_time"] = VaultText.Timestamp(version.DeletionTime),
        ["destroyed"] = version.Destroyed,
        ["version"] = number,
    };

    private static JsonObject? CustomMetadataJson(KeyMetadata metadata)
    {
        if (metadata.CustomMetadata is not { Count: > 0 } custom)
        {
            return null;
        }

        var json = new JsonObject();
        foreach (var (key, value) in custom.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }
}
