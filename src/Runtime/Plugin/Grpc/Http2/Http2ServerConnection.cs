using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Pipelines;
using Google.Protobuf;

namespace VaultPathGen.Plugin.Grpc.Http2;

/// <summary>
/// The server side of one HTTP/2 connection (RFC 9113) for gRPC: the host's calls to the plugin. Unary
/// calls are run once their request is whole, streaming calls as soon as their headers are in; answers
/// go back as HEADERS, DATA and trailers.
/// </summary>
/// <remarks>
/// <para>
/// Why not Kestrel: it queues every stream to the thread pool and hands every answer to a frame writer
/// on another thread, two thread wake-ups on each request's path that a plugin at one caller paid for in
/// throughput (docs/benchmarks.md, "Where one request's time goes at one caller"). Here a unary call runs
/// on the thread that read its request's end, once that thread has started the next read, and its
/// answer is written by the handler's own thread when no one else is writing (<see cref="Http2Connection"/>).
/// </para>
/// <para>
/// What the peer asks for is honoured: its SETTINGS (frame size, initial window), flow control both ways,
/// PING, RST_STREAM. This side offers <see cref="MaxConcurrentStreams"/> streams and refuses more; it
/// never pushes, and encodes its header fields without HPACK's dynamic table (static-table indexes and
/// literals without indexing), so no encoder state is shared between streams.
/// </para>
/// </remarks>
internal sealed class Http2ServerConnection : Http2Connection, IDisposable
{
    /// <summary>The window each stream gives the peer (SETTINGS_INITIAL_WINDOW_SIZE).</summary>
    internal const int StreamWindow = 8 << 20;

    /// <summary>The window the connection gives the peer.</summary>
    internal const int ConnectionWindow = 16 << 20;

    /// <summary>Streams the peer may have open at once (SETTINGS_MAX_CONCURRENT_STREAMS).</summary>
    internal const int MaxConcurrentStreams = 1000;

    /// <summary><c>:status 200</c> (static index 8) and <c>content-type: application/grpc</c> (a literal on static name 31).</summary>
    private static readonly byte[] ResponseHeaders = [0x88, 0x0F, 0x10, 16, .. "application/grpc"u8];

    /// <summary><c>grpc-status: 0</c>, a literal without indexing.</summary>
    private static readonly byte[] OkTrailers = [0x00, 11, .. "grpc-status"u8, 1, (byte)'0'];

    private readonly Func<string, GrpcMethod> _resolve;
    private readonly int _maxMessageSize;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Guarded by Gate.
    private readonly Dictionary<int, Http2ServerStream> _streams = [];
    private int _lastStreamId;
    private bool _goingAway;

    private Http2ServerConnection(Stream stream, Func<string, GrpcMethod> resolve, int maxMessageSize)
        : base(stream, ConnectionWindow, StreamWindow, expectsPreface: true)
    {
        _resolve = resolve;
        _maxMessageSize = maxMessageSize;
    }

    /// <summary>Finishes when the connection is closed, for whatever reason (<see cref="CloseReason"/>).</summary>
    public Task Completion => _done.Task;

    /// <summary>Why the connection closed, or null while open.</summary>
    public Exception? CloseReason
    {
        get
        {
            lock (Gate)
            {
                return Closed;
            }
        }
    }

    /// <summary>Calls open now (for tests).</summary>
    internal int OpenStreams
    {
        get
        {
            lock (Gate)
            {
                return _streams.Count;
            }
        }
    }

    protected override string PeerClosedMessage => "the host closed the connection";

