using System.Text.Json.Nodes;
using VaultPathGen;

namespace KvEngine.Tests;

public sealed class PatchTests : KvTestBase
{
    [Fact]
    public async Task Patch_merges_into_the_latest_version_as_a_new_version()
    {
        await Put("app", JsonNode.Parse("""{"keep": 1, "drop": 2, "replace": [1, 2], "nested": {"a": 1, "b": 2}, "scalar": "s"}""")!.AsObject());

        var patch = await Vault.PatchAsync("data/app", """{"data": {"drop": null, "replace": [3], "nested": {"b": null, "c": 3}, "scalar": {"now": "object"}, "added": true}}""");

        Assert.Equal((200, Operation.Patch), (patch.StatusCode, patch.Operation));
        Assert.Equal(2, patch.Data!["version"].AsInt());
        Assert.Equal(
            """{"keep":1,"replace":[3],"nested":{"a":1,"c":3},"scalar":{"now":"object"},"added":true}""",
            Json((await Get("app")).Data!["data"]));
        Assert.Equal(2, (await Get("app", 1)).Data!["data"]!["drop"].AsInt());
    }

    [Fact]
    public async Task Patch_needs_an_existing_secret_and_data()
    {
        var missing = await Vault.PatchAsync("data/nope", new JsonObject { ["data"] = new JsonObject { ["a"] = 1 } });
        await Put("app", new JsonObject { ["a"] = 1 });
        var noData = await Vault.PatchAsync("data/app", new JsonObject { ["options"] = new JsonObject { ["cas"] = 1 } });

        Assert.Equal(404, missing.StatusCode);
        Assert.Empty(missing.Outcome.Raw!.Body);
        Assert.Equal((400, "no data provided"), (noData.StatusCode, noData.Errors[0]));
        Assert.DoesNotContain(Storage.Keys, k => k.Contains("nope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patch_of_a_key_with_metadata_but_no_version_is_a_404()
    {
        await Vault.WriteAsync("metadata/app", new JsonObject { ["max_versions"] = 3 });

        Assert.Equal(404, (await Vault.PatchAsync("data/app", new JsonObject { ["data"] = new JsonObject { ["a"] = 1 } })).StatusCode);
    }
}
