using System.Text.Json.Nodes;

namespace KvEngine.Tests;

public sealed class VersionLimitTests : KvTestBase
{
    private async Task WriteVersions(string path, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            (await Put(path, new JsonObject { ["i"] = i })).EnsureStatus(200);
        }
    }

    private async Task<JsonObject> Metadata(string path) => (await Vault.ReadAsync("metadata/" + path)).EnsureStatus(200).Data!;

    [Fact]
    public async Task Ten_versions_are_kept_by_default_and_older_ones_are_gone()
    {
        await WriteVersions("app", 12);

        var metadata = await Metadata("app");
        Assert.Equal(12, metadata["current_version"].AsInt());
        Assert.Equal(3, metadata["oldest_version"].AsInt());
        Assert.Equal(Enumerable.Range(3, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), metadata["versions"]!.AsObject().Select(p => p.Key));
        Assert.Equal(404, (await Get("app", 2)).StatusCode);
        Assert.Equal(3, (await Get("app", 3)).EnsureStatus(200).Data!["data"]!["i"].AsInt());
        Assert.DoesNotContain("versions/app/1", Storage.Keys);
        Assert.DoesNotContain("versions/app/2", Storage.Keys);
        Assert.Equal(10, Storage.Keys.Count(k => k.StartsWith("versions/app/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Oldest_version_stays_zero_until_the_window_first_slides_as_in_vault()
    {
        await WriteVersions("app", 9);
        Assert.Equal(0, (await Metadata("app"))["oldest_version"].AsInt());

        await WriteVersions("app", 1);
        var metadata = await Metadata("app");
        Assert.Equal(1, metadata["oldest_version"].AsInt());
        Assert.Equal(10, metadata["versions"]!.AsObject().Count);
    }

    [Fact]
    public async Task Config_max_versions_limits_every_key()
    {
        await Vault.WriteAsync("config", new JsonObject { ["max_versions"] = 3 });
        await WriteVersions("app", 5);

        var metadata = await Metadata("app");
        Assert.Equal(["3", "4", "5"], metadata["versions"]!.AsObject().Select(p => p.Key));
        Assert.Equal(3, metadata["oldest_version"].AsInt());
    }

    [Theory]
    [InlineData(0, 2, 2)]
    [InlineData(2, 0, 2)]
    [InlineData(2, 4, 4)]
    [InlineData(4, 2, 4)]
    public async Task The_larger_of_config_and_key_max_versions_applies_as_in_vaults_code(int config, int key, int kept)
    {
        await Vault.WriteAsync("config", new JsonObject { ["max_versions"] = config });
        await Vault.WriteAsync("metadata/app", new JsonObject { ["max_versions"] = key });
        await WriteVersions("app", 6);

        Assert.Equal(kept, (await Metadata("app"))["versions"]!.AsObject().Count);
        Assert.Equal(kept, Storage.Keys.Count(k => k.StartsWith("versions/app/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Lowering_max_versions_trims_on_the_next_write()
    {
        await WriteVersions("app", 6);
        await Vault.WriteAsync("metadata/app", new JsonObject { ["max_versions"] = 2 });
        Assert.Equal(6, (await Metadata("app"))["versions"]!.AsObject().Count);

        await WriteVersions("app", 1);

        var metadata = await Metadata("app");
        Assert.Equal(["6", "7"], metadata["versions"]!.AsObject().Select(p => p.Key));
        Assert.Equal(6, metadata["oldest_version"].AsInt());
        Assert.Equal(["versions/app/6", "versions/app/7"], Storage.Keys.Where(k => k.StartsWith("versions/", StringComparison.Ordinal)));
    }
}
