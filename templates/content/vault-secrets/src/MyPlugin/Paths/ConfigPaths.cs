using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace MyPlugin;

[PathOptions("config", Synopsis = "Configures the engine.")]
public partial class MyPluginEngine
{
    private const string ConfigKey = "config";

    /// <summary>Read the engine's configuration.</summary>
    [Path("config"), Operation(Read)]
    public static async Task<Response> ReadConfig(IStorage storage, CancellationToken cancellationToken)
    {
        var config = await storage.GetJsonAsync(ConfigKey, StoredJson.Default.EngineConfig, cancellationToken) ?? EngineConfig.Default;
        return Response.WithData(new JsonObject
        {
            ["url"] = config.Url,
            ["default_ttl"] = config.DefaultTtlSeconds,
        });
    }

    /// <summary>Configure the engine.</summary>
    /// <param name="url">The address of the system this engine manages.</param>
    /// <param name="defaultTtl">How long issued credentials live when a role does not say.</param>
    [Path("config"), Operation(Update)]
    public static async Task WriteConfig(
        [Field(Required = true)] string url,
        [Field(Default = "1h")] TimeSpan defaultTtl,
        IStorage storage,
        CancellationToken cancellationToken)
        => await storage.PutJsonAsync(ConfigKey, new EngineConfig(url, (long)defaultTtl.TotalSeconds), StoredJson.Default.EngineConfig, cancellationToken);
}
