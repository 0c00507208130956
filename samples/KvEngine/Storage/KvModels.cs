using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KvEngine;

/// <summary>The mount's settings, stored at <c>config</c>.</summary>
internal sealed class KvConfig
{
    public uint MaxVersions { get; set; }

    public bool CasRequired { get; set; }

    /// <summary>Seconds; null when unset, <see cref="KvEngine.DeleteVersionAfterDisabled"/> when a negative value switched it off for every key.</summary>
    public long? DeleteVersionAfter { get; set; }
}

/// <summary>Everything about one secret except its data, stored at <c>metadata/&lt;path&gt;</c>.</summary>
internal sealed class KeyMetadata
{
    public string Key { get; set; } = "";

    public Dictionary<long, VersionMetadata> Versions { get; set; } = [];

    public long CurrentVersion { get; set; }

    public long OldestVersion { get; set; }

    public DateTimeOffset? CreatedTime { get; set; }

    public DateTimeOffset? UpdatedTime { get; set; }

    public uint MaxVersions { get; set; }

    public bool CasRequired { get; set; }

    /// <summary>Seconds; null when never set.</summary>
    public long? DeleteVersionAfter { get; set; }

    /// <summary>Null rather than empty, so it reads back as Vault's <c>null</c> (protobuf drops empty maps).</summary>
    public Dictionary<string, string>? CustomMetadata { get; set; }
}

/// <summary>What a secret's metadata records about one version.</summary>
internal sealed class VersionMetadata
{
    public DateTimeOffset CreatedTime { get; set; }

    public DateTimeOffset? DeletionTime { get; set; }

    public bool Destroyed { get; set; }
}

/// <summary>One version's data, stored at <c>versions/&lt;path&gt;/&lt;version&gt;</c>.</summary>
internal sealed class StoredVersion
{
    public JsonObject Data { get; set; } = [];

    public DateTimeOffset CreatedTime { get; set; }

    public DateTimeOffset? DeletionTime { get; set; }
}

/// <summary>Source-generated serialization for everything the engine stores: no reflection, AOT-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KvConfig))]
[JsonSerializable(typeof(KeyMetadata))]
[JsonSerializable(typeof(StoredVersion))]
internal sealed partial class KvStorageContext : JsonSerializerContext;
