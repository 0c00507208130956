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
internal sealed class Http2ClientConnection : IDisposable
{
    /// <summary>The window each stream gives the peer (SETTINGS_INITIAL_WINDOW_SIZE).</summary>
    internal const int StreamWindow = 1 << 20;

    /// <summary>The window the connection gives the peer.</summary>
    internal const int ConnectionWindow = 16 << 20;

    /// <summary>The largest reply body taken: more resets the stream.</summary>
    internal const int MaxReplyLength = 1 << 30;

    private const int MaxStreamId = int.MaxValue;
    private const int ReadBufferLength = 64 * 1024;
    private const int MaxHeaderBlockLength = 256 * 1024;

    /// <summary>A write buffer kept for the next batch up to this size; a larger one goes to the GC.</summary>
    private const int KeptWriteBufferLength = 64 * 1024;

    private readonly Stream _stream;
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Http2ClientStream> _streams = [];
    private readonly Queue<TaskCompletionSource> _slotWaiters = new();
    private readonly HpackDecoder _hpack = new();
    // On the pinned heap: a read is almost always outstanding on it, and a pinned array in a young GC
    // generation keeps the GC from compacting or reusing what surrounds it.
    private readonly byte[] _readBuffer = GC.AllocateUninitializedArray<byte>(ReadBufferLength, pinned: true);
    private readonly Action _onReadCompleted;

    // Guarded by _lock.
    private ArrayBufferWriter<byte> _pending = new(4096);
    private ArrayBufferWriter<byte>? _spare = new(4096);
    private bool _writing;
    private long _nextStreamId;
    private int _activeStreams;
    private long _peerMaxStreams = long.MaxValue;
    private long _sendWindow = Http2Frames.DefaultWindow;
    private int _peerInitialWindow = Http2Frames.DefaultWindow;
    private int _peerMaxFrameSize = Http2Frames.DefaultMaxFrameSize;
    private long _receiveWindow = ConnectionWindow;
    private int _receivedUnacknowledged;
    private bool _goingAway;
    private string? _goAwayReason;
    private Exception? _closed;
    private TaskCompletionSource? _windowOpened;

    // The reader's own: only the read chain touches these, one step after another.
    private ValueTask<int> _read;
    private int _readStart;
    private int _readEnd;
    private Http2ClientStream? _deferred;
    private ArrayBufferWriter<byte>? _headerBlock;
    private int _headerBlockStreamId;
    private bool _headerBlockEndsStream;

    private Http2ClientConnection(Stream stream, int firstStreamId)
    {
        _stream = stream;
        _nextStreamId = firstStreamId;
        _onReadCompleted = OnReadCompleted;
    }

