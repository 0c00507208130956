using System.Text.Json.Nodes;
using VaultPathGen;

namespace KvEngine.Tests;

public sealed class ConcurrencyTests : KvTestBase
{
    private const int Writers = 32;

    protected override IStorage CreateStorage() => new YieldingStorage();

    [Fact]
    public async Task Parallel_cas_zero_writes_create_the_key_exactly_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => Put("race", new JsonObject { ["writer"] = i }, cas: 0))));

        var winners = results.Where(r => r.StatusCode == 200).ToList();
        Assert.Single(winners);
        Assert.All(results.Where(r => r.StatusCode != 200), r => Assert.Equal((400, "check-and-set parameter did not match the current version"), (r.StatusCode, r.Errors[0])));
        var metadata = (await Vault.ReadAsync("metadata/race")).EnsureStatus(200).Data!;
        Assert.Equal(1, metadata["current_version"].AsInt());
        Assert.Equal(
            winners[0].Request.Data!["data"]!["writer"].AsInt(),
            (await Get("race")).EnsureStatus(200).Data!["data"]!["writer"].AsInt());
    }

    [Fact]
    public async Task Parallel_cas_writers_that_retry_all_land_and_none_is_lost()
    {
        await Vault.WriteAsync("config", new JsonObject { ["max_versions"] = 100 });

        var versions = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var current = await Vault.ReadAsync("metadata/race");
                var cas = current.StatusCode == 200 ? current.Data!["current_version"].AsInt() : 0;
                var write = await Put("race", new JsonObject { ["writer"] = i }, cas);
                if (write.StatusCode == 200)
                {
                    return write.Data!["version"].AsInt();
                }

                Assert.Equal("check-and-set parameter did not match the current version", write.Errors[0]);
            }

            throw new InvalidOperationException($"writer {i} never got its write in");
        })));

        Assert.Equal(Enumerable.Range(1, Writers), versions.Order());
        var metadata = (await Vault.ReadAsync("metadata/race")).EnsureStatus(200).Data!;
        Assert.Equal(Writers, metadata["current_version"].AsInt());
        var writersByVersion = new List<int>();
        for (var v = 1; v <= Writers; v++)
        {
            writersByVersion.Add((await Get("race", v)).EnsureStatus(200).Data!["data"]!["writer"].AsInt());
        }

        Assert.Equal(Enumerable.Range(0, Writers), writersByVersion.Order());
    }

    [Fact]
    public async Task Parallel_writes_without_cas_each_get_their_own_version()
    {
        await Vault.WriteAsync("config", new JsonObject { ["max_versions"] = 100 });

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => Put("race", new JsonObject { ["writer"] = i }))));

        Assert.All(results, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(Enumerable.Range(1, Writers), results.Select(r => r.Data!["version"].AsInt()).Order());
        foreach (var result in results)
        {
            var version = result.Data!["version"].AsInt();
            var read = (await Get("race", version)).EnsureStatus(200);
            Assert.Equal(result.Request.Data!["data"]!["writer"].AsInt(), read.Data!["data"]!["writer"].AsInt());
        }
    }

    [Fact]
    public async Task Parallel_writes_past_max_versions_keep_exactly_the_newest()
    {
        await Vault.WriteAsync("config", new JsonObject { ["max_versions"] = 5 });

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => Put("race", new JsonObject { ["writer"] = i }))));

        var metadata = (await Vault.ReadAsync("metadata/race")).EnsureStatus(200).Data!;
        Assert.Equal(["28", "29", "30", "31", "32"], metadata["versions"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["28", "29", "30", "31", "32"], (await Vault.Storage.ListAsync("versions/race/")).Order(StringComparer.Ordinal));
    }
}
