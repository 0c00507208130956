using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace KvTwin;

/// <summary>
/// The C# twin of bench/GoPeer: the same minimal KV engine, data/&lt;key**&gt; read and written as JSON in
/// the mount's storage, so the side-by-side benchmark compares the plugin machinery and not the engines.
/// </summary>
[SecretsEngine]
public partial class KvTwin
{
    [Path("data/<key**>"), Operation(Read)]
    public async Task<Response?> ReadSecret(string key, IStorage storage, CancellationToken cancellationToken)
    {
        var stored = await storage.GetJsonAsync("data/" + key, TwinJson.Default.JsonObject, cancellationToken);
        return stored is null ? null : Response.WithData(new JsonObject { ["data"] = stored });
    }

    [Path("data/<key**>"), Operation(Update)]
    public async Task<Response?> WriteSecret(string key, JsonObject? data, IStorage storage, CancellationToken cancellationToken)
    {
        if (data is null)
        {
            return Response.Error("no data provided");
        }

        await storage.PutJsonAsync("data/" + key, data, TwinJson.Default.JsonObject, cancellationToken);
        return null;
    }
}

[JsonSerializable(typeof(JsonObject))]
internal sealed partial class TwinJson : JsonSerializerContext;
