using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace KvEngine;

[PathOptions("metadata/<path*>", Synopsis = "Allows interaction with key metadata and settings in the KV store.")]
public partial class KvEngine
{
    private const int MaxCustomMetadataKeys = 64;
    private const int MaxCustomMetadataKeyLength = 128;
    private const int MaxCustomMetadataValueLength = 512;
    private const string CustomMetadataError = "custom_metadata validation failed";
    private const string CasMandatedWarning = "\"cas_required\" set to false, but is mandated by backend config. This value will be ignored.";

    /// <summary>Whether the secret has metadata, so Vault sends create or update.</summary>
    /// <param name="path">Location of the secret.</param>
    [Path("metadata/<path*>"), ExistenceCheck]
    public static async Task<bool> MetadataExists(string path, IStorage storage, CancellationToken cancellationToken)
        => await ReadMetadataAsync(storage, path, cancellationToken) is not null;

    /// <summary>Read a secret's metadata and the metadata of every version it keeps.</summary>
    /// <param name="path">Location of the secret.</param>
    [Path("metadata/<path*>"), Operation(Read)]
    public static async Task<Response?> ReadMetadata(string path, IStorage storage, CancellationToken cancellationToken)
    {
        var metadata = await ReadMetadataAsync(storage, path, cancellationToken);
        if (metadata is null)
        {
            return null;
        }

        var versions = new JsonObject();
        foreach (var (number, version) in metadata.Versions.OrderBy(v => v.Key))
        {
            versions[number.ToString(CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["created_time"] = VaultText.Timestamp(version.CreatedTime),
                ["deletion_time"] = VaultText.Timestamp(version.DeletionTime),
                ["destroyed"] = version.Destroyed,
            };
        }

        return Response.WithData(new JsonObject
        {
            ["cas_required"] = metadata.CasRequired,
            ["created_time"] = VaultText.Timestamp(metadata.CreatedTime),
            ["current_version"] = metadata.CurrentVersion,
            ["custom_metadata"] = CustomMetadataJson(metadata),
            ["delete_version_after"] = VaultText.Duration(metadata.DeleteVersionAfter ?? 0),
            ["max_versions"] = metadata.MaxVersions,
            ["oldest_version"] = metadata.OldestVersion,
            ["updated_time"] = VaultText.Timestamp(metadata.UpdatedTime),
            ["versions"] = versions,
        });
    }

    /// <summary>Create or update a secret's settings and custom metadata; no new version is made.</summary>
    /// <param name="path">Location of the secret.</param>
    /// <param name="maxVersions">The number of versions to keep. If not set, the backend's configured max version is used.</param>
    /// <param name="casRequired">If true the key will require the cas parameter to be set on all write requests. If false, the backend's configuration will be used.</param>
    /// <param name="deleteVersionAfter">
    /// The length of time before a version is deleted. If not set, the backend's configured
    /// delete_version_after is used. Cannot be greater than the backend's delete_version_after. A zero
    /// duration clears the current setting. A negative duration will cause an error.
    /// </param>
    /// <param name="customMetadata">User-provided key-value pairs that are used to describe arbitrary and version-agnostic information about a secret.</param>
    [Path("metadata/<path*>"), Operation(Create, Update)]
    public async Task<Response?> WriteMetadata(
        string path,
        [Field(Type = FieldType.Int)] long? maxVersions,
        bool? casRequired,
        [Field(Type = FieldType.DurationSecond)] long? deleteVersionAfter,
        JsonObject? customMetadata,
        IStorage storage,
        CancellationToken cancellationToken)
    {
        if (path.Length == 0)
        {
            return Response.Error("missing path");
        }

        if (maxVersions is null && casRequired is null && deleteVersionAfter is null && customMetadata is null)
        {
            return null;
        }

        Dictionary<string, string>? custom = null;
        if (customMetadata is not null && ParseCustomMetadata(customMetadata, skipNulls: false, out custom) is { } customError)
        {
            return Response.Error(customError);
        }

        var config = await ReadConfigAsync(storage, cancellationToken);
        var response = casRequired == false && config.CasRequired ? new Response().AddWarning(CasMandatedWarning) : null;

        using var keyLock = await _locks.LockAsync(path, cancellationToken);
        var metadata = await ReadMetadataAsync(storage, path, cancellationToken);
        if (metadata is null)
        {
            var now = Now;
            metadata = new KeyMetadata { Key = path, CreatedTime = now, UpdatedTime = now };
        }

        if (maxVersions is { } max)
        {
            metadata.MaxVersions = unchecked((uint)max);
        }

        if (casRequired is { } required)
        {
            metadata.CasRequired = required;
        }

        if (deleteVersionAfter is { } after)
        {
            metadata.DeleteVersionAfter = after;
        }

        if (custom is not null)
        {
            metadata.CustomMetadata = custom.Count > 0 ? custom : null;
        }

        await WriteMetadataAsync(storage, metadata, cancellationToken);
        return response;
    }

    /// <summary>Patch an existing secret's settings and custom metadata (JSON merge patch: null removes a custom_metadata key).</summary>
    /// <param name="path">Location of the secret.</param>
    /// <param name="maxVersions">The number of versions to keep.</param>
    /// <param name="casRequired">If true the key will require the cas parameter to be set on all write requests.</param>
    /// <param name="deleteVersionAfter">The length of time before a version is deleted.</param>
    /// <param name="customMetadata">Changes to the custom metadata: a key with a null value is removed.</param>
    [Path("metadata/<path*>"), Operation(Patch)]
    public async Task<Response?> PatchMetadata(
        string path,
        [Field(Type = FieldType.Int)] long? maxVersions,
        bool? casRequired,
        [Field(Type = FieldType.DurationSecond)] long? deleteVersionAfter,
        JsonObject? customMetadata,
        Request request,
        CancellationToken cancellationToken)
    {
        if (path.Length == 0)
        {
            return Response.Error("missing path");
        }

        if (customMetadata is not null && ParseCustomMetadata(customMetadata, skipNulls: true, out _) is { } customError)
        {
            return Response.Error(customError);
        }

        var storage = request.Storage;
        var config = await ReadConfigAsync(storage, cancellationToken);
        using var keyLock = await _locks.LockAsync(path, cancellationToken);
        var metadata = await ReadMetadataAsync(storage, path, cancellationToken);
        if (metadata is null)
        {
            return StatusResponses.WithStatus(request, 404);
        }

        var response = casRequired == false && config.CasRequired ? new Response().AddWarning(CasMandatedWarning) : null;
        if (maxVersions is { } max)
        {
            metadata.MaxVersions = unchecked((uint)max);
        }

        if (casRequired is { } required)
        {
            metadata.CasRequired = required;
        }

        if (deleteVersionAfter is { } after)
        {
            metadata.DeleteVersionAfter = after;
        }

        if (customMetadata is not null)
        {
            var merged = new JsonObject();
            foreach (var (key, value) in metadata.CustomMetadata ?? [])
            {
                merged[key] = value;
            }

            // The patch alone was validated, as in Vault: the merged result is not held to the limits again.
            var custom = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in JsonMergePatch.Apply(merged, customMetadata))
            {
                custom[key] = FieldCoercion.TryString(value, out var text, out _) ? text : "";
            }

            metadata.CustomMetadata = custom.Count > 0 ? custom : null;
        }

        await WriteMetadataAsync(storage, metadata, cancellationToken);
        return response;
    }

