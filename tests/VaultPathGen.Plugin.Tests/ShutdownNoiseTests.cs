using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Grpc.Http2;
using VaultPathGen.Plugin.Services;

namespace VaultPathGen.Plugin.Tests;

/// <summary>Issue 10, item 8: an expected shutdown is not an error, and requests in flight finish first.</summary>
public sealed class ShutdownNoiseTests
{
    [Fact]
    public async Task A_call_the_host_resets_is_logged_at_debug_not_as_an_error()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var logger = new ListLogger();
        var router = new GrpcRouter(logger);
        router.MapStreaming("/plugin.GRPCBroker/StartStream", _ => throw new IOException("client reset"));
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        await using var server = new GrpcServer(listener, router, tls: null, NullLogger.Instance);
        await server.StartAsync();
        var socket = new TcpClient { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
        using var client = await Http2ClientConnection.StartAsync(socket.GetStream(), timeout.Token);

        using var reply = await client.SendAsync(GrpcClient.HeaderBlock("/plugin.GRPCBroker/StartStream", tls: false), ReadOnlyMemory<byte>.Empty, timeout.Token);

        Assert.Equal((int)GrpcStatusCode.Unavailable, reply.GrpcStatus);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains("client reset", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draining_waits_for_requests_in_flight_and_gives_up_after_the_grace_period()
    {
        var inFlight = new InFlightRequests();
        Assert.True(await inFlight.DrainAsync(TimeSpan.Zero));

        var first = inFlight.Enter();
        var second = inFlight.Enter();
        var drain = inFlight.DrainAsync(TimeSpan.FromSeconds(30));
        first.Dispose();
        Assert.False(drain.IsCompleted);
        second.Dispose();

        Assert.True(await drain);
        using (inFlight.Enter())
        {
            Assert.False(await inFlight.DrainAsync(TimeSpan.FromMilliseconds(1)));
        }

        Assert.Equal(0, inFlight.Count);
    }

    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
