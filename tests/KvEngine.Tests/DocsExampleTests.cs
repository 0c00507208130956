using System.Text.Json.Nodes;
using VaultPathGen;
using VaultPathGen.Testing;

namespace KvEngine.Tests.Docs;

// The first example of docs/testing.md, verbatim: DocsExampleTests checks the page still holds it.
public class KvEngineTests
{
    [Fact]
    public async Task Writes_create_then_update_and_read_back()
    {
        await using var host = new VaultTestHost(new KvEngine());

        var created = await host.WriteAsync("data/app", """{"data": {"password": "s3cret"}}""");
        var updated = await host.WriteAsync("data/app", new JsonObject { ["data"] = new JsonObject { ["password"] = "n3w" } });
        var read = await host.ReadAsync("data/app");

        Assert.Equal(Operation.Create, created.Operation);   // the existence check found nothing
        Assert.Equal(Operation.Update, updated.Operation);
        Assert.Equal(200, read.StatusCode);
        Assert.Equal("n3w", read.Data!["data"]!["password"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_items_are_404_and_bad_input_is_400()
    {
        await using var host = new VaultTestHost(new KvEngine());

        var missing = await host.ReadAsync("data/nope");
        var bad = await host.WriteAsync("config", """{"max_versions": "soon"}""");

        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(400, bad.StatusCode);
        Assert.Contains("max_versions", bad.Errors[0]);
    }

    [Fact]
    public async Task Storage_is_arranged_before_a_request()
    {
        var storage = new InMemoryStorage();
        await using var host = new VaultTestHost(new KvEngine(), storage);

        await host.WriteStorageJsonAsync("config", new JsonObject { ["max_versions"] = 3 });
        var config = await host.ReadAsync("config");

        Assert.Equal("3", config.Data!["max_versions"]!.ToJsonString());
        Assert.Contains("config", storage.Keys);
    }
}

/// <summary>Code in docs/testing.md is this file's code: compiled and run.</summary>
public class DocsExampleTests
{
    [Fact]
    public void Testing_md_holds_exactly_the_code_this_file_runs()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "VaultPathGen.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }

        var page = File.ReadAllText(Path.Combine(root, "docs", "testing.md"));
        var source = File.ReadAllText(Path.Combine(root, "tests", "KvEngine.Tests", "DocsExampleTests.cs"));
        var start = page.IndexOf("public class KvEngineTests\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/testing.md has no KvEngineTests example");
        var block = page[start..page.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.Contains(block, source, StringComparison.Ordinal);
    }
}
