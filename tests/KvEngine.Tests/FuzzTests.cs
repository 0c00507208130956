using System.Globalization;
using System.Text;
using VaultPathGen;
using VaultPathGen.Testing;

namespace KvEngine.Tests;

/// <summary>
/// Issue 10's "done when": random operations, paths and bodies (duplicate keys, lone surrogates,
/// invalid UTF-8, deep nesting, huge numbers, garbage) through the test host and dev mode, seeded so a
/// failure replays. No answer may be a 5xx: the sample engine has none of its own to give.
/// </summary>
public sealed class FuzzTests(DevServerFixture dev) : IClassFixture<DevServerFixture>
{
    private const int HostRequests = 80_000;
    private const int DevRequests = 20_000;
    private const int Seed = 20261201;

    private static readonly string[] Prefixes = ["data/", "metadata/", "subkeys/", "delete/", "undelete/", "destroy/", "config", "", "nowhere/", "data", "metadata"];
    private static readonly string[] Segments = ["a", "b", "db", "x y", "ä", "\U0001F600", "%2F", "%2f", "..", ".", "", "a%2Fb", "%ZZ", "k=v", "\ud800"];
    private static readonly string[] Fields = ["data", "options", "cas", "max_versions", "cas_required", "delete_version_after", "custom_metadata", "versions", "version", "K", "\ud800", "\udc00", ""];

