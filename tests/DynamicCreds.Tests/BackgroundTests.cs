using System.Text;
using System.Text.Json.Nodes;
using VaultPathGen;

namespace DynamicCreds.Tests;

/// <summary>The rollback tick: WAL rollback of half-issued credentials, periodic removal of expired ones.</summary>
public class BackgroundTests : CredsTestBase
{
    /// <summary>What a crash between creating the credential and deleting its WAL entry leaves behind.</summary>
    private async Task<string> HalfIssued(string username, TimeSpan age)
    {
        var now = DateTimeOffset.UtcNow;
        await Vault.WriteStorageJsonAsync("issued/" + username, new JsonObject { ["username"] = username, ["role"] = "web", ["issued_at"] = now.ToString("O"), ["expires_at"] = now.AddHours(3).ToString("O") });
        var entry = new JsonObject { ["type"] = "credential", ["data"] = new JsonObject { ["username"] = username }, ["created_at"] = (now - age).ToUnixTimeSeconds() };
        await Vault.Storage.PutAsync(new StorageEntry("wal/" + username, Encoding.UTF8.GetBytes(entry.ToJsonString())));
        return username;
    }

    [Fact]
    public async Task The_tick_rolls_back_a_half_issued_credential_once_its_wal_entry_is_old_enough()
    {
        await WriteRole("web");
        var complete = (await Issue("web")).Data!["username"]!.GetValue<string>();
        await HalfIssued("v-web-crashed", TimeSpan.FromMinutes(6));
        await HalfIssued("v-web-inflight", TimeSpan.FromMinutes(1));

        var tick = await Vault.RollbackAsync();

        Assert.True(tick.IsSuccess, tick.ToString());
        Assert.Equal(new[] { complete, "v-web-inflight" }.Order(StringComparer.Ordinal), await Issued());
        Assert.Equal(["v-web-inflight"], await Wal.ListAsync(Vault.Storage));

        await Vault.RollbackAsync(immediate: true);
        Assert.Equal([complete], await Issued());
        Assert.Empty(await Wal.ListAsync(Vault.Storage));
    }

    [Fact]
    public async Task An_unknown_wal_entry_is_reported_and_kept()
    {
        await Vault.Storage.PutAsync(new StorageEntry("wal/odd", Encoding.UTF8.GetBytes("""{"type":"other","data":null,"created_at":1}""")));

        var tick = await Vault.RollbackAsync();

        Assert.Equal(400, tick.StatusCode);
        Assert.Equal("error rolling back \"other\" entry: unknown WAL entry kind other", Assert.Single(tick.Errors));
        Assert.Equal(["odd"], await Wal.ListAsync(Vault.Storage));
    }

    [Fact]
    public async Task The_periodic_function_removes_credentials_past_their_max_ttl()
    {
        await WriteRole("short", ttl: "10m", maxTtl: "1h");
        await WriteRole("long", ttl: "1h", maxTtl: "5h");
        await Issue("short");
        var kept = (await Issue("long")).Data!["username"]!.GetValue<string>();

        Clock.UtcNow += TimeSpan.FromHours(2);
        await Vault.RollbackAsync();

        Assert.Equal([kept], await Issued());
    }
}
