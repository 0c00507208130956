using System.Buffers.Binary;
using System.Text;
using System.Threading.Channels;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Grpc.Http2;

namespace VaultPathGen.Runtime.Tests.Plugin;

/// <summary>
/// The plugin's HTTP/2 server against a scripted client on a loopback socket: the test writes the
/// client's frames byte by byte (including the ones a well-behaved client never sends) and reads every
/// frame the server writes. Calls go to a real <see cref="GrpcRouter"/> with small test methods.
/// </summary>
public sealed class Http2ServerConnectionTests : IAsyncLifetime
{
    private static readonly (string, string)[] ReplyHeaders = [(":status", "200"), ("content-type", "application/grpc")];

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly TestMethods _methods = new();
    private readonly HpackDecoder _decoder = new();
    private Http2Peer _client = null!;
    private Http2ServerConnection _server = null!;

    public async Task InitializeAsync() => (_client, _server) = await StartAsync(int.MaxValue);

    public async Task DisposeAsync()
    {
        _server.Dispose();
        await _client.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task It_starts_with_its_settings_and_a_larger_window_and_acknowledges_the_client_s_settings()
    {
        var settings = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Settings, (byte)0, 0), (settings.Type, settings.Flags, settings.StreamId));
        Assert.Equal(
            [(Http2Frames.SettingsMaxConcurrentStreams, 1000u), (Http2Frames.SettingsInitialWindowSize, (uint)Http2ServerConnection.StreamWindow)],
            Http2Peer.Settings(settings.Payload));
        var window = await _client.NextAsync();
        Assert.Equal((Http2FrameType.WindowUpdate, 0), (window.Type, window.StreamId));
        Assert.Equal(Http2ServerConnection.ConnectionWindow - Http2Frames.DefaultWindow, BinaryPrimitives.ReadInt32BigEndian(window.Payload));

        await _client.WriteAsync([.. Http2Frames.ClientPreface, .. Http2Peer.Frame(Http2FrameType.Settings, 0, 0, Http2Peer.Setting(Http2Frames.SettingsEnablePush, 0))]);

