using System.Buffers.Binary;
using System.Text;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Grpc.Http2;
using Host = VaultPathGen.Runtime.Tests.Plugin.Http2Peer;

namespace VaultPathGen.Runtime.Tests.Plugin;

/// <summary>
/// The broker's HTTP/2 client against a scripted host on a loopback socket: the test reads every
/// frame the client writes and writes the host's frames byte by byte as it chooses, including the
/// ones a well-behaved host never sends.
/// </summary>
public sealed class Http2ClientConnectionTests : IAsyncLifetime
{
    private static readonly byte[] Block = GrpcClient.HeaderBlock("/t.T/M", tls: false);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private Host _host = null!;
    private Http2ClientConnection _client = null!;

    public async Task InitializeAsync() => (_host, _client) = await StartAsync(_timeout.Token);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task It_starts_with_the_preface_its_settings_and_a_larger_window_and_acknowledges_the_host_s_settings()
    {
        // Host.StartAsync checked the preface.
        var settings = await _host.NextAsync();
        Assert.Equal((Http2FrameType.Settings, (byte)0, 0), (settings.Type, settings.Flags, settings.StreamId));
        Assert.Equal(
            [(Http2Frames.SettingsEnablePush, 0u), (Http2Frames.SettingsInitialWindowSize, (uint)Http2ClientConnection.StreamWindow)],
            Host.Settings(settings.Payload));
        var window = await _host.NextAsync();
        Assert.Equal((Http2FrameType.WindowUpdate, 0), (window.Type, window.StreamId));
        Assert.Equal(Http2ClientConnection.ConnectionWindow - Http2Frames.DefaultWindow, BinaryPrimitives.ReadInt32BigEndian(window.Payload));

        await _host.WriteAsync(Host.Frame(Http2FrameType.Settings, 0, 0, []));

        var ack = await _host.NextAsync();
        Assert.Equal((Http2FrameType.Settings, Http2Flags.Ack, 0, 0), (ack.Type, ack.Flags, ack.StreamId, ack.Payload.Length));
    }

    [Fact]
    public async Task A_request_goes_as_headers_and_data_and_its_reply_comes_back_whole()
    {
        await SkipStartAsync();
        var call = _client.SendAsync(Block, "request"u8.ToArray(), _timeout.Token);

        var headers = await _host.NextAsync();
        Assert.Equal((Http2FrameType.Headers, Http2Flags.EndHeaders, 1), (headers.Type, headers.Flags, headers.StreamId));
        Assert.Equal(
            [":method", "POST", ":scheme", "http", ":path", "/t.T/M", ":authority", "localhost", "content-type", "application/grpc", "te", "trailers"],
            Host.Decode(new HpackDecoder(), headers.Payload));
        var data = await _host.NextAsync();
        Assert.Equal((Http2FrameType.Data, Http2Flags.EndStream, 1, "request"), (data.Type, data.Flags, data.StreamId, Encoding.ASCII.GetString(data.Payload)));

        await _host.WriteAsync([
            .. Host.Headers(1, endStream: false, (":status", "200"), ("content-type", "application/grpc")),
            .. Host.Frame(Http2FrameType.Data, 0, 1, "rep"u8),
            .. Host.Frame(Http2FrameType.Data, Http2Flags.Padded, 1, [3, .. "ly"u8, 0, 0, 0]),
            .. Host.Headers(1, endStream: true, ("grpc-status", "0")),
        ]);
        using var reply = await call;

        Assert.Equal((200, 0, "reply"), (reply.HttpStatus, reply.GrpcStatus, Encoding.ASCII.GetString(reply.Data)));
    }

