using System.Text;
using System.Text.Json.Nodes;
using VaultPathGen;

namespace Userpass.Tests;

/// <summary>users/&lt;username&gt;, users/ and users/&lt;username&gt;/password, as Vault's userpass answers them.</summary>
public sealed class UsersTests
{
    [Fact]
    public async Task Create_read_list_and_delete_a_user()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        var created = await host.WriteAsync("users/Alice", new JsonObject
        {
            ["password"] = "s3cret",
            ["token_policies"] = "dev, ops,dev",
            ["token_ttl"] = "1h",
            ["token_max_ttl"] = 7200,
            ["token_bound_cidrs"] = new JsonArray("10.0.0.0/8", "127.0.0.1"),
        });
        Assert.Equal(204, created.StatusCode);
        Assert.Equal(Operation.Create, created.Operation);

        var read = (await host.ReadAsync("users/alice")).EnsureSuccess().Data!;
        Assert.Equal("""["dev","ops"]""", read["token_policies"]!.ToJsonString());
        Assert.Equal(3600, read["token_ttl"]!.GetValue<long>());
        Assert.Equal(7200, read["token_max_ttl"]!.GetValue<long>());
        Assert.Equal("""["10.0.0.0/8","127.0.0.1"]""", read["token_bound_cidrs"]!.ToJsonString());
        Assert.Equal("default", read["token_type"]!.GetValue<string>());
        Assert.False(read.ContainsKey("password"));
        Assert.False(read.ContainsKey("policies"));

        await host.CreateUserAsync("bob", "pw");
        Assert.Equal("""["alice","bob"]""", (await host.ListAsync("users")).EnsureSuccess().Data!["keys"]!.ToJsonString());

        Assert.Equal(204, (await host.DeleteAsync("users/alice")).StatusCode);
        Assert.Equal(404, (await host.ReadAsync("users/alice")).StatusCode);
    }

    [Fact]
    public async Task Deprecated_policies_field_is_accepted_and_echoed_like_vault()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("carol", "pw", new JsonObject { ["policies"] = "a,b" });
        var read = (await host.ReadAsync("users/carol")).Data!;
        Assert.Equal("""["a","b"]""", read["policies"]!.ToJsonString());
        Assert.Equal("""["a","b"]""", read["token_policies"]!.ToJsonString());

        var both = await host.WriteAsync("users/carol", new JsonObject { ["policies"] = "a", ["token_policies"] = "b" });
        Assert.Equal(400, both.StatusCode);
        Assert.Equal(["cannot specify both \"token_policies\" and \"policies\""], both.Errors);
    }

    [Theory]
    [InlineData("""{"token_policies":"dev"}""", "missing password")]
    [InlineData("""{"password":"x","token_ttl":"2h","token_max_ttl":"1h"}""", "\"token_ttl\" value must be less than \"token_max_ttl\" value")]
    [InlineData("""{"password":"x","token_bound_cidrs":"10.0.0.0/99"}""", "invalid CIDR in \"token_bound_cidrs\": \"10.0.0.0/99\"")]
    [InlineData("""{"password":"x","token_ttl":"soon"}""", "Field validation failed: error converting input for field \"token_ttl\"")]
    public async Task Bad_input_is_a_400_and_stores_nothing(string body, string error)
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        var response = await host.WriteAsync("users/dave", body);
        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith(error, Assert.Single(response.Errors), StringComparison.Ordinal);
        Assert.Empty(await host.Storage.ListAsync(""));
    }

    [Fact]
    public async Task Password_is_stored_only_as_a_salted_hash()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("erin", "correct horse");
        await host.CreateUserAsync("frank", "correct horse");

        var erin = Encoding.UTF8.GetString((await host.Storage.GetAsync("user/erin"))!.Value);
        var frank = Encoding.UTF8.GetString((await host.Storage.GetAsync("user/frank"))!.Value);
        Assert.DoesNotContain("correct horse", erin, StringComparison.Ordinal);
        var erinHash = JsonNode.Parse(erin)!["PasswordHash"]!.GetValue<string>();
        var frankHash = JsonNode.Parse(frank)!["PasswordHash"]!.GetValue<string>();
        Assert.StartsWith("pbkdf2-sha256$", erinHash, StringComparison.Ordinal);
        Assert.NotEqual(erinHash, frankHash);
    }

    [Fact]
    public async Task Password_update_changes_which_password_logs_in()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        await host.CreateUserAsync("gina", "old");
        Assert.Equal(204, (await host.WriteAsync("users/gina/password", new JsonObject { ["password"] = "new" })).StatusCode);
        Assert.Equal(400, (await host.LoginAsync("gina", "old")).StatusCode);
        Assert.Equal(200, (await host.LoginAsync("gina", "new")).StatusCode);

        var missing = await host.WriteAsync("users/nobody/password", new JsonObject { ["password"] = "x" });
        Assert.Equal(["username does not exist"], missing.Errors);
        Assert.Equal(["missing password"], (await host.WriteAsync("users/gina/password", new JsonObject())).Errors);
    }

    [Fact]
    public async Task Password_never_appears_in_errors()
    {
        var (host, _, _) = await UserpassHost.StartAsync();
        await using var _ = host;
        var response = await host.WriteAsync("users/hank", new JsonObject { ["password"] = new JsonArray("hunter2") });
        Assert.Equal(400, response.StatusCode);
        Assert.DoesNotContain("hunter2", string.Join(" ", response.Errors), StringComparison.Ordinal);
    }
}