    /// <summary>Serves HTTP/2 on <paramref name="stream"/>: sends this side's SETTINGS and starts reading.</summary>
    /// <param name="stream">The accepted connection, TLS done.</param>
    /// <param name="resolve">The method of each call, by its path.</param>
    /// <param name="maxMessageSize">The largest request message taken; a larger one fails with RESOURCE_EXHAUSTED.</param>
    public static Http2ServerConnection Start(Stream stream, Func<string, GrpcMethod> resolve, int maxMessageSize = int.MaxValue - GrpcFraming.HeaderSize)
    {
        var connection = new Http2ServerConnection(stream, resolve, Math.Min(maxMessageSize, int.MaxValue - GrpcFraming.HeaderSize));
        bool write;
        lock (connection.Gate)
        {
            connection.WriteStart(
                connection.Pending,
                (Http2Frames.SettingsMaxConcurrentStreams, (uint)MaxConcurrentStreams),
                (Http2Frames.SettingsInitialWindowSize, (uint)StreamWindow));
            write = connection.TryStartWritingLocked();
        }

        if (write)
        {
            _ = connection.DrainAsync();
        }

        connection.StartReading();
        return connection;
    }

    /// <summary>
    /// Ends the connection gracefully: GOAWAY with the last stream taken, calls in flight finish, then it
    /// closes. New calls are refused meanwhile.
    /// </summary>
    public void Shutdown()
    {
        bool write;
        lock (Gate)
        {
            if (Closed is not null || _goingAway)
            {
                return;
            }

            _goingAway = true;
            Http2Frames.WriteGoAway(Pending, _lastStreamId, Http2ErrorCode.NoError);
            if (_streams.Count == 0)
            {
                CloseWhenWrittenLocked();
                return;
            }

            write = TryStartWritingLocked();
        }

        if (write)
        {
            _ = DrainAsync();
        }
    }

    /// <summary>Answers a unary call: headers, <paramref name="message"/>, and the OK status.</summary>
    public async ValueTask RespondAsync(Http2ServerStream stream, IMessage message)
    {
        var length = GrpcFraming.HeaderSize + message.CalculateSize();
        bool fits;
        var write = false;
        lock (Gate)
        {
            if (stream.ResponseEnded || Closed is not null)
            {
                return;
            }

            StartResponseLocked(stream);
            fits = length <= AllowedLocked(stream);
            if (fits)
            {
                // The usual case: the message goes straight into the batch, no copy of its own.
                Http2Frames.WriteHeader(Pending, length, Http2FrameType.Data, 0, stream.Id);
                GrpcFraming.WriteMessage(Pending, message);
                ConsumeWindowLocked(stream, length);
                WriteHeadersLocked(stream.Id, OkTrailers, endStream: true);
                EndResponseLocked(stream);
                write = TryStartWritingLocked();
            }
        }

        if (write)
        {
            await DrainAsync().ConfigureAwait(false);
        }

        if (!fits)
        {
            // Larger than the windows allow now: framed on its own and sent as they open.
            await SendDataAsync(stream, GrpcFraming.Frame(message), endStream: false, stopWaitingOn: null).ConfigureAwait(false);
            await CompleteAsync(stream, GrpcStatusCode.Ok, "").ConfigureAwait(false);
        }
    }

