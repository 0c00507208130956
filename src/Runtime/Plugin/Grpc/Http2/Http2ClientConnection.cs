using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace VaultPathGen.Plugin.Grpc.Http2;

/// <summary>
/// A request the peer has not processed and will not (RST_STREAM REFUSED_STREAM, or a stream above a
/// GOAWAY's last id, or one the connection could not open): safe to send again on a new connection.
/// </summary>
internal sealed class Http2RefusedStreamException(string message) : Exception(message);

/// <summary>
/// The client side of one HTTP/2 connection (RFC 9113) for request-reply calls: each request is sent
/// whole and its reply is read whole. Written for the broker's connection to the host, where every
/// call of a plugin's storage and system view goes; not a general HTTP client.
/// </summary>
/// <remarks>
/// <para>
/// Why not <c>SocketsHttpHandler</c>: it hands every request's frames to a writer loop on another
/// thread and every reply back to the caller on a third, each a thread woken up on the request's
/// path; at one caller that is most of why a plugin answered at 0.82× the Go plugin's rate
/// (docs/benchmarks.md, "Where one request's time goes at one caller"). Here the caller writes its
/// own frames when no one else is writing (otherwise they go with the writer's next batch, so many
/// callers still share writes), and the reply's last frame finishes the call on the thread that read
/// it, once that thread has started the next read.
/// </para>
/// <para>
/// What the peer asks for is honoured: its SETTINGS (frame size, initial window, concurrent streams),
/// flow control both ways, PING, GOAWAY and RST_STREAM. What this side does not use it turns off or
/// ignores: server push (disabled in SETTINGS), priorities, HPACK's dynamic table for requests
/// (every request field is a literal that is never indexed, or a static-table index).
/// </para>
/// </remarks>
internal sealed class Http2ClientConnection : Http2Connection, IDisposable
{
    /// <summary>The window each stream gives the peer (SETTINGS_INITIAL_WINDOW_SIZE).</summary>
    internal const int StreamWindow = 1 << 20;

    /// <summary>The window the connection gives the peer.</summary>
    internal const int ConnectionWindow = 16 << 20;

    /// <summary>The largest reply body taken: more resets the stream.</summary>
    internal const int MaxReplyLength = 1 << 30;

    private const int MaxStreamId = int.MaxValue;

    // Guarded by Gate.
    private readonly Dictionary<int, Http2ClientStream> _streams = [];
    private readonly Queue<TaskCompletionSource> _slotWaiters = new();
    private long _nextStreamId;
    private int _activeStreams;
    private long _peerMaxStreams = long.MaxValue;
    private bool _goingAway;
    private string? _goAwayReason;

    private Http2ClientConnection(Stream stream, int firstStreamId)
        : base(stream, ConnectionWindow, StreamWindow, expectsPreface: false)
    {
        _nextStreamId = firstStreamId;
    }

    /// <summary>Whether a new request may still start here (not closed, no GOAWAY, stream ids left).</summary>
    public bool CanOpenStreams
    {
        get
        {
            lock (Gate)
            {
                return Closed is null && !_goingAway;
            }
        }
    }

    protected override string PeerClosedMessage => "the host closed the connection";

    /// <summary>
    /// Starts the connection on <paramref name="stream"/> (already connected, TLS done): sends the
    /// preface and this side's SETTINGS, and starts reading. The peer's SETTINGS need not have
    /// arrived before the first request.
    /// </summary>
    internal static async Task<Http2ClientConnection> StartAsync(Stream stream, CancellationToken cancellationToken, int firstStreamId = 1)
    {
        var connection = new Http2ClientConnection(stream, firstStreamId);
        var start = new ArrayBufferWriter<byte>(64);
        start.Write(Http2Frames.ClientPreface);
        connection.WriteStart(start, (Http2Frames.SettingsEnablePush, 0u), (Http2Frames.SettingsInitialWindowSize, (uint)StreamWindow));
        await connection.WriteDirectAsync(start.WrittenMemory, cancellationToken).ConfigureAwait(false);
        connection.StartReading();
        return connection;
    }

    /// <summary>
    /// Sends one request (<paramref name="headerBlock"/>: its HPACK-encoded fields, <paramref name="body"/>:
    /// its whole body) and returns its stream once the reply is whole. The caller disposes it.
    /// </summary>
    /// <exception cref="Http2RefusedStreamException">The peer did not process the request.</exception>
    /// <exception cref="GrpcException">The connection failed or the peer reset the stream (UNAVAILABLE, INTERNAL, CANCELLED).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the stream is reset.</exception>
    public async Task<Http2ClientStream> SendAsync(ReadOnlyMemory<byte> headerBlock, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        await TakeStreamSlotAsync(cancellationToken).ConfigureAwait(false);
        var stream = new Http2ClientStream(this);
        ReadOnlyMemory<byte> unsent;
        bool write;
        lock (Gate)
        {
            if (_nextStreamId > MaxStreamId && !_goingAway && Closed is null)
            {
                // Stream ids are used up: this connection closes once its last reply is in.
                _goingAway = true;
                _goAwayReason = "the connection's stream ids are used up";
            }

            if (Closed is not null || _goingAway)
            {
                var refused = RefusalLocked();
                ReleaseSlotLocked();
                CloseIfDoneLocked();
                throw refused;
            }

            stream.Id = (int)_nextStreamId;
            _nextStreamId += 2;
            stream.SendWindow = PeerInitialWindow;
            stream.ReceiveWindow = StreamWindow;
            _streams.Add(stream.Id, stream);
            WriteHeadersLocked(stream.Id, headerBlock.Span, endStream: body.IsEmpty);
            unsent = WriteDataLocked(stream, body, endStream: true);
            write = TryStartWritingLocked();
        }

        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static (state, token) => ((Http2ClientStream)state!).Connection.Cancel((Http2ClientStream)state!, token), stream)
            : default;
        if (write)
        {
            await DrainAsync().ConfigureAwait(false);
        }

