using System.Text.Json.Nodes;
using VaultPathGen;
using VaultPathGen.Testing;

namespace Userpass.Tests;

/// <summary>login/&lt;username&gt;, alias lookahead and token renewal.</summary>
public sealed class LoginTests
{
    [Fact]
    public void Backend_is_an_auth_method_with_an_unauthenticated_login_path()
    {
        var descriptor = ((IBackend)new Userpass()).Descriptor;
        Assert.Equal(BackendType.Credential, descriptor.Type);
        Assert.Equal(["login/*"], descriptor.SpecialPaths.Unauthenticated);
        Assert.True(descriptor.SpecialPaths.IsUnauthenticated("login/alice"));
        Assert.False(descriptor.SpecialPaths.IsUnauthenticated("users/alice"));
    }

    [Fact]
    public async Task Login_returns_auth_with_the_users_policies_ttls_and_alias()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("alice", "pw", new JsonObject { ["token_policies"] = "dev", ["token_ttl"] = "10m", ["token_max_ttl"] = "1h" });

        var login = await host.LoginAsync("Alice", "pw");

        Assert.Equal(200, login.StatusCode);
        var auth = login.Response!.Auth!;
        Assert.Equal("alice", auth.DisplayName);
        Assert.Equal(["dev"], auth.Policies);
        Assert.Equal(["dev"], auth.TokenPolicies);
        Assert.Equal("alice", auth.Metadata["username"]);
        Assert.Equal("alice", auth.Alias!.Name);
        Assert.Equal(TimeSpan.FromMinutes(10), auth.Lease.Ttl);
        Assert.Equal(TimeSpan.FromHours(1), auth.Lease.MaxTtl);
        Assert.True(auth.Lease.Renewable);
        Assert.True(login.Request.Unauthenticated);
    }

    [Theory]
    [InlineData("alice", "wrong")]
    [InlineData("nobody", "pw")]
    public async Task Wrong_password_and_unknown_user_get_the_same_answer(string user, string password)
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("alice", "pw");
        var login = await host.LoginAsync(user, password);
        Assert.Equal(400, login.StatusCode);
        Assert.Equal(["invalid username or password"], login.Errors);
        Assert.Null(login.Response!.Auth);
    }

    [Fact]
    public async Task Alias_lookahead_names_the_user_without_checking_the_password()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        var lookahead = await host.AliasLookaheadAsync("login/bob", new JsonObject { ["password"] = "anything" });
        Assert.Equal("bob", lookahead.Response!.Auth!.Alias!.Name);
        Assert.Empty(lookahead.Response.Auth.Policies);
    }

    [Fact]
    public async Task Bound_cidrs_admit_only_listed_addresses()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("carol", "pw", new JsonObject { ["token_bound_cidrs"] = "10.1.0.0/16" });
        var inside = await host.LoginAsync("login/carol", new JsonObject { ["password"] = "pw" }, new Connection("10.1.2.3"));
        var outside = await host.LoginAsync("login/carol", new JsonObject { ["password"] = "pw" }, new Connection("192.168.0.1"));
        Assert.Equal(200, inside.StatusCode);
        Assert.Equal(["10.1.0.0/16"], inside.Response!.Auth!.BoundCidrs);
        Assert.Equal(403, outside.StatusCode);
    }

    [Fact]
    public async Task Renew_grants_the_users_ttl_but_never_past_the_max_ttl_from_login()
    {
        var (host, _, clock) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("dan", "pw", new JsonObject { ["token_policies"] = "dev", ["token_ttl"] = "30m", ["token_max_ttl"] = "1h" });
        var auth = (await host.LoginAsync("dan", "pw")).Response!.Auth!;
        auth.Lease = auth.Lease with { IssueTime = clock.UtcNow };

        clock.UtcNow += TimeSpan.FromMinutes(20);
        var first = await host.RenewAuthAsync("login/dan", auth);
        Assert.Equal(TimeSpan.FromMinutes(30), first.Response!.Auth!.Lease.Ttl);

        clock.UtcNow += TimeSpan.FromMinutes(25);
        var capped = await host.RenewAuthAsync("login/dan", auth, increment: TimeSpan.FromHours(2));
        Assert.Equal(TimeSpan.FromMinutes(15), capped.Response!.Auth!.Lease.Ttl);
        Assert.Equal(TimeSpan.FromHours(1), capped.Response.Auth.Lease.MaxTtl);
        Assert.Equal("dan", capped.Response.Auth.Metadata["username"]);
        Assert.Equal("TTL of \"2h0m0s\" exceeded the effective max_ttl of \"15m0s\"; TTL value is capped accordingly", Assert.Single(capped.Response.Warnings));

        clock.UtcNow += TimeSpan.FromMinutes(16);
        var past = await host.RenewAuthAsync("login/dan", auth);
        Assert.Equal("past the max TTL, cannot renew", past.Exception!.Message);
        Assert.Null(past.Response);
    }

    [Fact]
    public async Task Renew_without_a_user_max_ttl_is_capped_by_the_mounts_max()
    {
        var (host, _, clock) = await UserpassHost.StartAsync(new StaticSystemView { DefaultLeaseTtl = TimeSpan.FromHours(1), MaxLeaseTtl = TimeSpan.FromHours(2) });
        await using var _ = host;
        await host.CreateUserAsync("fay", "pw", new JsonObject { ["token_policies"] = "dev" });
        var auth = (await host.LoginAsync("fay", "pw")).Response!.Auth!;
        auth.Lease = auth.Lease with { IssueTime = clock.UtcNow };

        var renewed = await host.RenewAuthAsync("login/fay", auth, increment: TimeSpan.FromHours(5));
        Assert.Equal(TimeSpan.FromHours(2), renewed.Response!.Auth!.Lease.Ttl);
    }

    [Fact]
    public async Task Renew_is_refused_when_the_user_is_gone_or_its_policies_changed()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("eve", "pw", new JsonObject { ["token_policies"] = "dev" });
        var auth = (await host.LoginAsync("eve", "pw")).Response!.Auth!;

        await host.WriteAsync("users/eve", new JsonObject { ["token_policies"] = "admin" });
        var changed = await host.RenewAuthAsync("login/eve", auth);
        Assert.Equal(500, changed.StatusCode);
        Assert.Equal("policies have changed, not renewing", changed.Exception!.Message);

        await host.DeleteAsync("users/eve");
        var gone = await host.RenewAuthAsync("login/eve", auth);
        Assert.Null(gone.Response);
    }
}