    /// <summary>Delete a secret for good: its metadata and the data of every version.</summary>
    /// <param name="path">Location of the secret.</param>
    [Path("metadata/<path*>"), Operation(Delete)]
    public async Task DeleteMetadata(string path, IStorage storage, CancellationToken cancellationToken)
    {
        using var keyLock = await _locks.LockAsync(path, cancellationToken);
        var metadata = await ReadMetadataAsync(storage, path, cancellationToken);
        if (metadata is null)
        {
            return;
        }

        foreach (var number in metadata.Versions.Keys)
        {
            await storage.DeleteAsync(VersionKey(path, number), cancellationToken);
        }

        await storage.DeleteAsync(MetadataPrefix + path, cancellationToken);
    }

    /// <summary>List the secrets under a folder; sub-folders end in '/'.</summary>
    /// <param name="path">The folder to list; empty for the top.</param>
    [Path("metadata/<path*>"), Operation(List)]
    public static async Task<Response> ListSecrets(string path, IStorage storage, CancellationToken cancellationToken)
        => Response.List(await storage.ListAsync(MetadataPrefix + path, cancellationToken));

    /// <summary>
    /// custom_metadata as Vault reads it: every value weakly decoded to a string, then checked against the
    /// limits on key count, lengths and printable characters; the error text when anything fails.
    /// </summary>
    private static string? ParseCustomMetadata(JsonObject raw, bool skipNulls, out Dictionary<string, string> parsed)
    {
        parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            if (value is null)
            {
                if (!skipNulls)
                {
                    parsed[key] = "";
                }

                continue;
            }

            if (!FieldCoercion.TryString(value, out var text, out _))
            {
                var goType = value.GetValueKind() == JsonValueKind.Array ? "[]interface {}" : "map[string]interface {}";
                return $"{CustomMetadataError}: '' expected type 'string', got unconvertible type '{goType}'";
            }

            parsed[key] = text;
        }

        if (parsed.Count > MaxCustomMetadataKeys)
        {
            return VaultText.MultiError([$"{CustomMetadataError}: payload must contain at most {MaxCustomMetadataKeys} keys, provided {parsed.Count}"]);
        }

        var errors = new List<string>();
        foreach (var (key, value) in parsed.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var keyLength = Encoding.UTF8.GetByteCount(key);
            if (keyLength is 0 or > MaxCustomMetadataKeyLength)
            {
                errors.Add($"{CustomMetadataError}: length of key {VaultText.Quote(key)} is {keyLength} but must be 0 < len(key) <= {MaxCustomMetadataKeyLength}");
            }

            var valueLength = Encoding.UTF8.GetByteCount(value);
            if (valueLength is 0 or > MaxCustomMetadataValueLength)
            {
                errors.Add($"{CustomMetadataError}: length of value for key {VaultText.Quote(key)} is {valueLength} but must be 0 < len(value) <= {MaxCustomMetadataValueLength}");
            }

            if (!VaultText.IsPrintable(key))
            {
                errors.Add($"{CustomMetadataError}: key {VaultText.Quote(key)} ({key}) contains unprintable characters");
            }

            if (!VaultText.IsPrintable(value))
            {
                errors.Add($"{CustomMetadataError}: value for key {VaultText.Quote(key)} contains unprintable characters");
            }
        }

        return errors.Count == 0 ? null : VaultText.MultiError(errors);
    }
}
