using System.Text.Json.Nodes;
using VaultPathGen;
using VaultPathGen.Testing;

namespace Userpass.Tests;

/// <summary>users/&lt;username&gt;/policies, as Vault's userpass answers it.</summary>
public sealed class UserPoliciesTests
{
    [Fact]
    public async Task Token_policies_replace_the_users_policies_and_keep_the_rest()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("alice", "pw", new JsonObject { ["token_policies"] = "dev", ["token_ttl"] = "1h" });

        var updated = await host.WriteAsync("users/alice/policies", new JsonObject { ["token_policies"] = "ops, Admin,ops" });

        Assert.Equal(204, updated.StatusCode);
        var read = (await host.ReadAsync("users/alice")).EnsureSuccess().Data!;
        Assert.Equal("""["admin","ops"]""", read["token_policies"]!.ToJsonString());
        Assert.False(read.ContainsKey("policies"));
        Assert.Equal(3600, read["token_ttl"]!.GetValue<long>());
        var login = await host.LoginAsync("alice", "pw");
        Assert.Equal(["admin", "ops"], login.Response!.Auth!.TokenPolicies);
    }

    [Fact]
    public async Task Legacy_policies_field_is_accepted_and_echoed_by_reads()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("bob", "pw", new JsonObject { ["token_policies"] = "dev" });

        (await host.WriteAsync("users/bob/policies", new JsonObject { ["policies"] = "a,b" })).EnsureSuccess();

        var read = (await host.ReadAsync("users/bob")).Data!;
        Assert.Equal("""["a","b"]""", read["policies"]!.ToJsonString());
        Assert.Equal("""["a","b"]""", read["token_policies"]!.ToJsonString());
    }

    [Fact]
    public async Task A_token_from_before_the_change_no_longer_renews()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("carol", "pw", new JsonObject { ["token_policies"] = "dev" });
        var auth = (await host.LoginAsync("carol", "pw")).Response!.Auth!;

        await host.WriteAsync("users/carol/policies", new JsonObject { ["token_policies"] = "ops" });

        var renewed = await host.RenewAuthAsync("login/carol", auth);
        Assert.Equal("policies have changed, not renewing", renewed.Exception!.Message);
    }

    [Fact]
    public async Task Unknown_user_is_an_error_and_stores_nothing()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;

        var response = await host.WriteAsync("users/nobody/policies", new JsonObject { ["token_policies"] = "dev" });

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(["username does not exist"], response.Errors);
        Assert.Empty(await host.Storage.ListAsync(""));
    }

    [Fact]
    public async Task Only_update_is_served()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("dan", "pw");
        Assert.Equal(405, (await host.ReadAsync("users/dan/policies")).StatusCode);
    }
}
