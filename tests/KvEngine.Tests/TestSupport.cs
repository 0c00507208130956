using System.Text.Json.Nodes;
using VaultPathGen;
using VaultPathGen.Testing;

namespace KvEngine.Tests;

/// <summary>A clock that only moves when a test moves it.</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_567);

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public void Advance(TimeSpan by) => UtcNow += by;
}

/// <summary>Storage that yields before every call, so concurrent requests really interleave inside handlers.</summary>
internal sealed class YieldingStorage : IStorage
{
    private readonly InMemoryStorage _inner = new();

    public async ValueTask<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        return await _inner.ListAsync(prefix, cancellationToken);
    }

    public async ValueTask<StorageEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        return await _inner.GetAsync(key, cancellationToken);
    }

    public async ValueTask PutAsync(StorageEntry entry, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        await _inner.PutAsync(entry, cancellationToken);
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        await _inner.DeleteAsync(key, cancellationToken);
    }
}

/// <summary>A fresh engine behind Vault's core for every test, with a clock the test controls.</summary>
public abstract class KvTestBase : IAsyncLifetime
{
    internal ManualClock Clock { get; } = new();

    internal KvEngine Engine { get; private set; } = null!;

    protected VaultTestHost Vault { get; private set; } = null!;

    protected InMemoryStorage Storage => (InMemoryStorage)Vault.Storage;

    protected virtual IStorage CreateStorage() => new InMemoryStorage();

    public async Task InitializeAsync()
    {
        Engine = new KvEngine { Clock = Clock };
        Vault = await VaultTestHost.StartAsync(Engine, CreateStorage());
    }

    public async Task DisposeAsync() => await Vault.DisposeAsync();

    protected Task<HostResponse> Put(string path, JsonObject data, long? cas = null)
    {
        var body = new JsonObject { ["data"] = data };
        if (cas is { } value)
        {
            body["options"] = new JsonObject { ["cas"] = value };
        }

        return Vault.WriteAsync("data/" + path, body);
    }

    protected Task<HostResponse> Get(string path, long? version = null)
        => version is { } v
            ? Vault.ReadAsync("data/" + path, [new("version", v.ToString(System.Globalization.CultureInfo.InvariantCulture))])
            : Vault.ReadAsync("data/" + path);

    protected static JsonObject Versions(params long[] versions)
    {
        var array = new JsonArray();
        foreach (var v in versions)
        {
            array.Add(v);
        }

        return new JsonObject { ["versions"] = array };
    }

    /// <summary>The body of a raw response (Vault's RespondWithStatusCode), parsed.</summary>
    protected static JsonObject RawBody(HostResponse response)
    {
        Assert.NotNull(response.Outcome.Raw);
        return JsonNode.Parse(response.Outcome.Raw!.Body)!.AsObject();
    }

    protected static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";
}

internal static class JsonNumbers
{
    /// <summary>A number as a client reads it from the wire, whatever CLR type the engine built it from.</summary>
    public static int AsInt(this JsonNode? node)
        => int.Parse(node?.ToJsonString() ?? throw new InvalidOperationException("no number"), System.Globalization.CultureInfo.InvariantCulture);
}
