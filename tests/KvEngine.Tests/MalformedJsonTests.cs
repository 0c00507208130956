using System.Text;
using System.Text.Json.Nodes;

namespace KvEngine.Tests;

/// <summary>
/// Issue 10, items 1 and 2: duplicate keys, lone surrogates and invalid UTF-8 are read as Go reads
/// them (last key wins, U+FFFD) in dev mode and in the test host alike; never a 500.
/// </summary>
public sealed class MalformedJsonTests(DevServerFixture dev) : KvTestBase, IClassFixture<DevServerFixture>
{
    private const string MergePatch = "application/merge-patch+json";

    public static TheoryData<string, byte[], string> Writes => new()
    {
        { "duplicate top-level key", Encoding.UTF8.GetBytes("""{"data":{"a":"x"},"data":{"b":"y"}}"""), """{"b":"y"}""" },
        { "duplicate nested key", Encoding.UTF8.GetBytes("""{"data":{"K":1,"K":2}}"""), """{"K":2}""" },
        { "duplicate deep key", Encoding.UTF8.GetBytes("""{"data":{"a":{"b":[{"c":1,"c":3}]}}}"""), """{"a":{"b":[{"c":3}]}}""" },
        { "lone high surrogate value", Encoding.UTF8.GetBytes("""{"data":{"a":"\ud800"}}"""), "{\"a\":\"\uFFFD\"}" },
        { "lone low surrogate key", Encoding.UTF8.GetBytes("""{"data":{"\udc00":"v"}}"""), "{\"\uFFFD\":\"v\"}" },
        { "invalid UTF-8 key", [.. "{\"data\":{\"k"u8, 0xc3, 0x28, .. "\":\"v\"}}"u8], "{\"k\uFFFD(\":\"v\"}" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Dev_mode_reads_writes_as_go_does(string what, byte[] body, string stored)
    {
        var path = "/v1/secret/data/" + Key(what);

        var (status, text) = await dev.SendAsync("POST", path, body);
        var (readStatus, read) = await dev.SendAsync("GET", path);

        Assert.True(status == 200, $"{what}: {status} {text}");
        Assert.Equal(200, readStatus);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(read)!["data"]!["data"]), read);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task The_test_host_reads_writes_as_go_does(string what, byte[] body, string stored)
    {
        var written = await Vault.WriteAsync("data/" + Key(what), Encoding.UTF8.GetString(body));
        var read = await Vault.ReadAsync("data/" + Key(what));

        Assert.True(written.StatusCode == 200, $"{what}: {written.StatusCode} {written.Data?.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored), read.Data!["data"]), read.Data!.ToJsonString());
    }

    [Fact]
    public async Task A_patch_with_duplicate_keys_keeps_the_last_and_echoes_no_key_names()
    {
        await dev.SendAsync("POST", "/v1/secret/data/p1", """{"data":{"K":0}}""");

        var (status, body) = await dev.SendAsync("PATCH", "/v1/secret/data/p1", """{"data":{"K":1,"K":2}}""", MergePatch);
        var (_, read) = await dev.SendAsync("GET", "/v1/secret/data/p1");

        Assert.True(status == 200, body);
        Assert.Equal(2, (int)JsonNode.Parse(read)!["data"]!["data"]!["K"]!);
    }

    [Fact]
    public async Task Custom_metadata_with_a_lone_surrogate_is_stored_with_the_replacement_character()
    {
        var (status, body) = await dev.SendAsync("POST", "/v1/secret/metadata/m1", """{"custom_metadata":{"a":"\ud800","a":"x\udc00"}}""");
        var (_, read) = await dev.SendAsync("GET", "/v1/secret/metadata/m1");

        Assert.True(status is 200 or 204, body);
        Assert.Equal("x\uFFFD", (string)JsonNode.Parse(read)!["data"]!["custom_metadata"]!["a"]!);
    }

    private static string Key(string what) => what.Replace(' ', '-');
}