        var ack = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Settings, Http2Flags.Ack, 0, 0), (ack.Type, ack.Flags, ack.StreamId, ack.Payload.Length));
    }

    [Fact]
    public async Task A_connection_that_does_not_start_with_the_preface_gets_a_protocol_error_goaway_and_is_closed()
    {
        Assert.Equal(Http2FrameType.Settings, (await _client.NextAsync()).Type);
        Assert.Equal(Http2FrameType.WindowUpdate, (await _client.NextAsync()).Type);

        await _client.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());

        var goAway = await _client.NextAsync();
        Assert.Equal((Http2FrameType.GoAway, 0, Http2ErrorCode.ProtocolError), (goAway.Type, BinaryPrimitives.ReadInt32BigEndian(goAway.Payload), goAway.ErrorCode));
        Assert.Equal(0, await _client.ReadToEndAsync());
        await _server.Completion.WaitAsync(Http2Peer.Patience);
        Assert.Equal(
            "HTTP/2 ProtocolError: the connection did not start with the HTTP/2 client preface",
            Assert.IsType<Http2ProtocolException>(_server.CloseReason).Message);
    }

    [Fact]
    public async Task A_unary_call_is_answered_with_headers_one_data_frame_and_ok_trailers()
    {
        await HandshakeAsync();

        await _client.WriteAsync(Call(1, "/t.T/Echo", "hello"));

        var headers = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Headers, Http2Flags.EndHeaders, 1), (headers.Type, headers.Flags, headers.StreamId));
        Assert.Equal(Fields(ReplyHeaders), Http2Peer.Decode(_decoder, headers.Payload));
        var data = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Data, (byte)0, 1), (data.Type, data.Flags, data.StreamId));
        Assert.Equal(Message("re: hello"), data.Payload);
        Assert.Equal(["grpc-status", "0"], await EndingBlockAsync(1));
        await NothingMoreAsync();
        Assert.Equal(0, _server.OpenStreams);
    }

    [Fact]
    public async Task A_request_over_padded_data_frames_and_headers_over_continuation_frames_arrive_whole()
    {
        await HandshakeAsync();
        var block = RequestBlock("/t.T/Echo");
        var message = Message("in pieces");

        await _client.WriteAsync([
            .. Http2Peer.Frame(Http2FrameType.Headers, 0, 1, block.AsSpan(0, 7)),
            .. Http2Peer.Frame(Http2FrameType.Continuation, 0, 1, block.AsSpan(7, 20)),
            .. Http2Peer.Frame(Http2FrameType.Continuation, Http2Flags.EndHeaders, 1, block.AsSpan(27)),
            .. Http2Peer.Frame(Http2FrameType.Data, 0, 1, message.AsSpan(0, 3)), // the message's prefix split too
            .. Http2Peer.Frame(Http2FrameType.Data, Http2Flags.Padded, 1, [4, .. message.AsSpan(3, 5), 0, 0, 0, 0]),
            .. Http2Peer.Frame(Http2FrameType.Data, 0, 1, message.AsSpan(8)),
            .. Http2Peer.Frame(Http2FrameType.Data, Http2Flags.EndStream, 1, []),
        ]);

        var answer = (await AnswersAsync(1))[1];
        Assert.Equal(Message("re: in pieces"), answer.Data);
        Assert.Equal(["grpc-status", "0"], answer.Trailers);
    }

    [Fact]
    public async Task Metadata_reaches_the_handler()
    {
        await HandshakeAsync();

        await _client.WriteAsync(Call(1, "/t.T/Metadata", "multiplex_id", ("multiplex_id", "7c3a")));

        var answer = (await AnswersAsync(1))[1];
        Assert.Equal(Message("7c3a"), answer.Data);
    }

    [Fact]
    public async Task An_unknown_method_is_answered_unimplemented_trailers_only_once_the_request_has_ended()
    {
        await HandshakeAsync();

        await _client.WriteAsync([
            .. Http2Peer.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, 1, RequestBlock("/t.T/Nope")),
            .. Http2Peer.Frame(Http2FrameType.Data, 0, 1, Message("x")),
        ]);
        await NothingMoreAsync();
        await _client.WriteAsync(Http2Peer.Frame(Http2FrameType.Data, Http2Flags.EndStream, 1, []));

        Assert.Equal(
            [.. Fields(ReplyHeaders), "grpc-status", "12", "grpc-message", "unknown method /t.T/Nope"],
            await EndingBlockAsync(1));
        await NothingMoreAsync();
    }

    [Fact]
    public async Task A_grpc_exception_is_the_call_s_status_and_its_message_is_percent_encoded()
    {
        await HandshakeAsync();

        await _client.WriteAsync(Call(1, "/t.T/Fail", "100% gone: é\n"));

        var answer = (await AnswersAsync(1))[1];
        Assert.Equal(
            [.. Fields(ReplyHeaders), "grpc-status", "5", "grpc-message", "100%25 gone: %C3%A9%0A"],
            answer.Headers);
        Assert.Empty(answer.Data);
        Assert.Null(answer.Trailers);
    }

    [Fact]
    public async Task A_message_announced_above_the_limit_is_refused_before_its_payload_and_the_stream_reset()
    {
        _server.Dispose();
        await _client.DisposeAsync();
        (_client, _server) = await StartAsync(maxMessageSize: 100);
        await HandshakeAsync();

        await _client.WriteAsync([
            .. Http2Peer.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, 1, RequestBlock("/t.T/Echo")),
            .. Http2Peer.Frame(Http2FrameType.Data, 0, 1, [0, 0, 0, 0x03, 0xE8]),
        ]);

        Assert.Equal(
            [.. Fields(ReplyHeaders), "grpc-status", "8", "grpc-message", "grpc: received message larger than max (1000 vs. 100)"],
            await EndingBlockAsync(1));
        var reset = await _client.NextAsync();
        Assert.Equal((Http2FrameType.RstStream, 1, Http2ErrorCode.NoError), (reset.Type, reset.StreamId, reset.ErrorCode));

        // What was in flight, trailers too, is dropped (RFC 9113, 5.1), and the connection goes on.
        await _client.WriteAsync([
            .. Http2Peer.Frame(Http2FrameType.Data, 0, 1, new byte[1000]),
            .. Http2Peer.Headers(1, endStream: true, ("x-trailer", "late")),
            .. Call(3, "/t.T/Echo", "next"),
        ]);
        Assert.Equal(Message("re: next"), (await AnswersAsync(3))[3].Data);
        await NothingMoreAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_messages_in_a_unary_call_end_it_as_internal(bool oneFrame)
    {
        await HandshakeAsync();
        byte[] body = [.. Message("a"), .. Message("b")];

        await _client.WriteAsync([
            .. Http2Peer.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, 1, RequestBlock("/t.T/Echo")),
            .. oneFrame
                ? Http2Peer.Frame(Http2FrameType.Data, Http2Flags.EndStream, 1, body)
                : [.. Http2Peer.Frame(Http2FrameType.Data, 0, 1, body.AsSpan(0, 8)), .. Http2Peer.Frame(Http2FrameType.Data, Http2Flags.EndStream, 1, body.AsSpan(8))],
        ]);

        Assert.Equal(
            [.. Fields(ReplyHeaders), "grpc-status", "13", "grpc-message", "more than one request message in a unary call"],
            await EndingBlockAsync(1));

        // The client has ended its side: the stream is closed, and nothing more may be sent on it (no RST_STREAM).
        await NothingMoreAsync();
    }

    [Fact]
    public async Task A_reply_larger_than_the_client_s_window_is_sent_as_the_client_opens_it()
    {
        await HandshakeAsync((Http2Frames.SettingsInitialWindowSize, 10));
        var expected = Message("re: hello world");

        await _client.WriteAsync(Call(1, "/t.T/Echo", "hello world"));

        Assert.Equal(Http2FrameType.Headers, (await _client.NextAsync()).Type);
        var first = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Data, (byte)0, 10), (first.Type, first.Flags, first.Payload.Length));
        await NothingMoreAsync();
        await _client.WriteAsync(Http2Peer.WindowUpdate(1, 5));
        var second = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Data, (byte)0, 5), (second.Type, second.Flags, second.Payload.Length));
        await _client.WriteAsync(Http2Peer.WindowUpdate(1, 100));
        var last = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Data, (byte)0, expected.Length - 15), (last.Type, last.Flags, last.Payload.Length));
        Assert.Equal(expected, first.Payload.Concat(second.Payload).Concat(last.Payload).ToArray());
        Assert.Equal(["grpc-status", "0"], await EndingBlockAsync(1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20_000)]
    public async Task A_large_reply_goes_in_frames_no_larger_than_the_client_s_max_frame_size(int maxFrameSize)
    {
        if (maxFrameSize == 0)
        {
            await HandshakeAsync();
        }
        else
        {
            await HandshakeAsync((Http2Frames.SettingsMaxFrameSize, (uint)maxFrameSize));
        }

        var allowed = maxFrameSize == 0 ? Http2Frames.DefaultMaxFrameSize : maxFrameSize;
        var text = new string('x', 40_000);
        var request = Message(text);
        var expected = Message("re: " + text);

        await _client.WriteAsync([
            .. Http2Peer.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, 1, RequestBlock("/t.T/Echo")),
            .. Data(1, request, endStream: true),
        ]);

        Assert.Equal(Http2FrameType.Headers, (await _client.NextAsync()).Type);
        var frames = new[] { await _client.NextAsync(), await _client.NextAsync(), await _client.NextAsync() };
        Assert.All(frames, f => Assert.Equal(Http2FrameType.Data, f.Type));
        Assert.Equal([allowed, allowed, expected.Length - (2 * allowed)], frames.Select(f => f.Payload.Length));
        Assert.Equal(expected, frames.SelectMany(f => f.Payload));
        Assert.Equal(["grpc-status", "0"], Http2Peer.Decode(_decoder, (await _client.NextAsync()).Payload));
    }

    [Fact]
    public async Task Replies_that_together_exceed_the_connection_s_window_wait_for_it_to_open()
    {
        await HandshakeAsync((Http2Frames.SettingsInitialWindowSize, 1 << 20));
        var text = new string('y', 70_000); // each reply alone above the connection's 65535
        var expected = Message("re: " + text);

        await _client.WriteAsync([
            .. Http2Peer.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, 1, RequestBlock("/t.T/Echo")),
            .. Data(1, Message(text), endStream: true),
            .. Http2Peer.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, 3, RequestBlock("/t.T/Echo")),
            .. Data(3, Message(text), endStream: true),
        ]);

        // Until the window is used up and both replies have started (one may start with the window already gone).
        var received = new Dictionary<int, List<byte>> { [1] = [], [3] = [] };
        var started = 0;
        while (received.Values.Sum(r => r.Count) < Http2Frames.DefaultWindow || started < 2)
        {
            var frame = await _client.NextAsync();
            if (frame.Type == Http2FrameType.Data)
            {
                received[frame.StreamId].AddRange(frame.Payload);
            }
            else if (frame.Type == Http2FrameType.Headers)
            {
                started++;
            }
        }

        Assert.Equal(Http2Frames.DefaultWindow, received.Values.Sum(r => r.Count));
        await NothingMoreAsync();
        await _client.WriteAsync(Http2Peer.WindowUpdate(0, (2 * expected.Length) - Http2Frames.DefaultWindow));

        var answers = await AnswersAsync(1, 3);
        Assert.Equal(expected, received[1].Concat(answers[1].Data).ToArray());
        Assert.Equal(expected, received[3].Concat(answers[3].Data).ToArray());
    }

    [Fact]
    public async Task A_reset_from_the_client_cancels_its_handler_and_the_connection_goes_on()
    {
        await HandshakeAsync();
        await _client.WriteAsync(Call(1, "/t.T/Wait", "one"));
        Assert.Equal("one", await _methods.Started.Reader.ReadAsync(_timeout.Token).AsTask().WaitAsync(Http2Peer.Patience));

        await _client.WriteAsync(Http2Peer.RstStream(1, Http2ErrorCode.Cancel));

        Assert.Equal("one", await _methods.Cancelled.Reader.ReadAsync(_timeout.Token).AsTask().WaitAsync(Http2Peer.Patience));
        await NothingMoreAsync();
        Assert.Equal(0, _server.OpenStreams);
        await _client.WriteAsync(Call(3, "/t.T/Echo", "still here"));
        Assert.Equal(Message("re: still here"), (await AnswersAsync(3))[3].Data);
    }

    [Fact]
    public async Task Headers_after_the_request_ended_reset_the_stream_and_do_not_run_the_call_again()
    {
        await HandshakeAsync();
        await _client.WriteAsync(Call(1, "/t.T/Wait", "once"));
        Assert.Equal("once", await _methods.Started.Reader.ReadAsync(_timeout.Token).AsTask().WaitAsync(Http2Peer.Patience));

        await _client.WriteAsync(Http2Peer.Headers(1, endStream: true, ("x-late", "1")));

        var reset = await _client.NextAsync();
        Assert.Equal((Http2FrameType.RstStream, 1, Http2ErrorCode.StreamClosed), (reset.Type, reset.StreamId, (Http2ErrorCode)BinaryPrimitives.ReadUInt32BigEndian(reset.Payload)));
        Assert.Equal("once", await _methods.Cancelled.Reader.ReadAsync(_timeout.Token).AsTask().WaitAsync(Http2Peer.Patience));
        await NothingMoreAsync();
        Assert.False(_methods.Started.Reader.TryRead(out _), "the call ran a second time");
        Assert.Equal(0, _server.OpenStreams);
    }

    [Fact]
    public async Task A_client_that_hangs_up_cancels_every_handler_and_the_connection_completes()
    {
        await HandshakeAsync();
        await _client.WriteAsync([.. Call(1, "/t.T/Wait", "1"), .. Call(3, "/t.T/Wait", "3"), .. Call(5, "/t.T/Wait", "5")]);
        var started = new HashSet<string>();
        while (started.Count < 3)
        {
            started.Add(await _methods.Started.Reader.ReadAsync(_timeout.Token).AsTask().WaitAsync(Http2Peer.Patience));
        }

        await _client.DisposeAsync();

        var cancelled = new HashSet<string>();
        while (cancelled.Count < 3)
        {
            cancelled.Add(await _methods.Cancelled.Reader.ReadAsync(_timeout.Token).AsTask().WaitAsync(Http2Peer.Patience));
        }

        Assert.Equal(started, cancelled);
        await _server.Completion.WaitAsync(Http2Peer.Patience);
        Assert.Equal("the host closed the connection", _server.CloseReason?.Message);
        Assert.Equal(0, _server.OpenStreams);
    }

    [Fact]
    public async Task A_stream_beyond_the_concurrent_streams_allowed_is_refused_and_one_more_is_taken_when_a_slot_frees()
    {
        await HandshakeAsync();
        var calls = new List<byte>();
        for (var i = 0; i <= Http2ServerConnection.MaxConcurrentStreams; i++)
        {
            calls.AddRange(Call((2 * i) + 1, "/t.T/Wait", "w"));
        }

        await _client.WriteAsync([.. calls]);

        var refused = await _client.NextAsync();
        var last = (2 * Http2ServerConnection.MaxConcurrentStreams) + 1;
        Assert.Equal((Http2FrameType.RstStream, last, Http2ErrorCode.RefusedStream), (refused.Type, refused.StreamId, refused.ErrorCode));
        Assert.Equal(Http2ServerConnection.MaxConcurrentStreams, _server.OpenStreams);

        await _client.WriteAsync([.. Http2Peer.RstStream(1, Http2ErrorCode.Cancel), .. Call(last + 2, "/t.T/Echo", "taken")]);
        Assert.Equal(Message("re: taken"), (await AnswersAsync(last + 2))[last + 2].Data);
    }

    [Fact]
    public async Task Shutdown_sends_goaway_finishes_the_call_in_flight_refuses_new_streams_then_closes()
    {
        await HandshakeAsync();
        await _client.WriteAsync(Call(1, "/t.T/Hold", "one"));
        Assert.Equal("one", await _methods.Started.Reader.ReadAsync(_timeout.Token).AsTask().WaitAsync(Http2Peer.Patience));

        _server.Shutdown();

        var goAway = await _client.NextAsync();
        Assert.Equal((Http2FrameType.GoAway, 1, Http2ErrorCode.NoError), (goAway.Type, BinaryPrimitives.ReadInt32BigEndian(goAway.Payload), goAway.ErrorCode));
        await _client.WriteAsync(Call(3, "/t.T/Echo", "late"));
        var refused = await _client.NextAsync();
        Assert.Equal((Http2FrameType.RstStream, 3, Http2ErrorCode.RefusedStream), (refused.Type, refused.StreamId, refused.ErrorCode));
        Assert.False(_server.Completion.IsCompleted);

        _methods.Release.SetResult();

        var answer = (await AnswersAsync(1))[1];
        Assert.Equal(Message("released one"), answer.Data);
        Assert.Equal(["grpc-status", "0"], answer.Trailers);
        Assert.Equal(0, await _client.ReadToEndAsync());
        await _server.Completion.WaitAsync(Http2Peer.Patience);
    }

    [Fact]
    public async Task Shutdown_with_no_call_open_sends_goaway_and_closes()
    {
        await HandshakeAsync();
        await _client.WriteAsync(Call(1, "/t.T/Echo", "one"));
        Assert.Equal(Message("re: one"), (await AnswersAsync(1))[1].Data);

        _server.Shutdown();

        var goAway = await _client.NextAsync();
        Assert.Equal((Http2FrameType.GoAway, 1, Http2ErrorCode.NoError), (goAway.Type, BinaryPrimitives.ReadInt32BigEndian(goAway.Payload), goAway.ErrorCode));
        Assert.Equal(0, await _client.ReadToEndAsync());
        await _server.Completion.WaitAsync(Http2Peer.Patience);
    }

    [Theory]
    [InlineData("data0", (uint)Http2ErrorCode.ProtocolError, 1, "DATA on stream 0")]
    [InlineData("even", (uint)Http2ErrorCode.ProtocolError, 1, "HEADERS opening stream 2, not a new odd id above 1")]
    [InlineData("oversized", (uint)Http2ErrorCode.FrameSizeError, 1, "a frame of 16385 bytes, above the 16384 allowed")]
    [InlineData("hpack", (uint)Http2ErrorCode.CompressionError, 3, "header field index 70 is not in the table")]
    [InlineData("interleaved", (uint)Http2ErrorCode.ProtocolError, 1, "a Data frame inside a header block")]
    [InlineData("window0", (uint)Http2ErrorCode.ProtocolError, 1, "a WINDOW_UPDATE of 0 for the connection")]
    public async Task A_client_that_breaks_the_protocol_is_told_in_a_goaway_its_calls_are_cancelled_and_the_connection_closes(string what, uint code, int lastStreamId, string message)
    {
        await HandshakeAsync();
        await _client.WriteAsync(Call(1, "/t.T/Wait", "one"));
        Assert.Equal("one", await _methods.Started.Reader.ReadAsync(_timeout.Token).AsTask().WaitAsync(Http2Peer.Patience));

        await _client.WriteAsync(what switch
        {
            "data0" => Http2Peer.Frame(Http2FrameType.Data, 0, 0, "x"u8),
            "even" => Http2Peer.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, 2, RequestBlock("/t.T/Echo")),
            "oversized" => Http2Peer.Frame(Http2FrameType.Data, 0, 3, new byte[16385]),
            "hpack" => Http2Peer.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, 3, [0xc6]),
            "interleaved" => [.. Http2Peer.Frame(Http2FrameType.Headers, 0, 3, RequestBlock("/t.T/Echo")), .. Http2Peer.Frame(Http2FrameType.Data, 0, 3, "x"u8)],
            _ => Http2Peer.WindowUpdate(0, 0),
        });

        var goAway = await _client.NextAsync();
        Assert.Equal(
            (Http2FrameType.GoAway, lastStreamId, (Http2ErrorCode)code),
            (goAway.Type, BinaryPrimitives.ReadInt32BigEndian(goAway.Payload), goAway.ErrorCode));
        Assert.Equal("one", await _methods.Cancelled.Reader.ReadAsync(_timeout.Token).AsTask().WaitAsync(Http2Peer.Patience));
        Assert.Equal(0, await _client.ReadToEndAsync());
        await _server.Completion.WaitAsync(Http2Peer.Patience);
        var reason = Assert.IsType<Http2ProtocolException>(_server.CloseReason);
        Assert.Equal(((Http2ErrorCode)code, $"HTTP/2 {(Http2ErrorCode)code}: {message}"), (reason.Code, reason.Message));
    }

    [Fact]
    public async Task A_ping_is_acknowledged_with_its_payload()
    {
        await HandshakeAsync();

        await _client.WriteAsync(Http2Peer.Frame(Http2FrameType.Ping, 0, 0, "pi ng 42"u8));

        var ack = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Ping, Http2Flags.Ack, 0, "pi ng 42"), (ack.Type, ack.Flags, ack.StreamId, Encoding.ASCII.GetString(ack.Payload)));
    }

    [Fact]
    public async Task A_streaming_call_answers_each_message_as_it_comes_and_ends_when_the_client_ends_its_side()
    {
        await HandshakeAsync();

        await _client.WriteAsync(Http2Peer.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, 1, RequestBlock("/t.T/Stream")));

        var headers = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Headers, Http2Flags.EndHeaders, 1), (headers.Type, headers.Flags, headers.StreamId));
        Assert.Equal(Fields(ReplyHeaders), Http2Peer.Decode(_decoder, headers.Payload));

        await _client.WriteAsync(Http2Peer.Frame(Http2FrameType.Data, 0, 1, Message("one")));
        var first = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Data, (byte)0, 1), (first.Type, first.Flags, first.StreamId));
        Assert.Equal(Message("re: one"), first.Payload);

        var two = Message("two");
        await _client.WriteAsync([.. Http2Peer.Frame(Http2FrameType.Data, 0, 1, two.AsSpan(0, 2)), .. Http2Peer.Frame(Http2FrameType.Data, 0, 1, two.AsSpan(2))]);
        Assert.Equal(Message("re: two"), (await _client.NextAsync()).Payload);
        await NothingMoreAsync();

        await _client.WriteAsync(Http2Peer.Frame(Http2FrameType.Data, Http2Flags.EndStream, 1, []));

        Assert.Equal(["grpc-status", "0"], await EndingBlockAsync(1));
        await NothingMoreAsync();
        Assert.Equal(0, _server.OpenStreams);
    }

    [Fact]
    public async Task A_streaming_handler_that_fails_with_an_io_error_ends_its_call_as_unavailable()
    {
        await HandshakeAsync();

        await _client.WriteAsync(Http2Peer.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, 1, RequestBlock("/t.T/Broken")));

        Assert.Equal(Fields(ReplyHeaders), Http2Peer.Decode(_decoder, (await _client.NextAsync()).Payload));
        Assert.Equal(["grpc-status", "14", "grpc-message", "downstream gone"], await EndingBlockAsync(1));
        var reset = await _client.NextAsync();
        Assert.Equal((Http2FrameType.RstStream, 1, Http2ErrorCode.NoError), (reset.Type, reset.StreamId, reset.ErrorCode));
        Assert.Equal(0, _server.OpenStreams);
    }

    [Fact]
    public async Task Concurrent_unary_calls_are_each_answered_on_their_own_stream()
    {
        await HandshakeAsync();
        var calls = new List<byte>();
        for (var i = 0; i < 64; i++)
        {
            calls.AddRange(Call((2 * i) + 1, "/t.T/Echo", "call " + i));
        }

        await _client.WriteAsync([.. calls]);

        var answers = await AnswersAsync(Enumerable.Range(0, 64).Select(i => (2 * i) + 1).ToArray());
        for (var i = 0; i < 64; i++)
        {
            var answer = answers[(2 * i) + 1];
            Assert.Equal(Fields(ReplyHeaders), answer.Headers);
            Assert.Equal(Message("re: call " + i), answer.Data);
            Assert.Equal(["grpc-status", "0"], answer.Trailers);
        }
    }

    [Fact]
    public async Task Our_own_client_gets_every_reply_of_many_concurrent_callers()
    {
        _server.Dispose();
        var (serverEnd, clientEnd) = await Http2Peer.LoopbackAsync(_timeout.Token);
        _server = Http2ServerConnection.Start(serverEnd, _methods.Router(int.MaxValue).Resolve);
        using var client = await Http2ClientConnection.StartAsync(clientEnd, _timeout.Token);
        var block = GrpcClient.HeaderBlock("/t.T/Echo", tls: false);
        var answered = 0;

        var callers = Enumerable.Range(0, 16).Select(caller => Task.Run(async () =>
        {
            for (var i = caller; i < 200; i += 16)
            {
                using var reply = await client.SendAsync(block, Message($"caller {caller} call {i}"), _timeout.Token);
                Assert.Equal((200, 0), (reply.HttpStatus, reply.GrpcStatus));
                Assert.Equal(Message($"re: caller {caller} call {i}"), reply.Data.ToArray());
                Interlocked.Increment(ref answered);
            }
        }));

        await Task.WhenAll(callers).WaitAsync(Http2Peer.Patience);
        Assert.Equal(200, answered);
    }

    private async Task<(Http2Peer, Http2ServerConnection)> StartAsync(int maxMessageSize)
    {
        var (client, stream) = await Http2Peer.ConnectAsync(_timeout.Token);
        var router = _methods.Router(maxMessageSize);
        return (client, Http2ServerConnection.Start(stream, router.Resolve, router.MaxReceiveMessageSize));
    }

    /// <summary>The client's preface and SETTINGS; reads the server's SETTINGS, WINDOW_UPDATE and its ACK of ours.</summary>
    private async Task HandshakeAsync(params (ushort Id, uint Value)[] settings)
    {
        await _client.WriteAsync([
            .. Http2Frames.ClientPreface,
            .. Http2Peer.Frame(Http2FrameType.Settings, 0, 0, settings.SelectMany(s => Http2Peer.Setting(s.Id, s.Value)).ToArray()),
        ]);
        Assert.Equal(Http2FrameType.Settings, (await _client.NextAsync()).Type);
        Assert.Equal(Http2FrameType.WindowUpdate, (await _client.NextAsync()).Type);
        var ack = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Settings, Http2Flags.Ack), (ack.Type, ack.Flags));
    }

    /// <summary>The next frame: a header block that ends <paramref name="streamId"/>; its fields.</summary>
    private async Task<List<string>> EndingBlockAsync(int streamId)
    {
        var frame = await _client.NextAsync();
        Assert.Equal(
            (Http2FrameType.Headers, (byte)(Http2Flags.EndHeaders | Http2Flags.EndStream), streamId),
            (frame.Type, frame.Flags, frame.StreamId));
        return Http2Peer.Decode(_decoder, frame.Payload);
    }

    /// <summary>Nothing else was sent meanwhile: a PING's acknowledgement is the next frame.</summary>
    private async Task NothingMoreAsync()
    {
        await _client.WriteAsync(Http2Peer.Frame(Http2FrameType.Ping, 0, 0, "nothing?"u8));
        var next = await _client.NextAsync();
        Assert.Equal((Http2FrameType.Ping, Http2Flags.Ack, "nothing?"), (next.Type, next.Flags, Encoding.ASCII.GetString(next.Payload)));
    }

    /// <summary>Reads frames until each of <paramref name="streamIds"/> has ended (END_STREAM or RST_STREAM).</summary>
    private async Task<Dictionary<int, Answer>> AnswersAsync(params int[] streamIds)
    {
        var answers = streamIds.ToDictionary(id => id, _ => new Answer());
        var open = streamIds.Length;
        while (open > 0)
        {
            var frame = await _client.NextAsync();
            if (frame.StreamId == 0)
            {
                continue;
            }

            var answer = answers[frame.StreamId];
            Assert.False(answer.Ended, $"a {frame.Type} frame on stream {frame.StreamId} after it ended");
            switch (frame.Type)
            {
                case Http2FrameType.Headers:
                    Assert.True((frame.Flags & Http2Flags.EndHeaders) != 0, "a header block over CONTINUATION frames");
                    var fields = Http2Peer.Decode(_decoder, frame.Payload);
                    if (answer.Headers is null)
                    {
                        answer.Headers = fields;
                    }
                    else
                    {
                        answer.Trailers = fields;
                    }

                    answer.Ended = (frame.Flags & Http2Flags.EndStream) != 0;
                    break;
                case Http2FrameType.Data:
                    answer.Data.AddRange(frame.Payload);
                    answer.Ended = (frame.Flags & Http2Flags.EndStream) != 0;
                    break;
                case Http2FrameType.RstStream:
                    answer.Reset = frame.ErrorCode;
                    answer.Ended = true;
                    break;
                default:
                    Assert.Fail($"a {frame.Type} frame on stream {frame.StreamId}");
                    break;
            }

            if (answer.Ended)
            {
                open--;
            }
        }

        return answers;
    }

    /// <summary>A request's header block: every field a literal without indexing.</summary>
    private static byte[] RequestBlock(string path, params (string Name, string Value)[] metadata)
        => [
            .. Http2Peer.Literal(":method", "POST"),
            .. Http2Peer.Literal(":scheme", "http"),
            .. Http2Peer.Literal(":path", path),
            .. Http2Peer.Literal(":authority", "localhost"),
            .. Http2Peer.Literal("content-type", "application/grpc"),
            .. Http2Peer.Literal("te", "trailers"),
            .. metadata.SelectMany(m => Http2Peer.Literal(m.Name, m.Value)),
        ];

    /// <summary>A whole unary call: HEADERS, then its message in one DATA frame with END_STREAM.</summary>
    private static byte[] Call(int streamId, string path, string text, params (string Name, string Value)[] metadata)
        => [
            .. Http2Peer.Frame(Http2FrameType.Headers, Http2Flags.EndHeaders, streamId, RequestBlock(path, metadata)),
            .. Http2Peer.Frame(Http2FrameType.Data, Http2Flags.EndStream, streamId, Message(text)),
        ];

    /// <summary><paramref name="body"/> in DATA frames of the default largest size.</summary>
    private static byte[] Data(int streamId, byte[] body, bool endStream)
    {
        var frames = new List<byte>();
        for (var offset = 0; offset < body.Length; offset += Http2Frames.DefaultMaxFrameSize)
        {
            var length = Math.Min(Http2Frames.DefaultMaxFrameSize, body.Length - offset);
            var last = offset + length == body.Length;
            frames.AddRange(Http2Peer.Frame(Http2FrameType.Data, last && endStream ? Http2Flags.EndStream : (byte)0, streamId, body.AsSpan(offset, length)));
        }

        return [.. frames];
    }

    /// <summary>A gRPC-framed <c>StringValue</c>.</summary>
    private static byte[] Message(string text) => GrpcFraming.Frame(new StringValue { Value = text });

    private static List<string> Fields((string Name, string Value)[] fields) => [.. fields.SelectMany(f => new[] { f.Name, f.Value })];

    private sealed class Answer
    {
        public List<string>? Headers { get; set; }

        public List<byte> Data { get; } = [];

        public List<string>? Trailers { get; set; }

        public Http2ErrorCode? Reset { get; set; }

        public bool Ended { get; set; }
    }

    /// <summary>The methods the tests call, and what their handlers saw.</summary>
    private sealed class TestMethods
    {
        /// <summary>The request of each Wait or Hold call, once its handler runs.</summary>
        public Channel<string> Started { get; } = Channel.CreateUnbounded<string>();

        /// <summary>The request of each Wait call whose token fired.</summary>
        public Channel<string> Cancelled { get; } = Channel.CreateUnbounded<string>();

        /// <summary>Lets Hold calls answer.</summary>
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public GrpcRouter Router(int maxMessageSize)
        {
            var router = new GrpcRouter(NullLogger.Instance, maxMessageSize);
            router.MapUnary("/t.T/Echo", StringValue.Parser, (request, _) => ValueTask.FromResult(new StringValue { Value = "re: " + request.Value }));
            router.MapUnary("/t.T/Metadata", StringValue.Parser, (request, call) => ValueTask.FromResult(new StringValue { Value = call.Metadata(request.Value) }));
            router.MapUnary("/t.T/Wait", StringValue.Parser, WaitAsync);
            router.MapUnary("/t.T/Hold", StringValue.Parser, HoldAsync);
            router.MapUnary<StringValue, StringValue>("/t.T/Fail", StringValue.Parser, (request, _) => throw new GrpcException(GrpcStatusCode.NotFound, request.Value));
            router.MapStreaming("/t.T/Stream", async call =>
            {
                while (await call.ReadAsync(StringValue.Parser, call.Call.CancellationToken) is { } message)
                {
                    await call.WriteAsync(new StringValue { Value = "re: " + message.Value }, call.Call.CancellationToken);
                }
            });
            router.MapStreaming("/t.T/Broken", _ => throw new IOException("downstream gone"));
            return router;
        }

        private async ValueTask<StringValue> WaitAsync(StringValue request, GrpcCallContext call)
        {
            Started.Writer.TryWrite(request.Value);
            try
            {
                await Task.Delay(Timeout.Infinite, call.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.Writer.TryWrite(request.Value);
                throw;
            }

            return request;
        }

        private async ValueTask<StringValue> HoldAsync(StringValue request, GrpcCallContext call)
        {
            Started.Writer.TryWrite(request.Value);
            await Release.Task.WaitAsync(call.CancellationToken);
            return new StringValue { Value = "released " + request.Value };
        }
    }
}
