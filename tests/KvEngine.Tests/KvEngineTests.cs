using System.Text;
using System.Text.Json.Nodes;
using VaultPathGen;
using VaultPathGen.Testing;

namespace KvEngine.Tests;

public sealed class KvEngineTests : IAsyncLifetime
{
    private VaultTestHost _vault = null!;

    public async Task InitializeAsync() => _vault = await VaultTestHost.StartAsync(new KvEngine());

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task First_write_is_create_and_second_is_update()
    {
        var created = await _vault.WriteAsync("kv/a", new JsonObject { ["v"] = 1 });
        var updated = await _vault.WriteAsync("kv/a", new JsonObject { ["v"] = 2 });

        Assert.Equal((204, Operation.Create), (created.StatusCode, created.Operation));
        Assert.Equal((204, Operation.Update), (updated.StatusCode, updated.Operation));
        Assert.Equal("""{"v":2}""", Encoding.UTF8.GetString((await _vault.Storage.GetAsync("kv/a"))!.Value));
    }

    [Fact]
    public async Task Read_returns_what_was_written_and_404_when_missing()
    {
        await _vault.WriteAsync("kv/db", new JsonObject { ["user"] = "app", ["port"] = 5432 });

        var read = (await _vault.ReadAsync("kv/db")).EnsureStatus(200);
        var missing = await _vault.ReadAsync("kv/nope");

        Assert.Equal("""{"user":"app","port":5432}""", read.Data!.ToJsonString());
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public async Task Any_parameters_are_stored_without_warnings()
    {
        var write = await _vault.WriteAsync("kv/free", new JsonObject { ["anything"] = "goes", ["nested"] = new JsonObject { ["x"] = true } });

        Assert.Empty(write.Warnings);
        Assert.True((await _vault.ReadAsync("kv/free")).Data!["nested"]!["x"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Write_without_data_is_a_400_and_stores_nothing()
    {
        var write = await _vault.WriteAsync("kv/empty", new JsonObject());

        Assert.Equal(400, write.StatusCode);
        Assert.Equal(["missing data fields"], write.Errors);
        Assert.Null(await _vault.Storage.GetAsync("kv/empty"));
    }

    [Fact]
    public async Task List_shows_keys_and_is_404_when_empty()
    {
        Assert.Equal(404, (await _vault.ListAsync("kv")).StatusCode);
        await _vault.WriteAsync("kv/b", new JsonObject { ["v"] = 1 });
        await _vault.WriteAsync("kv/a", new JsonObject { ["v"] = 1 });

        var list = (await _vault.ListAsync("kv")).EnsureStatus(200);

        Assert.Equal("""["a","b"]""", list.Data!["keys"]!.ToJsonString());
    }

    [Fact]
    public async Task Delete_removes_the_secret()
    {
        await _vault.WriteAsync("kv/gone", new JsonObject { ["v"] = 1 });

        Assert.Equal(204, (await _vault.DeleteAsync("kv/gone")).StatusCode);
        Assert.Equal(404, (await _vault.ReadAsync("kv/gone")).StatusCode);
        Assert.Equal(0, ((InMemoryStorage)_vault.Storage).Count);
    }

    [Theory]
    [InlineData("kv/-bad")]
    [InlineData("kv/a/b")]
    [InlineData("other/a")]
    public async Task Paths_outside_the_engine_are_404(string path) =>
        Assert.Equal(404, (await _vault.ReadAsync(path)).StatusCode);

    [Fact]
    public async Task Unsupported_operation_is_405()
    {
        await _vault.WriteAsync("kv/p", new JsonObject { ["v"] = 1 });
        Assert.Equal(405, (await _vault.PatchAsync("kv/p", new JsonObject { ["v"] = 2 })).StatusCode);
    }

    [Fact]
    public async Task Help_describes_the_paths()
    {
        var root = (await _vault.HelpAsync("")).EnsureStatus(200);
        var path = (await _vault.HelpAsync("kv/x")).EnsureStatus(200);

        Assert.Contains("A key/value secrets engine", root.Data!["help"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Read a secret.", path.Data!["help"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writes_to_different_keys_all_land()
    {
        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => _vault.WriteAsync($"kv/k{i}", new JsonObject { ["i"] = i })));

        for (var i = 0; i < 64; i++)
        {
            Assert.Equal(i, (await _vault.ReadAsync($"kv/k{i}")).EnsureStatus(200).Data!["i"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Demo_runs_and_shows_vaults_answers()
    {
        var output = new StringWriter();
        await Demo.RunAsync(output);
        var text = output.ToString();

        Assert.Contains($"{"write kv/hello",-28} -> 204 (create)", text, StringComparison.Ordinal);
        Assert.Contains($"{"write kv/hello",-28} -> 204 (update)", text, StringComparison.Ordinal);
        Assert.Contains($"{"read  kv/missing",-28} -> 404", text, StringComparison.Ordinal);
        Assert.Contains("errors:   missing data fields", text, StringComparison.Ordinal);
    }
}