        // What the windows did not take at once follows as they open, unless the stream ends first.
        await SendDataAsync(stream, unsent, endStream: true, stream.Completion).ConfigureAwait(false);

        try
        {
            await stream.Completion.ConfigureAwait(false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return stream;
    }

    private Exception RefusalLocked() => Closed is not null
        ? ConnectionFailure(Closed)
        : new Http2RefusedStreamException(_goAwayReason ?? "the connection takes no new requests");

    private static GrpcException ConnectionFailure(Exception closed) => closed as GrpcException
        ?? new GrpcException(GrpcStatusCode.Unavailable, $"the connection to the host failed: {closed.Message}");

    private async ValueTask TakeStreamSlotAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (Gate)
        {
            if (_activeStreams < _peerMaxStreams || Closed is not null)
            {
                _activeStreams++;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _slotWaiters.Enqueue(waiter);
        }

        try
        {
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A slot handed over as the wait was given up is passed on.
            if (!waiter.TrySetCanceled(cancellationToken) && waiter.Task.IsCompletedSuccessfully)
            {
                lock (Gate)
                {
                    ReleaseSlotLocked();
                }
            }

            throw;
        }
    }

    private void ReleaseSlotLocked()
    {
        while (_slotWaiters.Count > 0 && _activeStreams <= _peerMaxStreams)
        {
            // The slot goes straight to the next waiter that still wants it.
            if (_slotWaiters.Dequeue().TrySetResult())
            {
                return;
            }
        }

        _activeStreams--;
    }

    /// <summary>Removes a stream that has ended; the caller completes it.</summary>
    private bool RemoveLocked(Http2ClientStream stream)
    {
        if (!_streams.Remove(stream.Id))
        {
            return false;
        }

        ReleaseSlotLocked();
        SignalWindowLocked();
        CloseIfDoneLocked();
        return true;
    }

    /// <summary>A connection that takes no new requests closes once its last reply is in.</summary>
    private void CloseIfDoneLocked()
    {
        if (_goingAway && _streams.Count == 0 && MarkClosedLocked(new GrpcException(GrpcStatusCode.Unavailable, _goAwayReason ?? "the connection was closed")))
        {
            _ = CloseStreamAsync();
        }
    }

    private void Cancel(Http2ClientStream stream, CancellationToken cancellationToken)
    {
        bool write;
        lock (Gate)
        {
            if (!RemoveLocked(stream))
            {
                return;
            }

            Http2Frames.WriteRstStream(Pending, stream.Id, Http2ErrorCode.Cancel);
            write = TryStartWritingLocked();
        }

        stream.Cancel(cancellationToken);
        if (write)
        {
            _ = DrainAsync();
        }
    }

    protected override IEnumerable<Http2Stream> OpenStreamsLocked() => _streams.Values;

    /// <summary>A request whose stream is gone (answered, reset, failed) sends no more.</summary>
    protected override bool CanSendLocked(Http2Stream stream) => _streams.ContainsKey(stream.Id);

    protected override Http2Stream? FindLocked(int streamId) => _streams.GetValueOrDefault(streamId);

    protected override void OnStreamWindowOverflowLocked(Http2Stream stream)
        => ResetLocked((Http2ClientStream)stream, Http2ErrorCode.FlowControlError, new GrpcException(GrpcStatusCode.Internal, "the host opened a stream's window above 2^31-1"));

    protected override void OnMaxConcurrentStreamsLocked(uint value)
    {
        _peerMaxStreams = value;
        while (_slotWaiters.Count > 0 && _activeStreams < _peerMaxStreams)
        {
            if (_slotWaiters.Dequeue().TrySetResult())
            {
                _activeStreams++;
            }
        }
    }

    protected override bool OnData(int streamId, ReadOnlySpan<byte> data, int flowed, bool endStream)
    {
        lock (Gate)
        {
            CreditConnectionLocked(flowed);
            if (_streams.TryGetValue(streamId, out var stream))
            {
                if (!TakeStreamWindowLocked(stream, flowed))
                {
                    ResetLocked(stream, Http2ErrorCode.FlowControlError, new GrpcException(GrpcStatusCode.Internal, "the host sent beyond the stream's window"));
                }
                else if (!stream.HeadersReceived)
                {
                    ResetLocked(stream, Http2ErrorCode.ProtocolError, new GrpcException(GrpcStatusCode.Internal, "the host sent DATA before the reply's headers"));
                }
                else if (stream.DataLength + data.Length > MaxReplyLength)
                {
                    ResetLocked(stream, Http2ErrorCode.Cancel, new GrpcException(GrpcStatusCode.ResourceExhausted, $"a reply larger than {MaxReplyLength} bytes"));
                }
                else
                {
                    stream.Append(data);
                    if (endStream)
                    {
                        EndLocked(stream);
                    }
                    else
                    {
                        CreditStreamLocked(stream, flowed);
                    }
                }
            }

            return TryStartWritingLocked();
        }
    }

    protected override void OnHeaderBlock(int streamId, ReadOnlySpan<byte> block, bool endStream)
    {
        Http2ClientStream? stream;
        lock (Gate)
        {
            _streams.TryGetValue(streamId, out stream);
        }

        // Decoded even for a stream nobody waits for: the table must see every block.
        DecodeHeaders(block, (IHpackHeaderSink?)stream ?? DiscardHeaders.Instance);
        if (stream is null)
        {
            return;
        }

        lock (Gate)
        {
            if (!_streams.ContainsKey(streamId))
            {
                return;
            }

            if (!stream.HeadersReceived && stream.HttpStatus is >= 100 and < 200)
            {
                // An informational reply: the real headers follow.
                return;
            }

            stream.HeadersReceived = true;
            if (endStream)
            {
                EndLocked(stream);
            }
        }
    }

    protected override void OnRstStream(int streamId, Http2ErrorCode code)
    {
        Http2ClientStream? stream;
        lock (Gate)
        {
            if (!_streams.TryGetValue(streamId, out stream) || !RemoveLocked(stream))
            {
                return;
            }
        }

        stream.Fail(code switch
        {
            Http2ErrorCode.RefusedStream => new Http2RefusedStreamException("the host refused the request (REFUSED_STREAM)"),
            Http2ErrorCode.Cancel => new GrpcException(GrpcStatusCode.Cancelled, "the host cancelled the request"),
            _ => new GrpcException(GrpcStatusCode.Internal, $"the host reset the request ({code})"),
        });
    }

    protected override void OnGoAway(int lastStreamId, Http2ErrorCode code, string debug)
    {
        var reason = $"the host closed the connection (GOAWAY {code}{(debug.Length > 0 ? ": " + debug : "")})";
        List<Http2ClientStream> refused = [];
        lock (Gate)
        {
            _goingAway = true;
            _goAwayReason = reason;
            foreach (var stream in _streams.Values)
            {
                if (stream.Id > lastStreamId)
                {
                    refused.Add(stream);
                }
            }

            foreach (var stream in refused)
            {
                RemoveLocked(stream);
            }

            CloseIfDoneLocked();
        }

        foreach (var stream in refused)
        {
            stream.Fail(new Http2RefusedStreamException(reason));
        }
    }

    /// <summary>The reply is whole: the stream ends, and its caller is finished after the next read starts.</summary>
    private void EndLocked(Http2ClientStream stream)
    {
        if (RemoveLocked(stream))
        {
            Defer(stream);
        }
    }

    /// <summary>Ends a stream this side finds broken: RST_STREAM to the peer, the error to the caller.</summary>
    private void ResetLocked(Http2ClientStream stream, Http2ErrorCode code, Exception error)
    {
        if (!RemoveLocked(stream))
        {
            return;
        }

        Http2Frames.WriteRstStream(Pending, stream.Id, code);
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Stream.Fail(s.Error), (Stream: stream, Error: error), preferLocal: false);
    }

    /// <summary>
    /// Closes the connection for good: every stream still waiting fails with
    /// <paramref name="error"/>, and the socket is closed. The first error wins.
    /// </summary>
    internal override void Abort(Exception error)
    {
        Http2ClientStream[] streams;
        TaskCompletionSource[] waiters;
        Exception closed;
        lock (Gate)
        {
            if (!MarkClosedLocked(error) && _streams.Count == 0)
            {
                return;
            }

            closed = Closed!;
            streams = [.. _streams.Values];
            _streams.Clear();
            waiters = [.. _slotWaiters];
            _slotWaiters.Clear();

            // Each waiter goes on with a slot, to find the connection closed and give it back.
            _activeStreams += waiters.Length;
        }

        var failure = ConnectionFailure(closed);
        foreach (var stream in streams)
        {
            stream.Fail(failure);
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult();
        }

        if (error is Http2ProtocolException protocol)
        {
            // The last stream id is the last one the peer started: none, on this side.
            _ = GoAwayAndCloseAsync(0, protocol.Code);
        }
        else
        {
            _ = CloseStreamAsync();
        }
    }

    public void Dispose() => Abort(new GrpcException(GrpcStatusCode.Unavailable, "the plugin closed the connection"));
}
