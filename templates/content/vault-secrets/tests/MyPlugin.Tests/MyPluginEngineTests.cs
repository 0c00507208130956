using System.Text.Json.Nodes;
using VaultPathGen;
using VaultPathGen.Testing;

namespace MyPlugin.Tests;

/// <summary>The engine driven in process the way Vault drives a mounted plugin (VaultTestHost).</summary>
public class MyPluginEngineTests
{
    [Fact]
    public async Task Config_is_written_and_read_back()
    {
        await using var vault = new VaultTestHost(new MyPluginEngine());

        var written = await vault.WriteAsync("config", new JsonObject { ["url"] = "https://db.example:5432", ["default_ttl"] = "30m" });
        var read = await vault.ReadAsync("config");

        Assert.Equal(204, written.StatusCode);
        Assert.Equal("https://db.example:5432", read.Data!["url"]!.GetValue<string>());
        Assert.Equal(1800, read.Data["default_ttl"]!.GetValue<long>());
    }

    [Fact]
    public async Task Config_without_its_required_url_is_rejected()
    {
        await using var vault = new VaultTestHost(new MyPluginEngine());

        var response = await vault.WriteAsync("config", new JsonObject { ["default_ttl"] = "30m" });

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("url", response.Errors[0]);
    }

    [Fact]
    public async Task Roles_are_created_then_updated_listed_and_deleted()
    {
        await using var vault = new VaultTestHost(new MyPluginEngine());

        var created = await vault.WriteAsync("roles/app", new JsonObject { ["ttl"] = "2h", ["policies"] = "read,write" });
        var updated = await vault.WriteAsync("roles/app", new JsonObject { ["policies"] = "read" });
        var read = await vault.ReadAsync("roles/app");
        var listed = await vault.ListAsync("roles");
        await vault.DeleteAsync("roles/app");
        var gone = await vault.ReadAsync("roles/app");

        Assert.Equal(Operation.Create, created.Operation);
        Assert.Equal(Operation.Update, updated.Operation);
        Assert.Equal(3600, read.Data!["ttl"]!.GetValue<long>());
        Assert.Equal("read", read.Data["policies"]![0]!.GetValue<string>());
        Assert.Equal("app", listed.Data!["keys"]![0]!.GetValue<string>());
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public async Task A_malformed_ttl_is_a_400_that_names_the_field()
    {
        await using var vault = new VaultTestHost(new MyPluginEngine());

        var response = await vault.WriteAsync("roles/app", new JsonObject { ["ttl"] = "soon" });

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("ttl", response.Errors[0]);
    }
}
