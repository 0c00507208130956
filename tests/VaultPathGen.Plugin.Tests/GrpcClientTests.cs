using System.Buffers.Binary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Protocol.Pb;
using Pb = VaultPathGen.Plugin.Protocol.Pb;

namespace VaultPathGen.Plugin.Tests;

/// <summary>
/// Our gRPC client (the one storage and the system view go through over the broker) against a
/// server that answers unary calls the way a broken or hostile host might: every way a reply can be
/// wrong is a clear <see cref="GrpcException"/>, and a large reply arrives whole.
/// </summary>
public sealed class GrpcClientTests : IAsyncLifetime
{
    private readonly string _socket = Path.Combine(Path.GetTempPath(), "vpg-grpc-client-" + Guid.NewGuid().ToString("N")[..12]);
    private WebApplication? _server;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(_socket, o => o.Protocols = HttpProtocols.Http2));
        _server = builder.Build();
        _server.Run(AnswerAsync);
        await _server.StartAsync();
    }

    /// <summary>The path says what to answer; the request body is read to its end first.</summary>
    private static async Task AnswerAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.ContentType = "application/grpc";
        var reply = new StorageGetReply { Entry = new Pb.StorageEntry { Key = "k", Value = Google.Protobuf.ByteString.CopyFrom(new byte[1 << 20]) } };
        var frame = GrpcFraming.Frame(reply);
        switch (context.Request.Path.Value)
        {
            case "/t.T/Large":
                await context.Response.Body.WriteAsync(frame);
                context.Response.AppendTrailer("grpc-status", "0");
                break;
            case "/t.T/Small":
                await context.Response.Body.WriteAsync(GrpcFraming.Frame(new StorageGetReply { Entry = new Pb.StorageEntry { Key = "small" } }));
                context.Response.AppendTrailer("grpc-status", "0");
                break;
            case "/t.T/Two":
                await context.Response.Body.WriteAsync(frame);
                await context.Response.Body.WriteAsync(frame);
                context.Response.AppendTrailer("grpc-status", "0");
                break;
            case "/t.T/Truncated":
                await context.Response.Body.WriteAsync(frame.AsMemory(0, frame.Length - 10));
                context.Response.AppendTrailer("grpc-status", "0");
                break;
            case "/t.T/HalfHeader":
                await context.Response.Body.WriteAsync(frame.AsMemory(0, 3));
                context.Response.AppendTrailer("grpc-status", "0");
                break;
            case "/t.T/Compressed":
                var compressed = (byte[])frame.Clone();
                compressed[0] = 1;
                await context.Response.Body.WriteAsync(compressed);
                context.Response.AppendTrailer("grpc-status", "0");
                break;
            case "/t.T/Empty":
                context.Response.AppendTrailer("grpc-status", "0");
                break;
            case "/t.T/FailedInTrailers":
                await context.Response.Body.WriteAsync(frame);
                context.Response.AppendTrailer("grpc-status", "14");
                context.Response.AppendTrailer("grpc-message", "storage%20unavailable");
                break;
            default:
                context.Response.Headers["grpc-status"] = "12";
                context.Response.Headers["grpc-message"] = "unknown method";
                break;
        }
    }

    private async Task<StorageGetReply> CallAsync(string method)
    {
        using var client = new GrpcClient("unix", _socket, tls: null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await client.CallAsync(method, new StorageGetArgs { Key = "k" }, StorageGetReply.Parser, timeout.Token);
    }

    [Fact]
    public async Task A_one_mebibyte_reply_arrives_whole()
    {
        var reply = await CallAsync("/t.T/Large");

        Assert.Equal("k", reply.Entry.Key);
        Assert.Equal(1 << 20, reply.Entry.Value.Length);
    }

    [Theory]
    [InlineData("/t.T/Two", (int)GrpcStatusCode.Internal, "/t.T/Two: more than one reply message in a unary call")]
    [InlineData("/t.T/Truncated", (int)GrpcStatusCode.Internal, "/t.T/Truncated: incomplete gRPC message")]
    [InlineData("/t.T/HalfHeader", (int)GrpcStatusCode.Internal, "/t.T/HalfHeader: incomplete gRPC message")]
    [InlineData("/t.T/Compressed", (int)GrpcStatusCode.Unimplemented, "compressed gRPC messages are not supported")]
    [InlineData("/t.T/Empty", (int)GrpcStatusCode.Internal, "/t.T/Empty: no reply message")]
    [InlineData("/t.T/FailedInTrailers", (int)GrpcStatusCode.Unavailable, "/t.T/FailedInTrailers: storage unavailable")]
    [InlineData("/t.T/Unknown", (int)GrpcStatusCode.Unimplemented, "/t.T/Unknown: unknown method")]
    public async Task A_wrong_reply_is_a_grpc_error_that_says_what_was_wrong(string method, int status, string message)
    {
        var error = await Assert.ThrowsAsync<GrpcException>(() => CallAsync(method));

        Assert.Equal((GrpcStatusCode)status, error.Status);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Sixty_four_calls_at_once_on_one_connection_all_get_their_reply()
    {
        using var client = new GrpcClient("unix", _socket, tls: null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var replies = await Task.WhenAll(Enumerable.Range(0, 64).Select(
            _ => client.CallAsync("/t.T/Small", new StorageGetArgs { Key = "k" }, StorageGetReply.Parser, timeout.Token)));

        Assert.All(replies, r => Assert.Equal("small", r.Entry.Key));
    }

    [Fact]
    public async Task A_host_that_is_not_there_is_unavailable_on_every_call_and_the_next_call_dials_again()
    {
        var socket = _socket + "-later";
        using var client = new GrpcClient("unix", socket, tls: null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        for (var i = 0; i < 3; i++)
        {
            var error = await Assert.ThrowsAsync<GrpcException>(() => client.CallAsync("/t.T/Small", new StorageGetArgs { Key = "k" }, StorageGetReply.Parser, timeout.Token));
            Assert.Equal(GrpcStatusCode.Unavailable, error.Status);
            Assert.StartsWith($"/t.T/Small: connecting to {socket}: ", error.Message);
        }

        // The same client, once something listens there.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socket, o => o.Protocols = HttpProtocols.Http2));
        await using var server = builder.Build();
        server.Run(AnswerAsync);
        await server.StartAsync();
        try
        {
            var reply = await client.CallAsync("/t.T/Small", new StorageGetArgs { Key = "k" }, StorageGetReply.Parser, timeout.Token);
            Assert.Equal("small", reply.Entry.Key);
        }
        finally
        {
            File.Delete(socket);
        }
    }

    [Fact]
    public void A_frame_header_announces_the_payload_length_big_endian()
    {
        // The reader above trusts this layout; a change to the framing must fail here first.
        var frame = GrpcFraming.Frame(new StorageGetArgs { Key = "abc" });

        Assert.Equal(0, frame[0]);
        Assert.Equal((uint)(frame.Length - GrpcFraming.HeaderSize), BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(1)));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        File.Delete(_socket);
    }
}