    /// <summary>Whether a new request may still start here (not closed, no GOAWAY, stream ids left).</summary>
    public bool CanOpenStreams
    {
        get
        {
            lock (_lock)
            {
                return _closed is null && !_goingAway;
            }
        }
    }

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
        Http2Frames.WriteHeader(start, 12, Http2FrameType.Settings, 0, 0);
        Http2Frames.WriteSetting(start, Http2Frames.SettingsEnablePush, 0);
        Http2Frames.WriteSetting(start, Http2Frames.SettingsInitialWindowSize, StreamWindow);
        Http2Frames.WriteWindowUpdate(start, 0, ConnectionWindow - Http2Frames.DefaultWindow);
        await stream.WriteAsync(start.WrittenMemory, cancellationToken).ConfigureAwait(false);
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
        lock (_lock)
        {
            if (_nextStreamId > MaxStreamId && !_goingAway && _closed is null)
            {
                // Stream ids are used up: this connection closes once its last reply is in.
                _goingAway = true;
                _goAwayReason = "the connection's stream ids are used up";
            }

            if (_closed is not null || _goingAway)
            {
                var refused = RefusalLocked();
                ReleaseSlotLocked();
                CloseIfDoneLocked();
                throw refused;
            }

            stream.Id = (int)_nextStreamId;
            _nextStreamId += 2;
            stream.SendWindow = _peerInitialWindow;
            stream.ReceiveWindow = StreamWindow;
            _streams.Add(stream.Id, stream);
            WriteHeadersLocked(stream.Id, headerBlock.Span, endStream: body.IsEmpty);
            unsent = WriteDataLocked(stream, body);
            write = TryStartWritingLocked();
        }

        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static (state, token) => ((Http2ClientStream)state!).Connection.Cancel((Http2ClientStream)state!, token), stream)
            : default;
        if (write)
        {
            await DrainAsync().ConfigureAwait(false);
        }

        while (!unsent.IsEmpty)
        {
            // Writes what the windows allow now; waits only when that is nothing, checked under the
            // same lock a WINDOW_UPDATE takes, so an update cannot slip in between unnoticed.
            Task? opened = null;
            lock (_lock)
            {
                if (!_streams.ContainsKey(stream.Id))
                {
                    break;
                }

                var before = unsent.Length;
                unsent = WriteDataLocked(stream, unsent);
                write = TryStartWritingLocked();
                if (unsent.Length == before)
                {
                    opened = (_windowOpened ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }
            }

            if (write)
            {
                await DrainAsync().ConfigureAwait(false);
            }

            if (opened is not null)
            {
                await Task.WhenAny(opened, stream.Completion).ConfigureAwait(false);
            }
        }

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

    private Exception RefusalLocked() => _closed is not null
        ? ConnectionFailure(_closed)
        : new Http2RefusedStreamException(_goAwayReason ?? "the connection takes no new requests");

    private static GrpcException ConnectionFailure(Exception closed) => closed as GrpcException
        ?? new GrpcException(GrpcStatusCode.Unavailable, $"the connection to the host failed: {closed.Message}");

    private async ValueTask TakeStreamSlotAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (_activeStreams < _peerMaxStreams || _closed is not null)
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
                lock (_lock)
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
        _windowOpened?.TrySetResult();
        _windowOpened = null;
        CloseIfDoneLocked();
        return true;
    }

    /// <summary>A connection that takes no new requests closes once its last reply is in.</summary>
    private void CloseIfDoneLocked()
    {
        if (_goingAway && _streams.Count == 0 && _closed is null)
        {
            _closed = new GrpcException(GrpcStatusCode.Unavailable, _goAwayReason ?? "the connection was closed");
            _ = CloseStreamAsync();
        }
    }

    private void Cancel(Http2ClientStream stream, CancellationToken cancellationToken)
    {
        bool write;
        lock (_lock)
        {
            if (!RemoveLocked(stream))
            {
                return;
            }

            Http2Frames.WriteRstStream(_pending, stream.Id, Http2ErrorCode.Cancel);
            write = TryStartWritingLocked();
        }

        stream.Cancel(cancellationToken);
        if (write)
        {
            _ = DrainAsync();
        }
    }

    private void WriteHeadersLocked(int streamId, ReadOnlySpan<byte> block, bool endStream)
    {
        var flags = endStream ? Http2Flags.EndStream : (byte)0;
        var first = true;
        do
        {
            var length = Math.Min(block.Length, _peerMaxFrameSize);
            var last = length == block.Length;
            var frameFlags = (byte)((first ? flags : 0) | (last ? Http2Flags.EndHeaders : 0));
            Http2Frames.WriteHeader(_pending, length, first ? Http2FrameType.Headers : Http2FrameType.Continuation, frameFlags, streamId);
            _pending.Write(block[..length]);
            block = block[length..];
            first = false;
        }
        while (!block.IsEmpty);
    }

    /// <summary>Writes as much of <paramref name="data"/> as both windows allow; returns the rest.</summary>
    private ReadOnlyMemory<byte> WriteDataLocked(Http2ClientStream stream, ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            var allowed = Math.Min(Math.Min(_sendWindow, stream.SendWindow), _peerMaxFrameSize);
            if (allowed <= 0)
            {
                return data;
            }

            var length = (int)Math.Min(allowed, data.Length);
            var last = length == data.Length;
            Http2Frames.WriteHeader(_pending, length, Http2FrameType.Data, last ? Http2Flags.EndStream : (byte)0, stream.Id);
            _pending.Write(data.Span[..length]);
            _sendWindow -= length;
            stream.SendWindow -= length;
            data = data[length..];
        }

        return data;
    }

    private bool TryStartWritingLocked()
    {
        if (_writing || _pending.WrittenCount == 0 || _closed is not null)
        {
            return false;
        }

        _writing = true;
        return true;
    }

    /// <summary>
    /// Writes what is pending until nothing is; only the one that set <c>_writing</c> calls this.
    /// Bytes queued meanwhile, by any thread, go in the next write.
    /// </summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            ArrayBufferWriter<byte> batch;
            lock (_lock)
            {
                if (_pending.WrittenCount == 0 || _closed is not null)
                {
                    _writing = false;
                    return;
                }

                batch = _pending;
                _pending = _spare ?? new ArrayBufferWriter<byte>(4096);
                _spare = null;
            }

            try
            {
                await _stream.WriteAsync(batch.WrittenMemory).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                lock (_lock)
                {
                    _writing = false;
                }

                Abort(e);
                return;
            }

            if (batch.Capacity <= KeptWriteBufferLength)
            {
                batch.ResetWrittenCount();
                lock (_lock)
                {
                    _spare = batch;
                }
            }
        }
    }

    private void StartReading()
    {
        ValueTask<int> read;
        try
        {
            read = _stream.ReadAsync(_readBuffer.AsMemory(_readEnd));
        }
        catch (Exception e)
        {
            Abort(e);
            return;
        }

        if (read.IsCompleted)
        {
            Process(read);
            return;
        }

        _read = read;
        read.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onReadCompleted);
    }

    private void OnReadCompleted()
    {
        var read = _read;
        _read = default;
        Process(read);
    }

    /// <summary>
    /// One step of the read chain: takes a finished read, handles its whole frames, starts the next
    /// read and only then finishes the last reply it completed, on this thread (its caller continues
    /// here, while the next read can already finish elsewhere). Replies finished before the last go
    /// to the thread pool, as does the last when more data is already there.
    /// </summary>
