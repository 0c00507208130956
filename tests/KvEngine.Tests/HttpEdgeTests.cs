using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KvEngine.Tests;

/// <summary>Issue 10, items 5, 7 and 9: HTTP edges answered as Vault answers them.</summary>
public sealed class HttpEdgeTests(DevServerFixture dev) : IClassFixture<DevServerFixture>
{
    private const string TooLarge = """{"errors":["http: request body too large"]}""";
    private const int Limit = 32 * 1024 * 1024;

    [Fact]
    public async Task A_body_over_32_MiB_with_a_length_is_413_with_vaults_body()
    {
        var (status, body) = await dev.SendAsync("POST", "/v1/secret/data/big", BodyOf(Limit + 1));

        Assert.Equal(413, status);
        Assert.Equal(TooLarge, body.Trim());
    }

    [Fact]
    public async Task A_chunked_body_over_32_MiB_is_413_with_vaults_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/secret/data/big") { Content = new ChunkedContent(BodyOf(Limit + 1)) };

        using var response = await dev.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(TooLarge, (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task An_encoded_slash_is_a_slash()
    {
        Assert.Equal(200, (await dev.SendAsync("POST", "/v1/secret/data/enc%2Fkey", """{"data":{"v":1}}""")).Status);

        Assert.Equal(200, (await dev.SendAsync("GET", "/v1/secret/data/enc/key")).Status);
        Assert.Contains("\"enc/\"", (await dev.SendAsync("LIST", "/v1/secret/metadata/")).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/secret/data//dbl", "dbl")]
    [InlineData("/v1//secret/data/x/./y", "x/y")]
    [InlineData("/v1/secret/data/z/../w", "w")]
    public async Task Paths_are_cleaned_as_vaults_router_cleans_them(string sent, string key)
    {
        var status = await RawStatusAsync($"POST {sent} HTTP/1.1", "X-Vault-Token: " + DevServerFixture.Token, """{"data":{"v":1}}""");

        Assert.Equal(200, status);
        Assert.Equal(200, (await dev.SendAsync("GET", "/v1/secret/data/" + key)).Status);
        Assert.DoesNotContain("\"/", (await dev.SendAsync("LIST", "/v1/secret/metadata/")).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DevServerFixture.Token, 200)]
    [InlineData("hvs.other", 403)]
    public async Task Of_repeated_token_headers_the_first_counts(string second, int expected)
    {
        await dev.SendAsync("POST", "/v1/secret/data/tok", """{"data":{"v":1}}""");

        var twice = await RawStatusAsync("GET /v1/secret/data/tok HTTP/1.1", "X-Vault-Token: " + DevServerFixture.Token, null, "X-Vault-Token: " + second);
        var wrongFirst = await RawStatusAsync("GET /v1/secret/data/tok HTTP/1.1", "X-Vault-Token: hvs.other", null, "X-Vault-Token: " + DevServerFixture.Token);

        Assert.Equal(200, twice);
        Assert.Equal(403, wrongFirst);
        Assert.True(expected is 200 or 403);
    }

    [Fact]
    public async Task Answers_write_quotes_apostrophes_and_angle_brackets_plainly()
    {
        await dev.SendAsync("POST", "/v1/secret/data/esc", """{"data":{"q":"a\"b'c<d>e&f"}}""");

        var (_, body) = await dev.SendAsync("GET", "/v1/secret/data/esc");

        Assert.Contains("""
            "q":"a\"b'c<d>e&f"
            """, body, StringComparison.Ordinal);
    }

    private static byte[] BodyOf(int size)
    {
        var body = new byte[size];
        body.AsSpan().Fill((byte)'x');
        "{\"data\":{\"v\":\""u8.CopyTo(body);
        "\"}}"u8.CopyTo(body.AsSpan(size - 3));
        return body;
    }

    /// <summary>One HTTP/1.1 exchange on a raw socket, for what HttpClient will not send (repeated headers, unclean paths).</summary>
    private async Task<int> RawStatusAsync(string requestLine, string header, string? body, string? secondHeader = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(dev.Server.Address.Host, dev.Server.Address.Port);
        var stream = client.GetStream();
        var text = new StringBuilder()
            .Append(requestLine).Append("\r\nHost: localhost\r\nConnection: close\r\n")
            .Append(header).Append("\r\n");
        if (secondHeader is not null)
        {
            text.Append(secondHeader).Append("\r\n");
        }

        var payload = Encoding.UTF8.GetBytes(body ?? "");
        text.Append("Content-Length: ").Append(payload.Length).Append("\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()));
        await stream.WriteAsync(payload);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var status = await reader.ReadLineAsync() ?? throw new InvalidOperationException("no answer");
        return int.Parse(status.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Content of unknown length, which HttpClient sends chunked.</summary>
    private sealed class ChunkedContent(byte[] data) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < data.Length; offset += 1 << 20)
            {
                await stream.WriteAsync(data.AsMemory(offset, Math.Min(1 << 20, data.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
