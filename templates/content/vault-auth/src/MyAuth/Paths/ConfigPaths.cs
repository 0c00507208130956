using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace MyAuth;

[PathOptions("config", Synopsis = "Configures the tokens logins get.")]
public partial class MyAuthMethod
{
    private const string ConfigKey = "config";

    private static async Task<AuthConfig> ReadConfigAsync(IStorage storage, CancellationToken cancellationToken)
        => await storage.GetJsonAsync(ConfigKey, StoredJson.Default.AuthConfig, cancellationToken) ?? AuthConfig.Default;

    /// <summary>Read the configuration.</summary>
    [Path("config"), Operation(Read)]
    public static async Task<Response> ReadConfig(IStorage storage, CancellationToken cancellationToken)
    {
        var config = await ReadConfigAsync(storage, cancellationToken);
        return Response.WithData(new JsonObject
        {
            ["token_ttl"] = config.TokenTtlSeconds,
            ["token_max_ttl"] = config.TokenMaxTtlSeconds,
        });
    }

    /// <summary>Configure the tokens logins get.</summary>
    /// <param name="tokenTtl">How long a token from a login lives before it must be renewed.</param>
    /// <param name="tokenMaxTtl">How long a token from a login can live at most, renewals included.</param>
    [Path("config"), Operation(Update)]
    public static async Task<Response?> WriteConfig(
        [Field(Default = "1h")] TimeSpan tokenTtl,
        [Field(Default = "24h")] TimeSpan tokenMaxTtl,
        IStorage storage,
        CancellationToken cancellationToken)
    {
        if (tokenTtl > tokenMaxTtl)
        {
            return Response.Error("\"token_ttl\" must not be longer than \"token_max_ttl\"");
        }

        await storage.PutJsonAsync(ConfigKey, new AuthConfig((long)tokenTtl.TotalSeconds, (long)tokenMaxTtl.TotalSeconds), StoredJson.Default.AuthConfig, cancellationToken);
        return null;
    }
}
