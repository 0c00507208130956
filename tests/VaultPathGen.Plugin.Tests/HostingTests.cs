using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Hosting;
using VaultPathGen.Plugin.Logging;
using Pb = VaultPathGen.Plugin.Protocol.Pb;

namespace VaultPathGen.Plugin.Tests;

public sealed class HostingTests
{
    [Theory]
    [InlineData("5", 5)]
    [InlineData("3,4,5", 5)]
    [InlineData("5,4", 5)]
    [InlineData("4", 5)]
    [InlineData(null, 5)]
    public void Version_negotiation_picks_5_or_offers_ours(string? offered, int expected)
        => Assert.Equal(expected, PluginEnvironment.NegotiateVersion(offered));

    [Fact]
    public void Magic_cookie_must_match_exactly()
    {
        Assert.True(PluginEnvironment.HasMagicCookie(k => k == "VAULT_BACKEND_PLUGIN" ? "6669da05-b1c8-4f49-97d9-c8e5bed98e20" : null));
        Assert.False(PluginEnvironment.HasMagicCookie(k => k == "VAULT_BACKEND_PLUGIN" ? "something-else" : null));
        Assert.False(PluginEnvironment.HasMagicCookie(_ => null));
    }

    [Fact]
    public void Hclog_timestamps_have_exactly_six_fractional_digits()
    {
        var utc = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567);
        Assert.Equal("2024-01-02T03:04:05.123456Z", HclogLoggerProvider.FormatTimestamp(utc));
        var local = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-7));
        Assert.Equal("2024-01-02T03:04:05.000000-07:00", HclogLoggerProvider.FormatTimestamp(local));
    }

    [Fact]
    public void Hclog_lines_are_json_with_string_level_and_message()
    {
        using var output = new MemoryStream();
        using var provider = new HclogLoggerProvider(output, () => new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var logger = provider.CreateLogger("test");
#pragma warning disable CA1848, CA2254 // a plain message template is the point here
        logger.LogWarning("mount {Mount} has {Count} keys", "kv/", 3);
        logger.LogError(new InvalidOperationException("boom"), "failed");
#pragma warning restore CA1848, CA2254

        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("warn", first.RootElement.GetProperty("@level").GetString());
        Assert.Equal("mount kv/ has 3 keys", first.RootElement.GetProperty("@message").GetString());
        Assert.Equal("2024-01-02T03:04:05.000000Z", first.RootElement.GetProperty("@timestamp").GetString());
        Assert.Equal(3, first.RootElement.GetProperty("Count").GetInt32());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("error", second.RootElement.GetProperty("@level").GetString());
        Assert.Contains("boom", second.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LogLevel.Trace, "trace")]
    [InlineData(LogLevel.Debug, "debug")]
    [InlineData(LogLevel.Information, "info")]
    [InlineData(LogLevel.Warning, "warn")]
    [InlineData(LogLevel.Error, "error")]
    [InlineData(LogLevel.Critical, "error")]
    public void Levels_map_to_hclog(LogLevel level, string expected) => Assert.Equal(expected, HclogLoggerProvider.LevelName(level));

    [Fact]
    public async Task Framing_round_trips_messages_split_across_reads()
    {
        var messages = new[] { new Pb.StorageGetArgs { Key = "a" }, new Pb.StorageGetArgs { Key = new string('k', 100_000) }, new Pb.StorageGetArgs() };
        var bytes = messages.SelectMany(GrpcFraming.Frame).ToArray();
        var pipe = new Pipe();
        var reader = Task.Run(async () =>
        {
            var read = new List<Pb.StorageGetArgs>();
            while (await GrpcFraming.ReadMessageAsync(pipe.Reader, Pb.StorageGetArgs.Parser, CancellationToken.None) is { } m)
            {
                read.Add(m);
            }

            return read;
        });
        foreach (var chunk in bytes.Chunk(7_000))
        {
            await pipe.Writer.WriteAsync(chunk);
        }

        await pipe.Writer.CompleteAsync();
        Assert.Equal(messages, await reader);
    }

    [Fact]
    public void Grpc_message_is_percent_encoded()
        => Assert.Equal("100%25 d%C3%A9j%C3%A0%0A", GrpcRouter.PercentEncode("100% déjà\n"));

    [Fact]
    public void Parent_pid_is_read_from_proc()
        => Assert.Equal(Environment.ProcessId > 0 ? GetParentFromPs() : null, PluginHost.ReadParentPid());

    private static int? GetParentFromPs()
    {
        var status = File.ReadAllLines("/proc/self/status").Single(l => l.StartsWith("PPid:", StringComparison.Ordinal));
        return int.Parse(status["PPid:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
