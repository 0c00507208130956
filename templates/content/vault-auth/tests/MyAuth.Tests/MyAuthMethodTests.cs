using System.Text.Json.Nodes;
using VaultPathGen;
using VaultPathGen.Testing;

namespace MyAuth.Tests;

/// <summary>The auth method driven in process the way Vault drives a mounted plugin (VaultTestHost).</summary>
public class MyAuthMethodTests
{
    private static async Task<VaultTestHost> StartWithUserAsync(string policies = "dev")
    {
        var vault = await VaultTestHost.StartAsync(new MyAuthMethod());
        await vault.WriteAsync("users/alice", new JsonObject { ["password"] = "correct horse", ["policies"] = policies });
        return vault;
    }

    [Fact]
    public void Login_is_the_one_path_that_needs_no_token()
    {
        var paths = ((IBackend)new MyAuthMethod()).Descriptor.SpecialPaths;

        Assert.True(paths.IsUnauthenticated("login"));
        Assert.False(paths.IsUnauthenticated("users/alice"));
    }

    [Fact]
    public async Task Users_are_created_then_updated_listed_and_deleted_and_the_password_is_never_read_back()
    {
        await using var vault = await VaultTestHost.StartAsync(new MyAuthMethod());

        var created = await vault.WriteAsync("users/alice", new JsonObject { ["password"] = "correct horse", ["policies"] = "dev,ops" });
        var updated = await vault.WriteAsync("users/alice", new JsonObject { ["policies"] = "dev" });
        var read = await vault.ReadAsync("users/alice");
        var listed = await vault.ListAsync("users");
        await vault.DeleteAsync("users/alice");
        var gone = await vault.ReadAsync("users/alice");

        Assert.Equal(Operation.Create, created.Operation);
        Assert.Equal(Operation.Update, updated.Operation);
        Assert.Equal("""{"policies":["dev"]}""", read.Data!.ToJsonString());
        Assert.Equal("alice", listed.Data!["keys"]![0]!.GetValue<string>());
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public async Task A_user_without_a_password_is_rejected()
    {
        await using var vault = await VaultTestHost.StartAsync(new MyAuthMethod());

        var response = await vault.WriteAsync("users/bob", new JsonObject { ["policies"] = "dev" });

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(["missing password"], response.Errors);
    }

    [Fact]
    public async Task Login_returns_the_Auth_Vault_makes_a_token_from()
    {
        await using var vault = await StartWithUserAsync();
        await vault.WriteAsync("config", new JsonObject { ["token_ttl"] = "30m", ["token_max_ttl"] = "2h" });

        var login = await vault.LoginAsync("login", new JsonObject { ["username"] = "alice", ["password"] = "correct horse" });

        var auth = login.Response!.Auth!;
        Assert.True(login.Request.Unauthenticated);
        Assert.Equal(["dev"], auth.Policies);
        Assert.Equal("alice", auth.Alias!.Name);
        Assert.Equal(TimeSpan.FromMinutes(30), auth.Lease.Ttl);
        Assert.Equal(TimeSpan.FromHours(2), auth.Lease.MaxTtl);
        Assert.True(auth.Lease.Renewable);
    }

    [Theory]
    [InlineData("alice", "wrong")]
    [InlineData("nobody", "correct horse")]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer(string username, string password)
    {
        await using var vault = await StartWithUserAsync();

        var login = await vault.LoginAsync("login", new JsonObject { ["username"] = username, ["password"] = password });

        Assert.Equal(400, login.StatusCode);
        Assert.Equal(["invalid username or password"], login.Errors);
        Assert.Null(login.Response!.Auth);
    }

    [Fact]
    public async Task Tokens_renew_until_the_user_is_deleted()
    {
        await using var vault = await StartWithUserAsync();
        var auth = (await vault.LoginAsync("login", new JsonObject { ["username"] = "alice", ["password"] = "correct horse" })).Response!.Auth!;

        var renewed = await vault.RenewAuthAsync("login", auth);
        await vault.DeleteAsync("users/alice");
        var refused = await vault.RenewAuthAsync("login", auth);

        Assert.Equal(TimeSpan.FromHours(1), renewed.Response!.Auth!.Lease.Ttl);
        Assert.Equal(["the user no longer exists"], refused.Errors);
    }
}