    /// <summary>Starts a streaming call's answer: its headers, sent now.</summary>
    public async ValueTask SendHeadersAsync(Http2ServerStream stream)
    {
        bool write;
        lock (Gate)
        {
            ThrowIfEnded(stream);
            StartResponseLocked(stream);
            write = TryStartWritingLocked();
        }

        if (write)
        {
            await DrainAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Sends one framed message on a streaming call, as the windows allow.</summary>
    /// <exception cref="IOException">The peer reset the call or the connection closed.</exception>
    public async ValueTask SendMessageAsync(Http2ServerStream stream, ReadOnlyMemory<byte> framed)
    {
        lock (Gate)
        {
            ThrowIfEnded(stream);
            StartResponseLocked(stream);
        }

        await SendDataAsync(stream, framed, endStream: false, stopWaitingOn: null).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends a call with <paramref name="status"/>: in trailers after what was sent, or alone with the
    /// headers (trailers-only) when nothing was. A call the peer still sends on is then reset with
    /// NO_ERROR, telling it to stop (RFC 9113, 8.1).
    /// </summary>
    public async ValueTask CompleteAsync(Http2ServerStream stream, GrpcStatusCode status, string message)
    {
        bool write;
        lock (Gate)
        {
            if (stream.ResponseEnded || Closed is not null)
            {
                return;
            }

            WriteStatusLocked(stream, status, message);
            write = TryStartWritingLocked();
        }

        if (write)
        {
            await DrainAsync().ConfigureAwait(false);
        }
    }

    private void WriteStatusLocked(Http2ServerStream stream, GrpcStatusCode status, string message)
    {
        if (status == GrpcStatusCode.Ok && stream.HeadersSent)
        {
            WriteHeadersLocked(stream.Id, OkTrailers, endStream: true);
        }
        else
        {
            var block = new ArrayBufferWriter<byte>(64 + message.Length);
            if (!stream.HeadersSent)
            {
                block.Write(ResponseHeaders);
                stream.HeadersSent = true;
            }

            Literal(block, "grpc-status"u8, System.Text.Encoding.ASCII.GetBytes(((int)status).ToString(CultureInfo.InvariantCulture)));
            if (message.Length > 0)
            {
                Literal(block, "grpc-message"u8, System.Text.Encoding.ASCII.GetBytes(GrpcRouter.PercentEncode(message)));
            }

            WriteHeadersLocked(stream.Id, block.WrittenSpan, endStream: true);
        }

        EndResponseLocked(stream);

        static void Literal(ArrayBufferWriter<byte> block, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            // A literal without indexing, its name new (RFC 7541, 6.2.2).
            block.Write<byte>([0x00]);
            Http2Frames.WriteHpackString(block, name);
            Http2Frames.WriteHpackString(block, value);
        }
    }

    private void StartResponseLocked(Http2ServerStream stream)
    {
        if (!stream.HeadersSent)
        {
            WriteHeadersLocked(stream.Id, ResponseHeaders, endStream: false);
            stream.HeadersSent = true;
        }
    }

    private void ThrowIfEnded(Http2ServerStream stream)
    {
        if (Closed is not null)
        {
            throw new IOException($"the connection closed: {Closed.Message}", Closed);
        }

        if (stream.ResponseEnded)
        {
            throw new IOException("the host reset the call");
        }
    }

    /// <summary>This side's answer is over: the stream goes, and a peer still sending is told to stop.</summary>
    private void EndResponseLocked(Http2ServerStream stream)
    {
        stream.ResponseEnded = true;
        if (!stream.RequestEnded)
        {
            Http2Frames.WriteRstStream(Pending, stream.Id, Http2ErrorCode.NoError);
            stream.Inbound?.Writer.Complete();
        }

        RemoveLocked(stream);
    }

    private void RemoveLocked(Http2ServerStream stream)
    {
        if (!_streams.Remove(stream.Id))
        {
            return;
        }

        SignalWindowLocked();
        if (_goingAway && _streams.Count == 0)
        {
            CloseWhenWrittenLocked();
        }
    }

    /// <summary>Ends a stream this side finds broken: RST_STREAM to the peer, cancellation to its handler.</summary>
    private void ResetLocked(Http2ServerStream stream, Http2ErrorCode code)
    {
        if (stream.ResponseEnded)
        {
            return;
        }

        stream.ResponseEnded = true;
        Http2Frames.WriteRstStream(Pending, stream.Id, code);
        stream.Inbound?.Writer.Complete(new IOException($"the call was reset ({code})"));
        RemoveLocked(stream);
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Cancel(), stream, preferLocal: false);
    }

    protected override IEnumerable<Http2Stream> OpenStreamsLocked() => _streams.Values;

    /// <summary>An answer whose call was reset, or whose connection closed, fails with an I/O error.</summary>
    protected override bool CanSendLocked(Http2Stream stream)
    {
        ThrowIfEnded((Http2ServerStream)stream);
        return true;
    }

    protected override Http2Stream? FindLocked(int streamId) => _streams.GetValueOrDefault(streamId);

    protected override void OnStreamWindowOverflowLocked(Http2Stream stream) => ResetLocked((Http2ServerStream)stream, Http2ErrorCode.FlowControlError);

    protected override void OnHeaderBlock(int streamId, ReadOnlySpan<byte> block, bool endStream)
    {
        Http2ServerStream? stream;
        var closed = false;
        lock (Gate)
        {
            _streams.TryGetValue(streamId, out stream);
            if (stream is null)
            {
                if ((streamId & 1) == 0)
                {
                    throw Protocol(Http2ErrorCode.ProtocolError, $"HEADERS opening stream {streamId}, not a new odd id above {_lastStreamId}");
                }

                closed = streamId <= _lastStreamId;
                if (!closed)
                {
                    _lastStreamId = streamId;
                }
            }
        }

        if (closed)
        {
            // A stream this side has answered or reset: trailers the peer had already sent on it are
            // ignored like its DATA (RFC 9113, 5.1), once the table has seen them.
            DecodeHeaders(block, DiscardHeaders.Instance);
            return;
        }

        if (stream is not null)
        {
            // Trailers: gRPC clients send none, but a request may end with them.
            DecodeHeaders(block, DiscardHeaders.Instance);
            if (!endStream)
            {
                throw Protocol(Http2ErrorCode.ProtocolError, $"a second header block on stream {streamId} without END_STREAM");
            }

            bool mustWrite;
            lock (Gate)
            {
                if (!_streams.ContainsKey(streamId))
                {
                    return;
                }

                if (stream.RequestEnded)
                {
                    // The peer's side had ended already (half-closed): a stream error, and the call
                    // is not run a second time.
                    ResetLocked(stream, Http2ErrorCode.StreamClosed);
                }
                else
                {
                    EndRequestLocked(stream);
                }

                mustWrite = TryStartWritingLocked();
            }

            if (mustWrite)
            {
                _ = DrainAsync();
            }

            return;
        }

        // Decoded before anything else: the table must see every block, even of a stream refused.
        var opened = new Http2ServerStream(this, streamId);
        DecodeHeaders(block, opened);
        var method = _resolve(opened.Path);
        bool write;
        lock (Gate)
        {
            if (Closed is not null)
            {
                return;
            }

            if (_goingAway || _streams.Count >= MaxConcurrentStreams)
            {
                // Not processed: the peer may send it again (on a new connection, after a GOAWAY).
                Http2Frames.WriteRstStream(Pending, streamId, Http2ErrorCode.RefusedStream);
                write = TryStartWritingLocked();
            }
            else
            {
                OpenLocked(opened, method, endStream);
                write = false;
            }
        }

        // Not under the lock: the write may not finish at once.
        if (write)
        {
            _ = DrainAsync();
        }
    }

    private void OpenLocked(Http2ServerStream stream, GrpcMethod method, bool endStream)
    {
        stream.Method = method;
        stream.SendWindow = PeerInitialWindow;
        stream.ReceiveWindow = StreamWindow;
        _streams.Add(stream.Id, stream);
        if (method.Streaming)
        {
            // Answers are the handler's to send, so nothing the reader does waits for it.
            stream.Inbound = new Pipe(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
            ThreadPool.UnsafeQueueUserWorkItem(stream, preferLocal: false);
        }

        if (endStream)
        {
            EndRequestLocked(stream);
        }
    }

    /// <summary>The peer's side of a call is over: a unary call runs now (deferred, see <see cref="Http2Connection"/>).</summary>
    private void EndRequestLocked(Http2ServerStream stream)
    {
        stream.RequestEnded = true;
        if (stream.Inbound is { } inbound)
        {
            inbound.Writer.Complete();
        }
        else if (!stream.ResponseEnded)
        {
            Defer(stream);
        }
    }

    protected override bool OnData(int streamId, ReadOnlySpan<byte> data, int flowed, bool endStream)
    {
        lock (Gate)
        {
            CreditConnectionLocked(flowed);
            if (!_streams.TryGetValue(streamId, out var stream))
            {
                if (streamId > _lastStreamId)
                {
                    throw Protocol(Http2ErrorCode.ProtocolError, $"DATA on stream {streamId}, which was never opened");
                }

                // A stream already answered or reset: what was in flight is dropped.
                return TryStartWritingLocked();
            }

            if (stream.RequestEnded)
            {
                ResetLocked(stream, Http2ErrorCode.StreamClosed);
            }
            else if (!TakeStreamWindowLocked(stream, flowed))
            {
                ResetLocked(stream, Http2ErrorCode.FlowControlError);
            }
            else
            {
                CreditStreamLocked(stream, flowed);
                if (stream.Inbound is { } inbound)
                {
                    // No back-pressure (the pipe never pauses): a streaming call's messages are small
                    // and few (go-plugin's broker announcements), and credit goes back as they arrive.
                    inbound.Writer.Write(data);
#pragma warning disable CA2012 // A pipe that never pauses finishes its flush at once; nothing waits on it.
                    _ = inbound.Writer.FlushAsync();
#pragma warning restore CA2012
                }
                else
                {
                    AppendUnaryLocked(stream, data, endStream);
                }

                if (endStream && !stream.ResponseEnded)
                {
                    EndRequestLocked(stream);
                }
            }

            return TryStartWritingLocked();
        }
    }

    /// <summary>
    /// Adds to a unary request's body, checking the message's length as soon as its prefix is in, so a
    /// message above the limit fails before its payload is taken.
    /// </summary>
    private void AppendUnaryLocked(Http2ServerStream stream, ReadOnlySpan<byte> data, bool endStream)
    {
        var before = stream.BodyLength;
        stream.Append(data);
        string? failure = null;
        var status = GrpcStatusCode.Internal;
        if (before < GrpcFraming.HeaderSize && stream.BodyLength >= GrpcFraming.HeaderSize)
        {
            try
            {
                GrpcFraming.ReadLength(stream.Body, _maxMessageSize);
            }
            catch (GrpcException e)
            {
                (status, failure) = (e.Status, e.Message);
            }
        }

        if (failure is null && stream.BodyLength >= GrpcFraming.HeaderSize)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(stream.Body[1..]);
            if (stream.BodyLength - GrpcFraming.HeaderSize > length)
            {
                failure = "more than one request message in a unary call";
            }
        }

        if (failure is not null)
        {
            stream.ReleaseBody();

            // A request this frame ends needs no RST_STREAM to stop it: the stream closes with the
            // status, and nothing but PRIORITY may follow on a closed stream (RFC 9113, 5.1).
            stream.RequestEnded |= endStream;
            WriteStatusLocked(stream, status, failure);
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Cancel(), stream, preferLocal: false);
        }
    }

    protected override void OnRstStream(int streamId, Http2ErrorCode code)
    {
        Http2ServerStream? stream;
        lock (Gate)
        {
            if (!_streams.TryGetValue(streamId, out stream))
            {
                if (streamId > _lastStreamId)
                {
                    throw Protocol(Http2ErrorCode.ProtocolError, $"RST_STREAM on stream {streamId}, which was never opened");
                }

                return;
            }

            stream.ResponseEnded = true;
            stream.Inbound?.Writer.Complete(new IOException($"the host reset the call ({code})"));
            RemoveLocked(stream);
        }

        stream.Cancel();
    }

    protected override void OnGoAway(int lastStreamId, Http2ErrorCode code, string debug)
    {
        // The peer starts no more calls; it closes the connection when it is done with the ones open.
    }

    /// <summary>
    /// Closes the connection for good: every call still open is cancelled, and the socket is closed.
    /// The first error wins.
    /// </summary>
    internal override void Abort(Exception error)
    {
        Http2ServerStream[] streams;
        int lastStreamId;
        lock (Gate)
        {
            if (!MarkClosedLocked(error) && _streams.Count == 0)
            {
                return;
            }

            streams = [.. _streams.Values];
            _streams.Clear();
            foreach (var stream in streams)
            {
                stream.ResponseEnded = true;
                stream.Inbound?.Writer.Complete(new IOException("the connection closed"));
            }

            lastStreamId = _lastStreamId;
        }

        foreach (var stream in streams)
        {
            stream.Cancel();
        }

        if (error is Http2ProtocolException protocol)
        {
            _ = GoAwayAndCloseAsync(lastStreamId, protocol.Code);
        }
        else
        {
            _ = CloseStreamAsync();
        }
    }

    protected override void OnStreamClosed() => _done.TrySetResult();

    public void Dispose() => Abort(new IOException("the plugin closed the connection"));
}
