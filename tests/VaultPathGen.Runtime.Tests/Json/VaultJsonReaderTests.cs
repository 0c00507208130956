using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VaultPathGen.Json;

namespace VaultPathGen.Tests.Json;

/// <summary>The one JSON reading path behind dev mode, the test host and the plugin transport.</summary>
public sealed class VaultJsonReaderTests
{
    [Theory]
    [InlineData("""{"K":1,"K":2}""", """{"K":2}""")]
    [InlineData("""{"data":{"a":"x"},"data":{"b":"y"}}""", """{"data":{"b":"y"}}""")]
    [InlineData("""{"a":[{"b":{"c":1,"c":{"d":1,"d":2}}}]}""", """{"a":[{"b":{"c":{"d":2}}}]}""")]
    [InlineData("""{"a":{"x":1},"b":2,"a":3}""", """{"a":3,"b":2}""")]
    public void Duplicate_keys_keep_the_last_value_at_every_depth(string json, string expected)
    {
        var node = VaultJsonReader.Parse(json);

        // Enumerating is what threw before: JsonObject fails on duplicates only when first used.
        Assert.Equal(expected, node!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"a":"\ud800"}""", "{\"a\":\"\uFFFD\"}")]
    [InlineData("""{"\udc00":"v"}""", "{\"\uFFFD\":\"v\"}")]
    [InlineData("""{"a":"x\ud800\ud800y"}""", "{\"a\":\"x\uFFFD\uFFFDy\"}")]
    [InlineData("""{"a":"\ud83d\ude00 \u00e9\n"}""", "{\"a\":\"\U0001F600 \u00e9\\n\"}")]
    [InlineData("""{"a":{"b":["\udfff"]}}""", "{\"a\":{\"b\":[\"\uFFFD\"]}}")]
    public void Lone_surrogate_escapes_become_the_replacement_character(string json, string expected)
    {
        var node = VaultJsonReader.Parse(json);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), node), node!.ToJsonString());
    }

    [Fact]
    public void Invalid_utf8_in_keys_and_values_becomes_the_replacement_character()
    {
        byte[] json = [.. "{\"k"u8, 0xc3, 0x28, .. "\":\"v"u8, 0xff, .. "\",\"e\\n"u8, 0xed, 0xa0, 0x80, .. "\":1}"u8];

        var node = VaultJsonReader.Parse(json)!.AsObject();

        Assert.Equal(["k\uFFFD(", "e\n\uFFFD\uFFFD\uFFFD"], node.Select(p => p.Key));
        Assert.Equal("v\uFFFD", node["k\uFFFD("]!.GetValue<string>());
    }

    [Theory]
    [InlineData("123456789012345678901234567890")]
    [InlineData("1e400")]
    [InlineData("-0.000000000000000000000000000001")]
    public void Numbers_keep_their_text(string number)
    {
        var node = VaultJsonReader.Parse("{\"n\":" + number + "}");

        Assert.Equal("{\"n\":" + number + "}", node!.ToJsonString());
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_and_deeper_is_a_json_error()
    {
        var limit = VaultJsonReader.MaxDepth;
        var atLimit = new string('[', limit) + new string(']', limit);
        var deeper = new string('[', limit + 1) + new string(']', limit + 1);

        Assert.Equal(atLimit, VaultJsonReader.Parse(atLimit)!.ToJsonString(VaultJsonWriter.Options));
        Assert.ThrowsAny<JsonException>(() => VaultJsonReader.Parse(deeper));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1} x")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{'a':1}")]
    public void Malformed_text_is_a_json_error(string json)
        => Assert.ThrowsAny<JsonException>(() => VaultJsonReader.Parse(json));

    [Fact]
    public async Task A_body_read_in_small_pieces_gives_the_same_tree_as_one_span()
    {
        var big = new string('x', 200_000);
        var json = "{\"a\":\"" + big + "\",\"b\":[1,2.5,true,null,{\"c\":\"\\ud800\"}],\"a\":\"" + big + "y\"}";
        using var body = new TrickleStream(Encoding.UTF8.GetBytes(json), 7);

        var (node, empty, bytes) = await VaultJsonReader.ParseAsync(body, long.MaxValue, CancellationToken.None);

        Assert.False(empty);
        Assert.Equal(body.Length, bytes);
        Assert.Equal(VaultJsonReader.Parse(json)!.ToJsonString(), node!.ToJsonString());
        Assert.Equal(big + "y", node["a"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public async Task A_blank_body_is_empty(string text)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var (node, empty, _) = await VaultJsonReader.ParseAsync(body, 10, CancellationToken.None);

        Assert.True(empty);
        Assert.Null(node);
    }

    [Fact]
    public async Task A_body_over_the_limit_stops_being_read()
    {
        using var body = new TrickleStream(Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 1000) + "\"}"), 100);

        await Assert.ThrowsAsync<RequestTooLargeException>(async () => await VaultJsonReader.ParseAsync(body, 500, CancellationToken.None));
        Assert.True(body.Position <= 600, $"read {body.Position} bytes");
    }

    /// <summary>Gives at most a few bytes per read, as a slow client does.</summary>
    private sealed class TrickleStream(byte[] data, int step) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(step, buffer.Length)], cancellationToken);
    }
}