    [Fact]
    public async Task A_body_goes_in_frames_no_larger_than_the_windows_and_the_rest_when_the_host_opens_them()
    {
        await SkipStartAsync();
        await _host.WriteAsync(Host.Frame(Http2FrameType.Settings, 0, 0, Host.Setting(Http2Frames.SettingsInitialWindowSize, 10)));
        Assert.Equal(Http2FrameType.Settings, (await _host.NextAsync()).Type); // its ACK: the window applies from here
        var body = Enumerable.Range(0, 25).Select(i => (byte)i).ToArray();

        var call = _client.SendAsync(Block, body, _timeout.Token);

        Assert.Equal(Http2FrameType.Headers, (await _host.NextAsync()).Type);
        var first = await _host.NextAsync();
        Assert.Equal((Http2FrameType.Data, (byte)0, 10), (first.Type, first.Flags, first.Payload.Length));
        await _host.WriteAsync(Host.WindowUpdate(1, 5));
        var second = await _host.NextAsync();
        Assert.Equal((Http2FrameType.Data, (byte)0, 5), (second.Type, second.Flags, second.Payload.Length));
        await _host.WriteAsync(Host.WindowUpdate(1, 100));
        var last = await _host.NextAsync();
        Assert.Equal((Http2FrameType.Data, Http2Flags.EndStream, 10), (last.Type, last.Flags, last.Payload.Length));
        Assert.Equal(body, first.Payload.Concat(second.Payload).Concat(last.Payload).ToArray());

        await _host.WriteAsync(Host.Headers(1, endStream: true, (":status", "200"), ("grpc-status", "5")));
        using var reply = await call;
        Assert.Equal(5, reply.GrpcStatus);
    }

    [Fact]
    public async Task A_large_body_goes_in_frames_of_the_host_s_frame_size()
    {
        await SkipStartAsync();
        var body = new byte[40_000];
        Random.Shared.NextBytes(body);

        var call = _client.SendAsync(Block, body, _timeout.Token);

        Assert.Equal(Http2FrameType.Headers, (await _host.NextAsync()).Type);
        var frames = new[] { await _host.NextAsync(), await _host.NextAsync(), await _host.NextAsync() };
        Assert.Equal([16384, 16384, 40_000 - 32768], frames.Select(f => f.Payload.Length));
        Assert.Equal([0, 0, Http2Flags.EndStream], frames.Select(f => f.Flags));
        Assert.Equal(body, frames.SelectMany(f => f.Payload));
        await _host.WriteAsync(Host.Headers(1, endStream: true, (":status", "200"), ("grpc-status", "0")));
        (await call).Dispose();
    }

    [Fact]
    public async Task A_body_many_windows_long_arrives_whole_while_the_host_opens_the_windows_as_it_reads()
    {
        // grpc-go's way: a WINDOW_UPDATE for the connection and the stream after each DATA frame read,
        // racing the client's own writes. A window update missed there leaves the call hanging.
        await SkipStartAsync();
        var body = new byte[4 << 20];
        Random.Shared.NextBytes(body);

        var call = _client.SendAsync(Block, body, _timeout.Token);

        Assert.Equal(Http2FrameType.Headers, (await _host.NextAsync()).Type);
        var received = new List<byte>(body.Length);
        while (true)
        {
            var frame = await _host.NextAsync();
            Assert.Equal(Http2FrameType.Data, frame.Type);
            received.AddRange(frame.Payload);
            if ((frame.Flags & Http2Flags.EndStream) != 0)
            {
                break;
            }

            await _host.WriteAsync([.. Host.WindowUpdate(0, frame.Payload.Length), .. Host.WindowUpdate(1, frame.Payload.Length)]);
        }

        Assert.Equal(body.Length, received.Count);
        Assert.True(body.AsSpan().SequenceEqual(received.ToArray()), "the body arrived changed");
        await _host.WriteAsync(Host.Headers(1, endStream: true, (":status", "200"), ("grpc-status", "0")));
        (await call).Dispose();
    }

    [Fact]
    public async Task A_ping_is_answered_with_its_payload()
    {
        await SkipStartAsync();

        await _host.WriteAsync(Host.Frame(Http2FrameType.Ping, 0, 0, "12345678"u8));

        var ack = await _host.NextAsync();
        Assert.Equal((Http2FrameType.Ping, Http2Flags.Ack, "12345678"), (ack.Type, ack.Flags, Encoding.ASCII.GetString(ack.Payload)));
    }

