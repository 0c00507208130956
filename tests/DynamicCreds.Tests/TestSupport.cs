using System.Text.Json.Nodes;
using VaultPathGen;
using VaultPathGen.Testing;

namespace DynamicCreds.Tests;

/// <summary>A clock that only moves when a test moves it.</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => UtcNow;
}

/// <summary>A fresh engine behind the in-process Vault core for every test, with a mount max TTL of 48h.</summary>
public abstract class CredsTestBase : IAsyncLifetime
{
    internal ManualClock Clock { get; } = new();

    internal DynamicCredsEngine Engine { get; private set; } = null!;

    protected VaultTestHost Vault { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Engine = new DynamicCredsEngine { Clock = Clock };
        Vault = await VaultTestHost.StartAsync(Engine, options: new VaultTestHostOptions
        {
            MountPoint = "dynamic-creds/",
            SystemView = new StaticSystemView { DefaultLeaseTtl = TimeSpan.FromHours(2), MaxLeaseTtl = TimeSpan.FromHours(48) },
        });
    }

    public async Task DisposeAsync() => await Vault.DisposeAsync();

    protected async Task WriteRole(string name, string ttl = "1h", string maxTtl = "3h", string prefix = "v-")
        => (await Vault.WriteAsync("roles/" + name, new JsonObject { ["ttl"] = ttl, ["max_ttl"] = maxTtl, ["username_prefix"] = prefix })).EnsureSuccess();

    protected async Task<HostResponse> Issue(string role) => (await Vault.ReadAsync("creds/" + role)).EnsureSuccess();

    protected async Task<IReadOnlyList<string>> Issued()
    {
        var list = await Vault.ListAsync("issued");
        return list.StatusCode == 404 ? [] : [.. list.Data!["keys"]!.AsArray().Select(k => k!.GetValue<string>())];
    }
}
