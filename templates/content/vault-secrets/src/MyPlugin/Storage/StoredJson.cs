using System.Text.Json.Serialization;

namespace MyPlugin;

/// <summary>The engine's configuration as stored.</summary>
internal sealed record EngineConfig(string Url, long DefaultTtlSeconds)
{
    public static EngineConfig Default { get; } = new("", 3600);
}

/// <summary>A role as stored.</summary>
internal sealed record Role(long TtlSeconds, string[] Policies);

/// <summary>Source-generated JSON for what the engine stores: no reflection, so trimming and NativeAOT keep working.</summary>
[JsonSerializable(typeof(EngineConfig))]
[JsonSerializable(typeof(Role))]
internal sealed partial class StoredJson : JsonSerializerContext;