    [Fact]
    public async Task A_reply_larger_than_half_the_stream_window_gives_its_credit_back_and_arrives_whole()
    {
        await SkipStartAsync();
        var call = await SentAsync("x", _timeout.Token);

        var chunk = new byte[16384];
        var frames = new List<byte>(Host.Headers(1, endStream: false, (":status", "200")));
        for (var i = 0; i < 40; i++)
        {
            frames.AddRange(Host.Frame(Http2FrameType.Data, 0, 1, chunk));
        }

        await _host.WriteAsync([.. frames]);

        var update = await _host.NextAsync();
        Assert.Equal((Http2FrameType.WindowUpdate, 1), (update.Type, update.StreamId));
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(update.Payload) >= Http2ClientConnection.StreamWindow / 2);
        await _host.WriteAsync(Host.Headers(1, endStream: true, ("grpc-status", "0")));
        using var reply = await call;
        Assert.Equal(40 * 16384, reply.DataLength);
    }

    [Fact]
    public async Task Goaway_refuses_the_streams_above_its_last_id_finishes_the_rest_then_closes()
    {
        await SkipStartAsync();
        var first = await SentAsync("1", _timeout.Token);
        var second = await SentAsync("2", _timeout.Token);

        await _host.WriteAsync(Host.GoAway(1, Http2ErrorCode.NoError, "bye"));

        var refused = await Assert.ThrowsAsync<Http2RefusedStreamException>(() => second);
        Assert.Equal("the host closed the connection (GOAWAY NoError: bye)", refused.Message);
        Assert.False(_client.CanOpenStreams);
        await Assert.ThrowsAsync<Http2RefusedStreamException>(() => _client.SendAsync(Block, "3"u8.ToArray(), _timeout.Token));

        await _host.WriteAsync(Host.Headers(1, endStream: true, (":status", "200"), ("grpc-status", "0")));
        (await first).Dispose();
        Assert.Equal(0, await _host.ReadToEndAsync());
    }

    [Theory]
    [InlineData((uint)Http2ErrorCode.RefusedStream, -1, "the host refused the request (REFUSED_STREAM)")]
    [InlineData((uint)Http2ErrorCode.Cancel, (int)GrpcStatusCode.Cancelled, "the host cancelled the request")]
    [InlineData((uint)Http2ErrorCode.InternalError, (int)GrpcStatusCode.Internal, "the host reset the request (InternalError)")]
    public async Task A_reset_stream_fails_its_call_and_the_connection_goes_on(uint resetCode, int grpcStatus, string message)
    {
        var code = (Http2ErrorCode)resetCode;
        GrpcStatusCode? status = grpcStatus < 0 ? null : (GrpcStatusCode)grpcStatus;
        await SkipStartAsync();
        var call = await SentAsync("x", _timeout.Token);

        await _host.WriteAsync(Host.RstStream(1, code));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => call);
        Assert.Equal(message, error.Message);
        Assert.Equal(status, (error as GrpcException)?.Status);
        Assert.Equal(status is null, error is Http2RefusedStreamException);
        await AnswersAsync(3);
    }

    [Fact]
    public async Task A_cancelled_call_resets_its_stream_and_its_late_reply_still_feeds_the_header_table()
    {
        await SkipStartAsync();
        using var cancel = new CancellationTokenSource();
        var call = await SentAsync("x", cancel.Token);

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var reset = await _host.NextAsync();
        Assert.Equal((Http2FrameType.RstStream, 1, (uint)Http2ErrorCode.Cancel), (reset.Type, reset.StreamId, BinaryPrimitives.ReadUInt32BigEndian(reset.Payload)));

        // The late reply adds "x-late: yes" to the table; the next reply names it by index only.
        await _host.WriteAsync(Host.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders | Http2Flags.EndStream, 1, [0x88, 0x40, 6, .. "x-late"u8, 3, .. "yes"u8]));
        var next = await SentAsync("y", _timeout.Token);
        await _host.WriteAsync(Host.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders | Http2Flags.EndStream, 3, [0x88, 0xbe, .. Host.Literal("grpc-status", "7")]));
        using var reply = await next;
        Assert.Equal((200, 7), (reply.HttpStatus, reply.GrpcStatus));
    }

    [Fact]
    public async Task Headers_split_over_continuation_frames_are_one_block()
    {
        await SkipStartAsync();
        var call = await SentAsync("x", _timeout.Token);
        byte[] block = [0x88, .. Host.Literal("grpc-status", "9"), .. Host.Literal("grpc-message", "split%20up")];

        await _host.WriteAsync([
            .. Host.Frame(Http2FrameType.Headers, Http2Flags.EndStream, 1, block.AsSpan(0, 5)),
            .. Host.Frame(Http2FrameType.Continuation, 0, 1, block.AsSpan(5, 10)),
            .. Host.Frame(Http2FrameType.Continuation, Http2Flags.EndHeaders, 1, block.AsSpan(15)),
        ]);

        using var reply = await call;
        Assert.Equal((200, 9, "split%20up"), (reply.HttpStatus, reply.GrpcStatus, reply.GrpcMessage));
    }

    [Theory]
    [InlineData("oversized", "HTTP/2 FrameSizeError: a frame of 16385 bytes, above the 16384 allowed", (uint)Http2ErrorCode.FrameSizeError)]
    [InlineData("push", "HTTP/2 ProtocolError: PUSH_PROMISE with push disabled", (uint)Http2ErrorCode.ProtocolError)]
    [InlineData("data0", "HTTP/2 ProtocolError: DATA on stream 0", (uint)Http2ErrorCode.ProtocolError)]
    [InlineData("hpack", "HTTP/2 CompressionError: header field index 70 is not in the table", (uint)Http2ErrorCode.CompressionError)]
    [InlineData("interleaved", "HTTP/2 ProtocolError: a Data frame inside a header block", (uint)Http2ErrorCode.ProtocolError)]
    public async Task A_host_that_breaks_the_protocol_fails_every_call_with_why_and_is_told_in_a_goaway(string what, string message, uint code)
    {
        await SkipStartAsync();
        var call = await SentAsync("x", _timeout.Token);

        await _host.WriteAsync(what switch
        {
            "oversized" => Host.Frame(Http2FrameType.Data, 0, 1, new byte[16385]),
            "push" => Host.Frame(Http2FrameType.PushPromise, Http2Flags.EndHeaders, 1, [0, 0, 0, 2, 0x88]),
            "data0" => Host.Frame(Http2FrameType.Data, 0, 0, "x"u8),
            "hpack" => Host.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, 1, [0xc6]),
            _ => [.. Host.Frame(Http2FrameType.Headers, 0, 1, [0x88]), .. Host.Frame(Http2FrameType.Data, 0, 1, "x"u8)],
        });

        var error = await Assert.ThrowsAsync<GrpcException>(() => call);
        Assert.Equal(GrpcStatusCode.Unavailable, error.Status);
        Assert.Equal("the connection to the host failed: " + message, error.Message);
        var goAway = await _host.NextAsync();
        Assert.Equal((Http2FrameType.GoAway, code), (goAway.Type, BinaryPrimitives.ReadUInt32BigEndian(goAway.Payload.AsSpan(4))));
        Assert.False(_client.CanOpenStreams);
    }

    [Fact]
    public async Task No_more_streams_are_open_at_once_than_the_host_allows()
    {
        await SkipStartAsync();
        await _host.WriteAsync(Host.Frame(Http2FrameType.Settings, 0, 0, Host.Setting(Http2Frames.SettingsMaxConcurrentStreams, 1)));
        Assert.Equal(Http2FrameType.Settings, (await _host.NextAsync()).Type);

        var first = _client.SendAsync(Block, "1"u8.ToArray(), _timeout.Token);
        var second = _client.SendAsync(Block, "2"u8.ToArray(), _timeout.Token);
        var opened = await _host.NextAsync();
        Assert.Equal((Http2FrameType.Headers, 1), (opened.Type, opened.StreamId));
        Assert.Equal(1, (await _host.NextAsync()).StreamId);

        // Stream 3 opens only once stream 1 is answered.
        await _host.WriteAsync(Host.Headers(1, endStream: true, (":status", "200"), ("grpc-status", "0")));
        (await first).Dispose();
        var next = await _host.NextAsync();
        Assert.Equal((Http2FrameType.Headers, 3), (next.Type, next.StreamId));
        await _host.NextAsync();
        await _host.WriteAsync(Host.Headers(3, endStream: true, (":status", "200"), ("grpc-status", "0")));
        (await second).Dispose();
    }

    [Fact]
    public async Task A_host_that_hangs_up_fails_the_waiting_calls_as_unavailable()
    {
        await SkipStartAsync();
        var call = await SentAsync("x", _timeout.Token);

        await _host.DisposeAsync();

        var error = await Assert.ThrowsAsync<GrpcException>(() => call);
        Assert.Equal((GrpcStatusCode.Unavailable, "the connection to the host failed: the host closed the connection"), (error.Status, error.Message));
        Assert.False(_client.CanOpenStreams);
    }

    [Fact]
    public async Task Replies_in_any_order_reach_their_own_callers()
    {
        await SkipStartAsync();
        var calls = Enumerable.Range(0, 64).Select(i => _client.SendAsync(Block, Encoding.ASCII.GetBytes("call " + i), _timeout.Token)).ToArray();
        var bodies = new Dictionary<int, string>();
        while (bodies.Count < 64)
        {
            var frame = await _host.NextAsync();
            if (frame.Type == Http2FrameType.Data)
            {
                bodies[frame.StreamId] = Encoding.ASCII.GetString(frame.Payload);
            }
        }

        var replies = new List<byte>();
        foreach (var (id, body) in bodies.OrderByDescending(b => b.Key))
        {
            replies.AddRange(Host.Headers(id, endStream: false, (":status", "200")));
            replies.AddRange(Host.Frame(Http2FrameType.Data, 0, id, Encoding.ASCII.GetBytes("re: " + body)));
            replies.AddRange(Host.Headers(id, endStream: true, ("grpc-status", "0")));
        }

        await _host.WriteAsync([.. replies]);

        for (var i = 0; i < calls.Length; i++)
        {
            using var reply = await calls[i];
            Assert.Equal("re: call " + i, Encoding.ASCII.GetString(reply.Data));
        }
    }

    [Fact]
    public async Task When_stream_ids_run_out_the_connection_refuses_new_calls_and_closes_after_the_last()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        (_host, _client) = await StartAsync(_timeout.Token, firstStreamId: int.MaxValue);
        await SkipStartAsync();

        var last = _client.SendAsync(Block, "x"u8.ToArray(), _timeout.Token);
        var opened = await _host.NextAsync();
        Assert.Equal(int.MaxValue, opened.StreamId);
        await _host.NextAsync();

        var refused = await Assert.ThrowsAsync<Http2RefusedStreamException>(() => _client.SendAsync(Block, "y"u8.ToArray(), _timeout.Token));
        Assert.Equal("the connection's stream ids are used up", refused.Message);
        Assert.False(_client.CanOpenStreams);
        await _host.WriteAsync(Host.Headers(int.MaxValue, endStream: true, (":status", "200"), ("grpc-status", "0")));
        (await last).Dispose();
        Assert.Equal(0, await _host.ReadToEndAsync());
    }

    /// <summary>Starts a call and reads its HEADERS and DATA on the host's side; returns the call.</summary>
    private async Task<Task<Http2ClientStream>> SentAsync(string body, CancellationToken cancellationToken)
    {
        var call = _client.SendAsync(Block, Encoding.ASCII.GetBytes(body), cancellationToken);
        Assert.Equal(Http2FrameType.Headers, (await _host.NextAsync()).Type);
        Assert.Equal(Http2FrameType.Data, (await _host.NextAsync()).Type);
        return call;
    }

    /// <summary>The connection still works: a call on <paramref name="streamId"/> gets its reply.</summary>
    private async Task AnswersAsync(int streamId)
    {
        var call = _client.SendAsync(Block, "again"u8.ToArray(), _timeout.Token);
        Assert.Equal(streamId, (await _host.NextAsync()).StreamId);
        await _host.NextAsync();
        await _host.WriteAsync(Host.Headers(streamId, endStream: true, (":status", "200"), ("grpc-status", "0")));
        using var reply = await call;
        Assert.Equal(0, reply.GrpcStatus);
    }

    private static async Task<(Host, Http2ClientConnection)> StartAsync(CancellationToken cancellationToken, int firstStreamId = 1)
    {
        var (host, stream) = await Host.ConnectAsync(cancellationToken);
        var connection = await Http2ClientConnection.StartAsync(stream, cancellationToken, firstStreamId);
        var preface = new byte[24];
        await host.ReadExactlyAsync(preface);
        Assert.Equal(Http2Frames.ClientPreface.ToArray(), preface);
        return (host, connection);
    }

    /// <summary>Reads past the client's SETTINGS and WINDOW_UPDATE.</summary>
    private async Task SkipStartAsync()
    {
        Assert.Equal(Http2FrameType.Settings, (await _host.NextAsync()).Type);
        Assert.Equal(Http2FrameType.WindowUpdate, (await _host.NextAsync()).Type);
    }
}
