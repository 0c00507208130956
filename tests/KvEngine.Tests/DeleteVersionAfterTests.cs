using System.Text.Json.Nodes;

namespace KvEngine.Tests;

public sealed class DeleteVersionAfterTests : KvTestBase
{
    [Fact]
    public async Task A_version_reads_as_deleted_once_its_time_has_passed()
    {
        await Vault.WriteAsync("config", new JsonObject { ["delete_version_after"] = "1h" });

        var write = (await Put("app", new JsonObject { ["v"] = 1 })).EnsureStatus(200);
        Assert.Equal("2024-01-02T04:04:05.1234567Z", write.Data!["deletion_time"]!.GetValue<string>());

        Clock.Advance(TimeSpan.FromMinutes(59));
        var before = (await Get("app")).EnsureStatus(200);
        Assert.Equal("2024-01-02T04:04:05.1234567Z", before.Data!["metadata"]!["deletion_time"]!.GetValue<string>());

        Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await Get("app");
        Assert.Equal(404, after.StatusCode);
        Assert.Equal("null", Json(RawBody(after)["data"]!["data"]));
        Assert.Equal(404, (await Vault.ReadAsync("subkeys/app")).StatusCode);
    }

    [Theory]
    [InlineData("2h", "30m", "2024-01-02T03:34:05.1234567Z")]
    [InlineData("30m", "2h", "2024-01-02T03:34:05.1234567Z")]
    [InlineData("0s", "45m", "2024-01-02T03:49:05.1234567Z")]
    [InlineData("45m", "0s", "2024-01-02T03:49:05.1234567Z")]
    public async Task The_smaller_of_config_and_key_delete_version_after_applies(string config, string key, string deletion)
    {
        await Vault.WriteAsync("config", new JsonObject { ["delete_version_after"] = config });
        await Vault.WriteAsync("metadata/app", new JsonObject { ["delete_version_after"] = key });

        var write = (await Put("app", new JsonObject { ["v"] = 1 })).EnsureStatus(200);

        Assert.Equal(deletion, write.Data!["deletion_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_negative_config_value_switches_it_off_for_every_key()
    {
        await Vault.WriteAsync("config", new JsonObject { ["delete_version_after"] = "-1" });
        await Vault.WriteAsync("metadata/app", new JsonObject { ["delete_version_after"] = "1m" });

        var write = (await Put("app", new JsonObject { ["v"] = 1 })).EnsureStatus(200);
        Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal("", write.Data!["deletion_time"]!.GetValue<string>());
        Assert.Equal(200, (await Get("app")).StatusCode);
    }

    [Fact]
    public async Task Undelete_starts_the_clock_again()
    {
        await Vault.WriteAsync("metadata/app", new JsonObject { ["delete_version_after"] = "10m" });
        await Put("app", new JsonObject { ["v"] = 1 });
        Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(404, (await Get("app")).StatusCode);

        await Vault.WriteAsync("undelete/app", Versions(1));

        var read = (await Get("app")).EnsureStatus(200);
        Assert.Equal("2024-01-02T03:25:05.1234567Z", read.Data!["metadata"]!["deletion_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_negative_key_value_is_refused()
    {
        var write = await Vault.WriteAsync("metadata/app", new JsonObject { ["delete_version_after"] = "-1m" });

        Assert.Equal(400, write.StatusCode);
        Assert.Contains("cannot provide a negative duration", write.Errors[0], StringComparison.Ordinal);
    }
}
