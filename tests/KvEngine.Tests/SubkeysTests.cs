using System.Text.Json.Nodes;

namespace KvEngine.Tests;

public sealed class SubkeysTests : KvTestBase
{
    private static readonly JsonObject Secret = JsonNode.Parse("""{"foo": "abc", "bar": {"baz": "def", "deep": {"x": 1}}, "quux": {}, "list": [1, {"a": 2}]}""")!.AsObject();

    [Fact]
    public async Task Subkeys_keep_the_structure_and_drop_every_value()
    {
        await Put("app", (JsonObject)Secret.DeepClone());

        var read = (await Vault.ReadAsync("subkeys/app")).EnsureStatus(200);

        Assert.Equal(
            """{"metadata":{"created_time":"2024-01-02T03:04:05.1234567Z","custom_metadata":null,"deletion_time":"","destroyed":false,"version":1},"subkeys":{"foo":null,"bar":{"baz":null,"deep":{"x":null}},"quux":null,"list":null}}""",
            Json(read.Data));
    }

    [Theory]
    [InlineData("1", """{"foo":null,"bar":null,"quux":null,"list":null}""")]
    [InlineData("2", """{"foo":null,"bar":{"baz":null,"deep":null},"quux":null,"list":null}""")]
    [InlineData("3", """{"foo":null,"bar":{"baz":null,"deep":{"x":null}},"quux":null,"list":null}""")]
    [InlineData("0", """{"foo":null,"bar":{"baz":null,"deep":{"x":null}},"quux":null,"list":null}""")]
    public async Task Depth_limits_the_nesting(string depth, string expected)
    {
        await Put("app", (JsonObject)Secret.DeepClone());

        var read = (await Vault.ReadAsync("subkeys/app", [new("depth", depth)])).EnsureStatus(200);

        Assert.Equal(expected, Json(read.Data!["subkeys"]));
    }

    [Fact]
    public async Task Version_picks_the_version_and_deleted_ones_are_404_with_metadata()
    {
        await Put("app", new JsonObject { ["one"] = 1 });
        await Put("app", new JsonObject { ["two"] = 2 });
        await Vault.DeleteAsync("data/app");
        Clock.Advance(TimeSpan.FromSeconds(1));

        var first = (await Vault.ReadAsync("subkeys/app", [new("version", "1")])).EnsureStatus(200);
        var latest = await Vault.ReadAsync("subkeys/app");

        Assert.Equal("""{"one":null}""", Json(first.Data!["subkeys"]));
        Assert.Equal(404, latest.StatusCode);
        Assert.Equal("null", Json(RawBody(latest)["data"]!["subkeys"]));
        Assert.Equal(2, RawBody(latest)["data"]!["metadata"]!["version"].AsInt());
    }

    [Fact]
    public async Task Missing_secrets_and_bad_depths()
    {
        await Put("app", new JsonObject { ["one"] = 1 });

        Assert.Equal(404, (await Vault.ReadAsync("subkeys/nope")).StatusCode);
        Assert.Equal(404, (await Vault.ReadAsync("subkeys/app", [new("version", "5")])).StatusCode);
        Assert.Equal(400, (await Vault.ReadAsync("subkeys/app", [new("depth", "-1")])).StatusCode);
        Assert.Equal(400, (await Vault.ReadAsync("subkeys/app", [new("depth", "deep")])).StatusCode);
    }
}