#pragma warning disable CA2012 // Each read's result is taken once, after IsCompleted or in its completion callback.
    private void Process(ValueTask<int> read)
    {
        while (true)
        {
            try
            {
                // Finished: checked by the caller, or this is its completion callback.
                var count = read.GetAwaiter().GetResult();
                if (count == 0)
                {
                    throw new IOException("the host closed the connection");
                }

                _readEnd += count;
                HandleFrames();
            }
            catch (Exception e)
            {
                // A reply completed before the failure still reaches its caller.
                if (_deferred is not null)
                {
                    QueueCompletion(_deferred);
                    _deferred = null;
                }

                Abort(e);
                return;
            }

            var last = _deferred;
            _deferred = null;
            try
            {
                read = _stream.ReadAsync(_readBuffer.AsMemory(_readEnd));
            }
            catch (Exception e)
            {
                last?.Complete();
                Abort(e);
                return;
            }

            if (read.IsCompleted)
            {
                if (last is not null)
                {
                    QueueCompletion(last);
                }

                continue;
            }

            _read = read;
            read.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onReadCompleted);
            last?.Complete();
            return;
        }
    }

#pragma warning restore CA2012

    private static void QueueCompletion(Http2ClientStream stream) =>
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Complete(), stream, preferLocal: false);

    /// <summary>Handles every whole frame in the read buffer, then moves what is left to its start.</summary>
    private void HandleFrames()
    {
        var write = false;
        while (_readEnd - _readStart >= Http2Frames.HeaderLength)
        {
            var header = _readBuffer.AsSpan(_readStart, Http2Frames.HeaderLength);
            var length = (header[0] << 16) | (header[1] << 8) | header[2];
            if (length > Http2Frames.DefaultMaxFrameSize)
            {
                throw Protocol(Http2ErrorCode.FrameSizeError, $"a frame of {length} bytes, above the {Http2Frames.DefaultMaxFrameSize} allowed");
            }

            if (_readEnd - _readStart < Http2Frames.HeaderLength + length)
            {
                break;
            }

            var type = (Http2FrameType)header[3];
            var flags = header[4];
            var streamId = BinaryPrimitives.ReadInt32BigEndian(header[5..]) & int.MaxValue;
            var payload = _readBuffer.AsSpan(_readStart + Http2Frames.HeaderLength, length);
            _readStart += Http2Frames.HeaderLength + length;
            write |= HandleFrame(type, flags, streamId, payload);
        }

        if (_readStart == _readEnd)
        {
            _readStart = _readEnd = 0;
        }
        else if (_readStart > 0)
        {
            _readBuffer.AsSpan(_readStart, _readEnd - _readStart).CopyTo(_readBuffer);
            _readEnd -= _readStart;
            _readStart = 0;
        }

        if (write)
        {
            _ = DrainAsync();
        }
    }

    /// <summary>Handles one frame; true when it queued frames and this thread must write them.</summary>
    private bool HandleFrame(Http2FrameType type, byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        if (_headerBlock is not null && type != Http2FrameType.Continuation)
        {
            throw Protocol(Http2ErrorCode.ProtocolError, $"a {type} frame inside a header block");
        }

        switch (type)
        {
            case Http2FrameType.Data:
                return OnData(flags, streamId, payload);
            case Http2FrameType.Headers:
                OnHeaders(flags, streamId, payload);
                return false;
            case Http2FrameType.Continuation:
                OnContinuation(flags, streamId, payload);
                return false;
            case Http2FrameType.RstStream:
                OnRstStream(streamId, payload);
                return false;
            case Http2FrameType.Settings:
                return OnSettings(flags, streamId, payload);
            case Http2FrameType.Ping:
                return OnPing(flags, streamId, payload);
            case Http2FrameType.GoAway:
                OnGoAway(streamId, payload);
                return false;
            case Http2FrameType.WindowUpdate:
                OnWindowUpdate(streamId, payload);
                return false;
            case Http2FrameType.PushPromise:
                throw Protocol(Http2ErrorCode.ProtocolError, "PUSH_PROMISE with push disabled");
            default:
                // PRIORITY and frame types this side does not know are ignored (RFC 9113, 4.1, 5.5).
                return false;
        }
    }

    private bool OnData(byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        if (streamId == 0)
        {
            throw Protocol(Http2ErrorCode.ProtocolError, "DATA on stream 0");
        }

        var flowed = payload.Length;
        var data = Unpad(flags, payload);
        var endStream = (flags & Http2Flags.EndStream) != 0;
        lock (_lock)
        {
            _receiveWindow -= flowed;
            if (_receiveWindow < 0)
            {
                throw Protocol(Http2ErrorCode.FlowControlError, "DATA beyond the connection's window");
            }

            _receivedUnacknowledged += flowed;
            if (_receivedUnacknowledged >= ConnectionWindow / 2)
            {
                Http2Frames.WriteWindowUpdate(_pending, 0, _receivedUnacknowledged);
                _receiveWindow += _receivedUnacknowledged;
                _receivedUnacknowledged = 0;
            }

            if (_streams.TryGetValue(streamId, out var stream))
            {
                stream.ReceiveWindow -= flowed;
                if (stream.ReceiveWindow < 0)
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
                        stream.ReceivedUnacknowledged += flowed;
                        if (stream.ReceivedUnacknowledged >= StreamWindow / 2)
                        {
                            Http2Frames.WriteWindowUpdate(_pending, streamId, stream.ReceivedUnacknowledged);
                            stream.ReceiveWindow += stream.ReceivedUnacknowledged;
                            stream.ReceivedUnacknowledged = 0;
                        }
                    }
                }
            }

            return TryStartWritingLocked();
        }
    }

    private static ReadOnlySpan<byte> Unpad(byte flags, ReadOnlySpan<byte> payload)
    {
        if ((flags & Http2Flags.Padded) == 0)
        {
            return payload;
        }

        if (payload.IsEmpty || payload[0] >= payload.Length)
        {
            throw Protocol(Http2ErrorCode.ProtocolError, "padding longer than the frame");
        }

        return payload[1..^payload[0]];
    }

    private void OnHeaders(byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        if (streamId == 0)
        {
            throw Protocol(Http2ErrorCode.ProtocolError, "HEADERS on stream 0");
        }

        var block = Unpad(flags, payload);
        if ((flags & Http2Flags.Priority) != 0)
        {
            if (block.Length < 5)
            {
                throw Protocol(Http2ErrorCode.FrameSizeError, "HEADERS too short for its priority");
            }

            block = block[5..];
        }

        var endStream = (flags & Http2Flags.EndStream) != 0;
        if ((flags & Http2Flags.EndHeaders) != 0)
        {
            OnHeaderBlock(streamId, block, endStream);
            return;
        }

        _headerBlock = new ArrayBufferWriter<byte>(block.Length * 2);
        _headerBlock.Write(block);
        _headerBlockStreamId = streamId;
        _headerBlockEndsStream = endStream;
    }

    private void OnContinuation(byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        if (_headerBlock is null || streamId != _headerBlockStreamId)
        {
            throw Protocol(Http2ErrorCode.ProtocolError, "CONTINUATION without its HEADERS");
        }

        if (_headerBlock.WrittenCount + payload.Length > MaxHeaderBlockLength)
        {
            throw Protocol(Http2ErrorCode.ProtocolError, $"a header block over {MaxHeaderBlockLength} bytes");
        }

        _headerBlock.Write(payload);
        if ((flags & Http2Flags.EndHeaders) != 0)
        {
            var block = _headerBlock;
            _headerBlock = null;
            OnHeaderBlock(streamId, block.WrittenSpan, _headerBlockEndsStream);
        }
    }

    private void OnHeaderBlock(int streamId, ReadOnlySpan<byte> block, bool endStream)
    {
        Http2ClientStream? stream;
        lock (_lock)
        {
            _streams.TryGetValue(streamId, out stream);
        }

        // Decoded even for a stream nobody waits for: the table must see every block.
        try
        {
            _hpack.Decode(block, (IHpackHeaderSink?)stream ?? DiscardHeaders.Instance);
        }
        catch (HpackException e)
        {
            throw Protocol(Http2ErrorCode.CompressionError, e.Message);
        }

        if (stream is null)
        {
            return;
        }

        lock (_lock)
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

    private void OnRstStream(int streamId, ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 4 || streamId == 0)
        {
            throw Protocol(Http2ErrorCode.FrameSizeError, "a malformed RST_STREAM");
        }

        var code = (Http2ErrorCode)BinaryPrimitives.ReadUInt32BigEndian(payload);
        Http2ClientStream? stream;
        lock (_lock)
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

    private bool OnSettings(byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        if (streamId != 0 || payload.Length % 6 != 0 || ((flags & Http2Flags.Ack) != 0 && payload.Length != 0))
        {
            throw Protocol(Http2ErrorCode.FrameSizeError, "a malformed SETTINGS frame");
        }

        if ((flags & Http2Flags.Ack) != 0)
        {
            return false;
        }

        lock (_lock)
        {
            for (; !payload.IsEmpty; payload = payload[6..])
            {
                var id = BinaryPrimitives.ReadUInt16BigEndian(payload);
                var value = BinaryPrimitives.ReadUInt32BigEndian(payload[2..]);
                switch (id)
                {
                    case Http2Frames.SettingsMaxConcurrentStreams:
                        _peerMaxStreams = value;
                        while (_slotWaiters.Count > 0 && _activeStreams < _peerMaxStreams)
                        {
                            if (_slotWaiters.Dequeue().TrySetResult())
                            {
                                _activeStreams++;
                            }
                        }

                        break;
                    case Http2Frames.SettingsInitialWindowSize:
                        if (value > Http2Frames.MaxWindow)
                        {
                            throw Protocol(Http2ErrorCode.FlowControlError, "SETTINGS_INITIAL_WINDOW_SIZE above 2^31-1");
                        }

                        var delta = (int)value - _peerInitialWindow;
                        _peerInitialWindow = (int)value;
                        foreach (var stream in _streams.Values)
                        {
                            stream.SendWindow += delta;
                        }

                        _windowOpened?.TrySetResult();
                        _windowOpened = null;
                        break;
                    case Http2Frames.SettingsMaxFrameSize:
                        if (value is < Http2Frames.DefaultMaxFrameSize or > 16777215)
                        {
                            throw Protocol(Http2ErrorCode.ProtocolError, $"SETTINGS_MAX_FRAME_SIZE {value} out of range");
                        }

                        _peerMaxFrameSize = (int)value;
                        break;
                    default:
                        // The table size limits our encoder, which never indexes; push, header list
                        // size and unknown settings need nothing.
                        break;
                }
            }

            Http2Frames.WriteHeader(_pending, 0, Http2FrameType.Settings, Http2Flags.Ack, 0);
            return TryStartWritingLocked();
        }
    }

    private bool OnPing(byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        if (streamId != 0 || payload.Length != 8)
        {
            throw Protocol(Http2ErrorCode.FrameSizeError, "a malformed PING");
        }

        if ((flags & Http2Flags.Ack) != 0)
        {
            return false;
        }

        lock (_lock)
        {
            // Alone in a write, the acknowledgement is held by PingAckCoalescingStream for the next frames.
            Http2Frames.WriteHeader(_pending, 8, Http2FrameType.Ping, Http2Flags.Ack, 0);
            _pending.Write(payload);
            return TryStartWritingLocked();
        }
    }

    private void OnGoAway(int streamId, ReadOnlySpan<byte> payload)
    {
        if (streamId != 0 || payload.Length < 8)
        {
            throw Protocol(Http2ErrorCode.FrameSizeError, "a malformed GOAWAY");
        }

        var lastStreamId = BinaryPrimitives.ReadInt32BigEndian(payload) & int.MaxValue;
        var code = (Http2ErrorCode)BinaryPrimitives.ReadUInt32BigEndian(payload[4..]);
        var debug = payload.Length > 8 ? System.Text.Encoding.UTF8.GetString(payload[8..Math.Min(payload.Length, 8 + 256)]) : "";
        var reason = $"the host closed the connection (GOAWAY {code}{(debug.Length > 0 ? ": " + debug : "")})";
        List<Http2ClientStream> refused = [];
        lock (_lock)
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

    private void OnWindowUpdate(int streamId, ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 4)
        {
            throw Protocol(Http2ErrorCode.FrameSizeError, "a malformed WINDOW_UPDATE");
        }

        var increment = BinaryPrimitives.ReadInt32BigEndian(payload) & int.MaxValue;
        lock (_lock)
        {
            if (streamId == 0)
            {
                if (increment == 0)
                {
                    throw Protocol(Http2ErrorCode.ProtocolError, "a WINDOW_UPDATE of 0 for the connection");
                }

                _sendWindow += increment;
                if (_sendWindow > Http2Frames.MaxWindow)
                {
                    throw Protocol(Http2ErrorCode.FlowControlError, "the connection's window above 2^31-1");
                }
            }
            else if (_streams.TryGetValue(streamId, out var stream))
            {
                stream.SendWindow += increment;
                if (stream.SendWindow > Http2Frames.MaxWindow)
                {
                    ResetLocked(stream, Http2ErrorCode.FlowControlError, new GrpcException(GrpcStatusCode.Internal, "the host opened a stream's window above 2^31-1"));
                }
            }

            _windowOpened?.TrySetResult();
            _windowOpened = null;
        }
    }

    /// <summary>The reply is whole: the stream ends, and its caller is finished after the next read starts.</summary>
    private void EndLocked(Http2ClientStream stream)
    {
        if (!RemoveLocked(stream))
        {
            return;
        }

        if (_deferred is not null)
        {
            QueueCompletion(_deferred);
        }

        _deferred = stream;
    }

    /// <summary>Ends a stream this side finds broken: RST_STREAM to the peer, the error to the caller.</summary>
    private void ResetLocked(Http2ClientStream stream, Http2ErrorCode code, Exception error)
    {
        if (!RemoveLocked(stream))
        {
            return;
        }

        Http2Frames.WriteRstStream(_pending, stream.Id, code);
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Stream.Fail(s.Error), (Stream: stream, Error: error), preferLocal: false);
    }

    private static Http2ProtocolException Protocol(Http2ErrorCode code, string message) => new(code, message);

    /// <summary>
    /// Closes the connection for good: every stream still waiting fails with
    /// <paramref name="error"/>, and the socket is closed. The first error wins.
    /// </summary>
    internal void Abort(Exception error)
    {
        Http2ClientStream[] streams;
        TaskCompletionSource[] waiters;
        lock (_lock)
        {
            if (_closed is not null)
            {
                if (_streams.Count == 0)
                {
                    return;
                }
            }
            else
            {
                _closed = error;
            }

            streams = [.. _streams.Values];
            _streams.Clear();
            waiters = [.. _slotWaiters];
            _slotWaiters.Clear();

            // Each waiter goes on with a slot, to find the connection closed and give it back.
            _activeStreams += waiters.Length;
            _windowOpened?.TrySetResult();
            _windowOpened = null;
        }

        var failure = ConnectionFailure(_closed);
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
            // Tell the peer why, best effort, before closing.
            _ = GoAwayAndCloseAsync(protocol.Code);
        }
        else
        {
            _ = CloseStreamAsync();
        }
    }

    private async Task GoAwayAndCloseAsync(Http2ErrorCode code)
    {
        try
        {
            // The last stream id is the last one the peer started: none, on this side.
            var frame = new ArrayBufferWriter<byte>(17);
            Http2Frames.WriteGoAway(frame, 0, code);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _stream.WriteAsync(frame.WrittenMemory, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or NotSupportedException or InvalidOperationException)
        {
            // The connection is going anyway.
        }

        await CloseStreamAsync().ConfigureAwait(false);
    }

    private async Task CloseStreamAsync()
    {
        try
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Closing a broken connection may fail; it is closed either way.
        }
    }

    public void Dispose() => Abort(new GrpcException(GrpcStatusCode.Unavailable, "the plugin closed the connection"));

    /// <summary>Header fields of a stream nobody waits for: decoded (for the table) and dropped.</summary>
    private sealed class DiscardHeaders : IHpackHeaderSink
    {
        public static readonly DiscardHeaders Instance = new();

        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
        }
    }
}

/// <summary>The peer broke the protocol: a connection error (RFC 9113, 5.4.1).</summary>
internal sealed class Http2ProtocolException(Http2ErrorCode code, string message) : IOException($"HTTP/2 {code}: {message}")
{
    public Http2ErrorCode Code { get; } = code;
}
