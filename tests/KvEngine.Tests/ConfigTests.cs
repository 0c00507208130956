using System.Text.Json.Nodes;
using VaultPathGen;

namespace KvEngine.Tests;

public sealed class ConfigTests : KvTestBase
{
    [Fact]
    public async Task Unset_config_reads_as_vaults_defaults()
    {
        var read = (await Vault.ReadAsync("config")).EnsureStatus(200);

        Assert.Equal("""{"cas_required":false,"delete_version_after":"0s","max_versions":0}""", Json(read.Data));
    }

    [Fact]
    public async Task Written_settings_read_back_with_go_durations()
    {
        var write = await Vault.WriteAsync("config", new JsonObject { ["max_versions"] = 5, ["cas_required"] = true, ["delete_version_after"] = "1h30m" });

        Assert.Equal((204, Operation.Update), (write.StatusCode, write.Operation));
        Assert.Equal("""{"cas_required":true,"delete_version_after":"1h30m0s","max_versions":5}""", Json((await Vault.ReadAsync("config")).Data));
    }

    [Theory]
    [InlineData("-5m", "-1s")]
    [InlineData("0s", "0s")]
    [InlineData("45", "45s")]
    [InlineData("2m5s", "2m5s")]
    public async Task Delete_version_after_negative_disables_and_zero_clears(string written, string read)
    {
        await Vault.WriteAsync("config", new JsonObject { ["delete_version_after"] = "10m" });
        await Vault.WriteAsync("config", new JsonObject { ["delete_version_after"] = written });

        Assert.Equal(read, (await Vault.ReadAsync("config")).Data!["delete_version_after"]!.GetValue<string>());
    }

    [Fact]
    public async Task Partial_writes_keep_the_other_settings()
    {
        await Vault.WriteAsync("config", new JsonObject { ["max_versions"] = 7, ["cas_required"] = true });
        await Vault.WriteAsync("config", new JsonObject { ["cas_required"] = false });

        Assert.Equal("""{"cas_required":false,"delete_version_after":"0s","max_versions":7}""", Json((await Vault.ReadAsync("config")).Data));
    }

    [Fact]
    public async Task A_write_without_settings_stores_nothing()
    {
        Assert.Equal(204, (await Vault.WriteAsync("config", new JsonObject())).StatusCode);
        Assert.Equal(0, Storage.Count);
    }

    [Fact]
    public async Task Bad_values_are_400_and_other_operations_405()
    {
        var bad = await Vault.WriteAsync("config", new JsonObject { ["max_versions"] = "many" });

        Assert.Equal(400, bad.StatusCode);
        Assert.Contains("max_versions", bad.Errors[0], StringComparison.Ordinal);
        Assert.Equal(405, (await Vault.DeleteAsync("config")).StatusCode);
        Assert.Equal(405, (await Vault.PatchAsync("config", new JsonObject { ["max_versions"] = 1 })).StatusCode);
    }
}
