using System.Net;
using System.Net.Sockets;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Grpc.Http2;

namespace VaultPathGen.Runtime.Tests.Plugin;

/// <summary>The plugin's gRPC server on a loopback listener, called by the broker's own HTTP/2 client.</summary>
public sealed class GrpcServerTests
{
    [Fact]
    public async Task Stopping_sends_goaway_lets_the_call_in_flight_finish_then_closes_and_accepts_no_more()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var router = new GrpcRouter(NullLogger.Instance);
        router.MapUnary("/t.T/Hold", StringValue.Parser, async (request, _) =>
        {
            started.TrySetResult();
            await release.Task;
            return new StringValue { Value = "done " + request.Value };
        });
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;
        await using var server = new GrpcServer(listener, router, tls: null, NullLogger.Instance) { ConnectionClosed = () => closed.TrySetResult() };
        await server.StartAsync();
        var socket = new TcpClient { NoDelay = true };
        await socket.ConnectAsync(endpoint, timeout.Token);
        using var client = await Http2ClientConnection.StartAsync(socket.GetStream(), timeout.Token);
        var block = GrpcClient.HeaderBlock("/t.T/Hold", tls: false);
        var call = client.SendAsync(block, GrpcFraming.Frame(new StringValue { Value = "one" }), timeout.Token);
        await started.Task.WaitAsync(Http2Peer.Patience);

        var stop = server.StopAsync(timeout.Token);

        // The GOAWAY reaches the client: it starts no more calls here.
        await WaitUntilAsync(() => !client.CanOpenStreams);
        Assert.False(stop.IsCompleted);
        release.SetResult();
        using (var reply = await call.WaitAsync(Http2Peer.Patience))
        {
            Assert.Equal((200, 0), (reply.HttpStatus, reply.GrpcStatus));
            Assert.Equal(GrpcFraming.Frame(new StringValue { Value = "done one" }), reply.Data.ToArray());
        }

        await stop.WaitAsync(Http2Peer.Patience);
        await closed.Task.WaitAsync(Http2Peer.Patience);
        using var late = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => late.ConnectAsync(endpoint, timeout.Token).AsTask().WaitAsync(Http2Peer.Patience));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Http2Peer.Patience);
        while (!condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }
}
