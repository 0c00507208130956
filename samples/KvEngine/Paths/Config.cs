using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace KvEngine;

[PathOptions("config", Synopsis = "Configures settings for the KV store.")]
public partial class KvEngine
{
    /// <summary>Read the backend level settings.</summary>
    [Path("config"), Operation(Read)]
    [OperationResponse(200, "OK")]
    [ResponseField(200, "max_versions", FieldType.Int, Description = "The number of versions kept for each key.", Required = true)]
    [ResponseField(200, "cas_required", FieldType.Bool, Description = "Whether every write must set cas.", Required = true)]
    [ResponseField(200, "delete_version_after", FieldType.DurationSecond, Description = "How long a version lives before it is deleted; 0s: for ever.", Required = true)]
    public static async Task<Response> ReadConfig(IStorage storage, CancellationToken cancellationToken)
    {
        var config = await ReadConfigAsync(storage, cancellationToken);
        return Response.WithData(new JsonObject
        {
            ["cas_required"] = config.CasRequired,
            ["delete_version_after"] = VaultText.Duration(config.DeleteVersionAfter ?? 0),
            ["max_versions"] = config.MaxVersions,
        });
    }

    /// <summary>Configure backend level settings that are applied to every key in the key-value store.</summary>
    /// <param name="maxVersions">The number of versions to keep for each key. Defaults to 10.</param>
    /// <param name="casRequired">If true, the backend will require the cas parameter to be set for each write.</param>
    /// <param name="deleteVersionAfter">
    /// If set, the length of time before a version is deleted. A negative duration disables the use of
    /// delete_version_after on all keys. A zero duration clears the current setting.
    /// </param>
    [Path("config"), Operation(Update)]
    public async Task WriteConfig(
        [Field(Type = FieldType.Int)] long? maxVersions,
        bool? casRequired,
        [Field(Type = FieldType.SignedDurationSecond)] long? deleteVersionAfter,
        IStorage storage,
        CancellationToken cancellationToken)
    {
        if (maxVersions is null && casRequired is null && deleteVersionAfter is null)
        {
            return;
        }

        await _configLock.WaitAsync(cancellationToken);
        try
        {
            var config = await ReadConfigAsync(storage, cancellationToken);
            if (maxVersions is { } max)
            {
                // Vault keeps the value as a uint32, wrapping what does not fit.
                config.MaxVersions = unchecked((uint)max);
            }

            if (casRequired is { } required)
            {
                config.CasRequired = required;
            }

            if (deleteVersionAfter is { } after)
            {
                config.DeleteVersionAfter = after switch
                {
                    < 0 => DeleteVersionAfterDisabled,
                    0 => null,
                    _ => after,
                };
            }

            await storage.PutJsonAsync(ConfigKey, config, KvStorageContext.Default.KvConfig, cancellationToken);
        }
        finally
        {
            _configLock.Release();
        }
    }
}