    [Fact]
    public async Task Random_requests_through_the_test_host_never_get_a_5xx()
    {
        var random = new Random(Seed);
        await using var host = await VaultTestHost.StartAsync(new KvEngine());
        var failures = new List<string>();
        for (var i = 0; i < HostRequests; i++)
        {
            var path = RandomPath(random).TrimStart('/');
            var body = RandomBody(random);
            var text = Encoding.UTF8.GetString(body);
            HostResponse? response;
            try
            {
                response = (random.Next(6)) switch
                {
                    0 => await host.ReadAsync(path, random.Next(3) == 0 ? [new("version", RandomScalar(random))] : null),
                    1 => await host.ListAsync(path),
                    2 => await host.WriteAsync(path, text),
                    3 => await host.PatchAsync(path, text),
                    4 => await host.DeleteAsync(path, random.Next(3) == 0 ? [new("versions", RandomScalar(random))] : null),
                    _ => await host.HelpAsync(path),
                };
            }
            catch (ArgumentException)
            {
                // The host refuses what Vault's HTTP layer answers with 400: a body that is not a JSON object.
                continue;
            }

            if (response.StatusCode >= 500 && failures.Count < 10)
            {
                failures.Add($"#{i} {response.Operation} {path} {text[..Math.Min(200, text.Length)]} -> {response.StatusCode} {response.Exception}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Random_requests_through_dev_mode_never_get_a_5xx()
    {
        var random = new Random(Seed + 1);
        string[] methods = ["GET", "LIST", "POST", "PUT", "PATCH", "DELETE", "HEAD", "GET", "OPTIONS", "BREW"];
        var failures = new List<string>();
        for (var i = 0; i < DevRequests; i++)
        {
            var method = methods[random.Next(methods.Length)];
            var path = "/v1/secret/" + RandomPath(random) + RandomQuery(random);
            var body = method is "POST" or "PUT" or "PATCH" || random.Next(10) == 0 ? RandomBody(random) : null;
            var contentType = method == "PATCH" && random.Next(4) != 0 ? "application/merge-patch+json" : "application/json";
            (int Status, string Body) answer;
            try
            {
                answer = await dev.SendAsync(method, Escape(path), body, contentType);
            }
            catch (UriFormatException)
            {
                continue;
            }

            if (answer.Status >= 500 && failures.Count < 10)
            {
                failures.Add($"#{i} {method} {path} -> {answer.Status} {answer.Body}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string RandomPath(Random random)
    {
        var path = new StringBuilder(Prefixes[random.Next(Prefixes.Length)]);
        var segments = random.Next(4);
        for (var s = 0; s < segments; s++)
        {
            path.Append(Segments[random.Next(Segments.Length)]);
            if (s < segments - 1 || random.Next(3) == 0)
            {
                path.Append(random.Next(8) == 0 ? "//" : "/");
            }
        }

        return path.ToString();
    }

    private static string RandomQuery(Random random) => random.Next(5) switch
    {
        0 => "?list=true",
        1 => "?help=1",
        2 => "?version=" + Uri.EscapeDataString(RandomScalar(random)),
        3 => "?versions=1&versions=" + Uri.EscapeDataString(RandomScalar(random)),
        _ => "",
    };

    /// <summary>Lone surrogates have no UTF-8 form for the URI: they go as U+FFFD, as Go would send them.</summary>
    private static string Escape(string path) => path.Replace("\ud800", "%EF%BF%BD", StringComparison.Ordinal);

    private static string RandomScalar(Random random) => random.Next(6) switch
    {
        0 => random.Next(-3, 20).ToString(CultureInfo.InvariantCulture),
        1 => "1e400",
        2 => "123456789012345678901234567890",
        3 => "",
        4 => "0x1F",
        _ => "abc",
    };

    private static byte[] RandomBody(Random random)
    {
        var json = new List<byte>();
        switch (random.Next(12))
        {
            case 0:
                json.AddRange(RandomGarbage(random));
                break;
            case 1:
                var depth = random.Next(400, 700);
                json.AddRange(Encoding.UTF8.GetBytes("{\"data\":" + new string('[', depth) + new string(']', depth) + "}"));
                break;
            default:
                WriteObject(json, random, 0);
                break;
        }

        return [.. json];
    }

    private static byte[] RandomGarbage(Random random)
    {
        var bytes = new byte[random.Next(0, 40)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void WriteObject(List<byte> json, Random random, int depth)
    {
        json.Add((byte)'{');
        var count = random.Next(depth == 0 ? 1 : 0, 5);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                json.Add((byte)',');
            }

            WriteString(json, random, Fields[random.Next(Fields.Length)]);
            json.Add((byte)':');
            WriteValue(json, random, depth + 1);
        }

        json.Add((byte)'}');
    }

    private static void WriteValue(List<byte> json, Random random, int depth)
    {
        switch (depth > 6 ? random.Next(6) : random.Next(9))
        {
            case 0:
                json.AddRange(Encoding.UTF8.GetBytes(random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture)));
                break;
            case 1:
                json.AddRange(Encoding.UTF8.GetBytes(random.Next(3) switch { 0 => "1e400", 1 => "-123456789012345678901234567890.5", _ => "0.5" }));
                break;
            case 2:
                json.AddRange(Encoding.UTF8.GetBytes(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" }));
                break;
            case 3 or 4 or 5:
                WriteString(json, random, Segments[random.Next(Segments.Length)] + Fields[random.Next(Fields.Length)]);
                break;
            case 6:
                json.Add((byte)'[');
                var count = random.Next(4);
                for (var i = 0; i < count; i++)
                {
                    if (i > 0)
                    {
                        json.Add((byte)',');
                    }

                    WriteValue(json, random, depth + 1);
                }

                json.Add((byte)']');
                break;
            default:
                WriteObject(json, random, depth);
                break;
        }
    }

    /// <summary>A JSON string: sometimes with escaped lone surrogates or raw invalid UTF-8 bytes.</summary>
    private static void WriteString(List<byte> json, Random random, string text)
    {
        json.Add((byte)'"');
        foreach (var c in text)
        {
            if (char.IsSurrogate(c) || c is '"' or '\\' || c < ' ')
            {
                json.AddRange(Encoding.ASCII.GetBytes("\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)));
            }
            else
            {
                json.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        switch (random.Next(10))
        {
            case 0:
                json.AddRange([0xc3, 0x28]);
                break;
            case 1:
                json.AddRange(Encoding.ASCII.GetBytes("\\udc00\\ud800"));
                break;
        }

        json.Add((byte)'"');
    }
}
