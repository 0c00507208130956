using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace KvEngine;

/// <summary>
/// A key/value secrets engine: secrets are JSON objects stored under <c>kv/&lt;key&gt;</c>.
/// </summary>
[SecretsEngine]
[PathOptions("kv/<key>", TakesArbitraryInput = true, Synopsis = "Read, write and delete secrets by key.")]
public partial class KvEngine
{
    private const string Prefix = "kv/";

    /// <summary>Whether a secret exists, so Vault sends create or update.</summary>
    [Path("kv/<key>"), ExistenceCheck]
    public async Task<bool> SecretExists(string key, IStorage storage, CancellationToken cancellationToken)
        => await storage.GetAsync(Prefix + key, cancellationToken) is not null;

    /// <summary>Read a secret.</summary>
    /// <param name="key">The secret's name.</param>
    [Path("kv/<key>"), Operation(Read)]
    public async Task<Response?> ReadSecret(string key, IStorage storage, CancellationToken cancellationToken)
    {
        var entry = await storage.GetAsync(Prefix + key, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var data = JsonNode.Parse(entry.Value) as JsonObject
            ?? throw LogicalException.Internal($"stored secret \"{key}\" is not a JSON object");
        return Response.WithData(data);
    }

    /// <summary>Create or replace a secret with the request's data.</summary>
    /// <remarks>Every parameter of the request is stored as part of the secret.</remarks>
    [Path("kv/<key>"), Operation(Create, Update)]
    public async Task<Response?> WriteSecret(string key, Request request, CancellationToken cancellationToken)
    {
        var data = request.Data ?? [];
        if (data.Count == 0)
        {
            return Response.Error("missing data fields");
        }

        var value = System.Text.Encoding.UTF8.GetBytes(data.ToJsonString());
        await request.Storage.PutAsync(new StorageEntry(Prefix + key, value), cancellationToken);
        return null;
    }

    /// <summary>Delete a secret.</summary>
    [Path("kv/<key>"), Operation(Delete)]
    public async Task DeleteSecret(string key, IStorage storage, CancellationToken cancellationToken)
        => await storage.DeleteAsync(Prefix + key, cancellationToken);

    /// <summary>List secrets.</summary>
    [Path("kv[/]"), Operation(List)]
    public async Task<Response> ListSecrets(IStorage storage, CancellationToken cancellationToken)
        => Response.List(await storage.ListAsync(Prefix, cancellationToken));
}
