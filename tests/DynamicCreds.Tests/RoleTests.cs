using System.Text.Json.Nodes;

namespace DynamicCreds.Tests;

public class RoleTests : CredsTestBase
{
    [Fact]
    public async Task A_role_is_created_read_partly_updated_listed_and_deleted()
    {
        var created = await Vault.WriteAsync("roles/web", new JsonObject { ["ttl"] = "30m", ["max_ttl"] = "2h" });
        Assert.Equal((204, VaultPathGen.Operation.Create), (created.StatusCode, created.Operation));

        var updated = await Vault.WriteAsync("roles/web", new JsonObject { ["username_prefix"] = "app-" });
        Assert.Equal(VaultPathGen.Operation.Update, updated.Operation);

        var read = await Vault.ReadAsync("roles/web");
        Assert.Equal("""{"ttl":1800,"max_ttl":7200,"username_prefix":"app-","password_policy":""}""", read.Data!.ToJsonString());

        await WriteRole("db");
        Assert.Equal("""["db","web"]""", (await Vault.ListAsync("roles")).Data!["keys"]!.ToJsonString());

        Assert.Equal(204, (await Vault.DeleteAsync("roles/web")).StatusCode);
        Assert.Equal(404, (await Vault.ReadAsync("roles/web")).StatusCode);
    }

    [Fact]
    public async Task A_ttl_above_max_ttl_is_refused()
    {
        var response = await Vault.WriteAsync("roles/web", new JsonObject { ["ttl"] = "3h", ["max_ttl"] = "1h" });
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("ttl cannot be greater than max_ttl", Assert.Single(response.Errors));
    }
}
