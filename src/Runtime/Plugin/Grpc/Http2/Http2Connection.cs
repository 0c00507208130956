using System.Buffers;
using System.Buffers.Binary;

namespace VaultPathGen.Plugin.Grpc.Http2;

/// <summary>What a connection keeps of one stream for flow control.</summary>
internal abstract class Http2Stream
{
    public int Id { get; set; }

    /// <summary>What the peer still lets this stream send.</summary>
    public long SendWindow { get; set; }

    /// <summary>What this stream still lets the peer send before a WINDOW_UPDATE.</summary>
    public long ReceiveWindow { get; set; }

    /// <summary>Received bytes not yet given back to the peer in a WINDOW_UPDATE.</summary>
    public int ReceivedUnacknowledged { get; set; }
}

/// <summary>
/// What both ends of an HTTP/2 connection (RFC 9113) do alike here: the read chain that parses frames,
/// the write batches, flow control, SETTINGS, PING, header blocks over CONTINUATION, protocol errors.
/// <see cref="Http2ClientConnection"/> (the broker's calls to the host) and <see cref="Http2ServerConnection"/>
/// (the host's calls to the plugin) add what their streams do.
/// </summary>
/// <remarks>
/// <para>
/// Threads: a caller writes its own frames when no one else is writing (<see cref="TryStartWritingLocked"/>,
/// <see cref="DrainAsync"/>); otherwise its frames go with the writer's next batch, so many streams still
/// share writes. One read chain parses frames, and the last piece of work a read produced (a reply that
/// completes a call, a request to run) runs on the thread that read it, once that thread has started the
/// next read (<see cref="Defer"/>): no hand-off on one request's path, and a slow handler cannot stall
/// the connection. Work produced before the last goes to the thread pool.
/// </para>
/// </remarks>
internal abstract class Http2Connection
{
    private const int ReadBufferLength = 64 * 1024;
    private const int MaxHeaderBlockLength = 256 * 1024;

    /// <summary>A write buffer kept for the next batch up to this size; a larger one goes to the GC.</summary>
    private const int KeptWriteBufferLength = 64 * 1024;

    private readonly Stream _stream;
    private readonly HpackDecoder _hpack = new();
    // On the pinned heap: a read is almost always outstanding on it, and a pinned array in a young GC
    // generation keeps the GC from compacting or reusing what surrounds it.
    private readonly byte[] _readBuffer = GC.AllocateUninitializedArray<byte>(ReadBufferLength, pinned: true);
    private readonly Action _onReadCompleted;
    private readonly int _connectionWindow;
    private readonly int _streamWindow;

    // Guarded by Gate.
    private ArrayBufferWriter<byte>? _spare = new(4096);
    private bool _writing;
    private bool _closeWhenWritten;
    private long _receiveWindow;
    private int _receivedUnacknowledged;
    private TaskCompletionSource? _windowOpened;

    // The reader's own: only the read chain touches these, one step after another.
    private ValueTask<int> _read;
    private int _readStart;
    private int _readEnd;
    private int _prefaceRemaining;
    private IThreadPoolWorkItem? _deferred;
    private ArrayBufferWriter<byte>? _headerBlock;
    private int _headerBlockStreamId;
    private bool _headerBlockEndsStream;

    /// <param name="stream">The connection, TLS done.</param>
    /// <param name="connectionWindow">The window the connection gives the peer.</param>
    /// <param name="streamWindow">The window each stream gives the peer (SETTINGS_INITIAL_WINDOW_SIZE).</param>
    /// <param name="expectsPreface">Whether the peer starts with the client preface (this is the server).</param>
    protected Http2Connection(Stream stream, int connectionWindow, int streamWindow, bool expectsPreface)
    {
        _stream = stream;
        _connectionWindow = connectionWindow;
        _streamWindow = streamWindow;
        _receiveWindow = connectionWindow;
        _prefaceRemaining = expectsPreface ? Http2Frames.ClientPreface.Length : 0;
        _onReadCompleted = OnReadCompleted;
    }

    protected Lock Gate { get; } = new();

    /// <summary>Frames waiting for the writer; guarded by <see cref="Gate"/>.</summary>
    protected ArrayBufferWriter<byte> Pending { get; private set; } = new(4096);

    /// <summary>Why the connection closed, or null while it is open; guarded by <see cref="Gate"/>.</summary>
    protected Exception? Closed { get; private set; }

    /// <summary>What the peer still lets the connection send; guarded by <see cref="Gate"/>.</summary>
    protected long SendWindow { get; private set; } = Http2Frames.DefaultWindow;

    /// <summary>The peer's SETTINGS_INITIAL_WINDOW_SIZE; guarded by <see cref="Gate"/>.</summary>
    protected int PeerInitialWindow { get; private set; } = Http2Frames.DefaultWindow;

    /// <summary>The peer's SETTINGS_MAX_FRAME_SIZE; guarded by <see cref="Gate"/>.</summary>
    protected int PeerMaxFrameSize { get; private set; } = Http2Frames.DefaultMaxFrameSize;

    /// <summary>This side's SETTINGS and the connection window beyond the default, as the first frames.</summary>
    protected void WriteStart(IBufferWriter<byte> writer, params ReadOnlySpan<(ushort Id, uint Value)> settings)
    {
        Http2Frames.WriteHeader(writer, 6 * settings.Length, Http2FrameType.Settings, 0, 0);
        foreach (var (id, value) in settings)
        {
            Http2Frames.WriteSetting(writer, id, value);
        }

        if (_connectionWindow > Http2Frames.DefaultWindow)
        {
            Http2Frames.WriteWindowUpdate(writer, 0, _connectionWindow - Http2Frames.DefaultWindow);
        }
    }

    protected Task WriteDirectAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => _stream.WriteAsync(bytes, cancellationToken).AsTask();

    /// <summary>Runs <paramref name="work"/> after the current read step has started the next read (see remarks).</summary>
    protected void Defer(IThreadPoolWorkItem work)
    {
        if (_deferred is not null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_deferred, preferLocal: false);
        }

        _deferred = work;
    }

    /// <summary>Waits until a window may have opened (a WINDOW_UPDATE, new settings, a stream gone); call under <see cref="Gate"/>.</summary>
    protected Task WindowOpenedLocked() => (_windowOpened ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    protected void SignalWindowLocked()
    {
        _windowOpened?.TrySetResult();
        _windowOpened = null;
    }

    /// <summary>Marks the connection closed with <paramref name="error"/> unless it already was; true when this call closed it.</summary>
    protected bool MarkClosedLocked(Exception error)
    {
        if (Closed is not null)
        {
            return false;
        }

        Closed = error;
        SignalWindowLocked();
        return true;
    }

    protected void WriteHeadersLocked(int streamId, ReadOnlySpan<byte> block, bool endStream)
    {
        var flags = endStream ? Http2Flags.EndStream : (byte)0;
        var first = true;
        do
        {
            var length = Math.Min(block.Length, PeerMaxFrameSize);
            var last = length == block.Length;
            var frameFlags = (byte)((first ? flags : 0) | (last ? Http2Flags.EndHeaders : 0));
            Http2Frames.WriteHeader(Pending, length, first ? Http2FrameType.Headers : Http2FrameType.Continuation, frameFlags, streamId);
            Pending.Write(block[..length]);
            block = block[length..];
            first = false;
        }
        while (!block.IsEmpty);
    }

    /// <summary>How many bytes of DATA <paramref name="stream"/> may send in its next frame now.</summary>
    protected int AllowedLocked(Http2Stream stream) => (int)Math.Max(0, Math.Min(Math.Min(SendWindow, stream.SendWindow), PeerMaxFrameSize));

    /// <summary>Takes <paramref name="length"/> bytes of DATA out of both windows.</summary>
    protected void ConsumeWindowLocked(Http2Stream stream, int length)
    {
        SendWindow -= length;
        stream.SendWindow -= length;
    }

    /// <summary>
    /// Writes as much of <paramref name="data"/> as both windows allow; returns the rest. The last frame
    /// carries END_STREAM when <paramref name="endStream"/> is set and nothing is left.
    /// </summary>
    protected ReadOnlyMemory<byte> WriteDataLocked(Http2Stream stream, ReadOnlyMemory<byte> data, bool endStream)
    {
        while (!data.IsEmpty)
        {
            var allowed = AllowedLocked(stream);
            if (allowed <= 0)
            {
                return data;
            }

            var length = Math.Min(allowed, data.Length);
            var last = length == data.Length;
            Http2Frames.WriteHeader(Pending, length, Http2FrameType.Data, last && endStream ? Http2Flags.EndStream : (byte)0, stream.Id);
            Pending.Write(data.Span[..length]);
            ConsumeWindowLocked(stream, length);
            data = data[length..];
        }

        return data;
    }

    /// <summary>
    /// Sends <paramref name="data"/> as DATA frames as the windows allow, waiting for them to open: checked
    /// under the same lock a WINDOW_UPDATE takes, so an update cannot slip in between unnoticed. Stops when
    /// the stream can send no more (<see cref="CanSendLocked"/>) or <paramref name="stopWaitingOn"/> finishes.
    /// </summary>
    protected async Task SendDataAsync(Http2Stream stream, ReadOnlyMemory<byte> data, bool endStream, Task? stopWaitingOn)
    {
        while (!data.IsEmpty)
        {
            Task? opened = null;
            bool write;
            lock (Gate)
            {
                if (!CanSendLocked(stream))
                {
                    return;
                }

                var before = data.Length;
                data = WriteDataLocked(stream, data, endStream);
                write = TryStartWritingLocked();
                if (data.Length == before)
                {
                    opened = WindowOpenedLocked();
                }
            }

            if (write)
            {
                await DrainAsync().ConfigureAwait(false);
            }

            if (opened is not null)
            {
                await (stopWaitingOn is null ? opened : Task.WhenAny(opened, stopWaitingOn)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether <paramref name="stream"/> may still send DATA; under <see cref="Gate"/>.</summary>
    protected abstract bool CanSendLocked(Http2Stream stream);

    /// <summary>Whether the caller must now write what is pending (<see cref="DrainAsync"/>): nobody else is.</summary>
    protected bool TryStartWritingLocked()
    {
        if (_writing || Pending.WrittenCount == 0 || Closed is not null)
        {
            return false;
        }

        _writing = true;
        return true;
    }

    /// <summary>
    /// Writes what is pending until nothing is; only the one that <see cref="TryStartWritingLocked"/> let
    /// write calls this. Bytes queued meanwhile, by any thread, go in the next write.
    /// </summary>
    protected async Task DrainAsync()
    {
        while (true)
        {
            ArrayBufferWriter<byte> batch;
            lock (Gate)
            {
                if (Pending.WrittenCount == 0 || Closed is not null)
                {
                    _writing = false;
                    if (_closeWhenWritten)
                    {
                        CloseNowLocked();
                    }

                    return;
                }

                batch = Pending;
                Pending = _spare ?? new ArrayBufferWriter<byte>(4096);
                _spare = null;
            }

            try
            {
                await _stream.WriteAsync(batch.WrittenMemory).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                lock (Gate)
                {
                    _writing = false;
                }

                Abort(e);
                return;
            }

            if (batch.Capacity <= KeptWriteBufferLength)
            {
                batch.ResetWrittenCount();
                lock (Gate)
                {
                    _spare = batch;
                }
            }
        }
    }

    /// <summary>Closes the connection once what is pending has been written (a graceful end).</summary>
    protected void CloseWhenWrittenLocked()
    {
        if (Closed is not null)
        {
            return;
        }

        _closeWhenWritten = true;
        if (!_writing)
        {
            if (Pending.WrittenCount == 0)
            {
                CloseNowLocked();
                return;
            }

            // Not on this thread: the caller holds the lock, and the write must not.
            _writing = true;
            _ = Task.Run(DrainAsync);
        }
    }

    private void CloseNowLocked()
    {
        if (MarkClosedLocked(new GrpcException(GrpcStatusCode.Unavailable, "the connection was closed")))
        {
            _ = CloseStreamAsync();
        }
    }

    protected void StartReading()
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
    /// read and only then runs the last work the frames produced, on this thread. Work deferred
    /// before the last goes to the thread pool, as does the last when more data is already there.
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
                    throw new IOException(PeerClosedMessage);
                }

                _readEnd += count;
                HandleFrames();
            }
            catch (Exception e)
            {
                // Work produced before the failure still runs.
                if (_deferred is not null)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(_deferred, preferLocal: false);
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
                last?.Execute();
                Abort(e);
                return;
            }

            if (read.IsCompleted)
            {
                if (last is not null)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(last, preferLocal: false);
                }

                continue;
            }

            _read = read;
            read.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onReadCompleted);
            last?.Execute();
            return;
        }
    }

#pragma warning restore CA2012

    /// <summary>The message of the error a connection the peer closed fails with.</summary>
    protected abstract string PeerClosedMessage { get; }

    /// <summary>Handles every whole frame in the read buffer, then moves what is left to its start.</summary>
    private void HandleFrames()
    {
        var write = false;
        if (_prefaceRemaining > 0)
        {
            var preface = Http2Frames.ClientPreface;
            var have = Math.Min(_readEnd - _readStart, _prefaceRemaining);
            var offset = preface.Length - _prefaceRemaining;
            if (!_readBuffer.AsSpan(_readStart, have).SequenceEqual(preface.Slice(offset, have)))
            {
                throw Protocol(Http2ErrorCode.ProtocolError, "the connection did not start with the HTTP/2 client preface");
            }

            _readStart += have;
            _prefaceRemaining -= have;
        }

        while (_prefaceRemaining == 0 && _readEnd - _readStart >= Http2Frames.HeaderLength)
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
                if (streamId == 0)
                {
                    throw Protocol(Http2ErrorCode.ProtocolError, "DATA on stream 0");
                }

                return OnData(streamId, Unpad(flags, payload), payload.Length, (flags & Http2Flags.EndStream) != 0);
            case Http2FrameType.Headers:
                OnHeaders(flags, streamId, payload);
                return false;
            case Http2FrameType.Continuation:
                OnContinuation(flags, streamId, payload);
                return false;
            case Http2FrameType.RstStream:
                if (payload.Length != 4 || streamId == 0)
                {
                    throw Protocol(Http2ErrorCode.FrameSizeError, "a malformed RST_STREAM");
                }

                OnRstStream(streamId, (Http2ErrorCode)BinaryPrimitives.ReadUInt32BigEndian(payload));
                return false;
            case Http2FrameType.Settings:
                return OnSettings(flags, streamId, payload);
            case Http2FrameType.Ping:
                return OnPing(flags, streamId, payload);
            case Http2FrameType.GoAway:
                if (streamId != 0 || payload.Length < 8)
                {
                    throw Protocol(Http2ErrorCode.FrameSizeError, "a malformed GOAWAY");
                }

                var debug = payload.Length > 8 ? System.Text.Encoding.UTF8.GetString(payload[8..Math.Min(payload.Length, 8 + 256)]) : "";
                OnGoAway(BinaryPrimitives.ReadInt32BigEndian(payload) & int.MaxValue, (Http2ErrorCode)BinaryPrimitives.ReadUInt32BigEndian(payload[4..]), debug);
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

    /// <summary>
    /// DATA (<paramref name="data"/> without padding; <paramref name="flowed"/> is what it counts against
    /// the windows); true when frames were queued for this thread to write.
    /// </summary>
    protected abstract bool OnData(int streamId, ReadOnlySpan<byte> data, int flowed, bool endStream);

    /// <summary>A whole header block; every block must go through <see cref="DecodeHeaders"/>, in order.</summary>
    protected abstract void OnHeaderBlock(int streamId, ReadOnlySpan<byte> block, bool endStream);

    protected abstract void OnRstStream(int streamId, Http2ErrorCode code);

    protected abstract void OnGoAway(int lastStreamId, Http2ErrorCode code, string debug);

    /// <summary>The peer's SETTINGS_MAX_CONCURRENT_STREAMS; under <see cref="Gate"/>.</summary>
    protected virtual void OnMaxConcurrentStreamsLocked(uint value)
    {
    }

    /// <summary>Every open stream, for a change of the peer's initial window; under <see cref="Gate"/>.</summary>
    protected abstract IEnumerable<Http2Stream> OpenStreamsLocked();

    /// <summary>The open stream <paramref name="streamId"/>, or null; under <see cref="Gate"/>.</summary>
    protected abstract Http2Stream? FindLocked(int streamId);

    /// <summary>The peer opened a stream's window beyond 2^31-1: reset it; under <see cref="Gate"/>.</summary>
    protected abstract void OnStreamWindowOverflowLocked(Http2Stream stream);

    /// <summary>Closes the connection for good: every stream still open ends with <paramref name="error"/>.</summary>
    internal abstract void Abort(Exception error);

    protected void DecodeHeaders(ReadOnlySpan<byte> block, IHpackHeaderSink sink)
    {
        try
        {
            _hpack.Decode(block, sink);
        }
        catch (HpackException e)
        {
            throw Protocol(Http2ErrorCode.CompressionError, e.Message);
        }
    }

    /// <summary>
    /// Counts received DATA against the connection's window and gives credit back at half of it; the
    /// stream's, when there is one still open, likewise. Under <see cref="Gate"/>.
    /// </summary>
    protected void CreditConnectionLocked(int flowed)
    {
        _receiveWindow -= flowed;
        if (_receiveWindow < 0)
        {
            throw Protocol(Http2ErrorCode.FlowControlError, "DATA beyond the connection's window");
        }

        _receivedUnacknowledged += flowed;
        if (_receivedUnacknowledged >= _connectionWindow / 2)
        {
            Http2Frames.WriteWindowUpdate(Pending, 0, _receivedUnacknowledged);
            _receiveWindow += _receivedUnacknowledged;
            _receivedUnacknowledged = 0;
        }
    }

    /// <summary>Counts DATA against a stream's window: false when the peer overran it.</summary>
    protected static bool TakeStreamWindowLocked(Http2Stream stream, int flowed)
    {
        stream.ReceiveWindow -= flowed;
        return stream.ReceiveWindow >= 0;
    }

    /// <summary>Gives a stream's credit back at half its window.</summary>
    protected void CreditStreamLocked(Http2Stream stream, int flowed)
    {
        stream.ReceivedUnacknowledged += flowed;
        if (stream.ReceivedUnacknowledged >= _streamWindow / 2)
        {
            Http2Frames.WriteWindowUpdate(Pending, stream.Id, stream.ReceivedUnacknowledged);
            stream.ReceiveWindow += stream.ReceivedUnacknowledged;
            stream.ReceivedUnacknowledged = 0;
        }
    }

    protected static ReadOnlySpan<byte> Unpad(byte flags, ReadOnlySpan<byte> payload)
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

        lock (Gate)
        {
            for (; !payload.IsEmpty; payload = payload[6..])
            {
                var id = BinaryPrimitives.ReadUInt16BigEndian(payload);
                var value = BinaryPrimitives.ReadUInt32BigEndian(payload[2..]);
                switch (id)
                {
                    case Http2Frames.SettingsMaxConcurrentStreams:
                        OnMaxConcurrentStreamsLocked(value);
                        break;
                    case Http2Frames.SettingsInitialWindowSize:
                        if (value > Http2Frames.MaxWindow)
                        {
                            throw Protocol(Http2ErrorCode.FlowControlError, "SETTINGS_INITIAL_WINDOW_SIZE above 2^31-1");
                        }

                        var delta = (int)value - PeerInitialWindow;
                        PeerInitialWindow = (int)value;
                        foreach (var stream in OpenStreamsLocked())
                        {
                            stream.SendWindow += delta;
                        }

                        SignalWindowLocked();
                        break;
                    case Http2Frames.SettingsMaxFrameSize:
                        if (value is < Http2Frames.DefaultMaxFrameSize or > 16777215)
                        {
                            throw Protocol(Http2ErrorCode.ProtocolError, $"SETTINGS_MAX_FRAME_SIZE {value} out of range");
                        }

                        PeerMaxFrameSize = (int)value;
                        break;
                    default:
                        // The table size limits our encoder, which never indexes; push, header list
                        // size and unknown settings need nothing.
                        break;
                }
            }

            Http2Frames.WriteHeader(Pending, 0, Http2FrameType.Settings, Http2Flags.Ack, 0);
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

        lock (Gate)
        {
            // Alone in a write, the acknowledgement is held by PingAckCoalescingStream for the next frames.
            Http2Frames.WriteHeader(Pending, 8, Http2FrameType.Ping, Http2Flags.Ack, 0);
            Pending.Write(payload);
            return TryStartWritingLocked();
        }
    }

    private void OnWindowUpdate(int streamId, ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 4)
        {
            throw Protocol(Http2ErrorCode.FrameSizeError, "a malformed WINDOW_UPDATE");
        }

        var increment = BinaryPrimitives.ReadInt32BigEndian(payload) & int.MaxValue;
        lock (Gate)
        {
            if (streamId == 0)
            {
                if (increment == 0)
                {
                    throw Protocol(Http2ErrorCode.ProtocolError, "a WINDOW_UPDATE of 0 for the connection");
                }

                SendWindow += increment;
                if (SendWindow > Http2Frames.MaxWindow)
                {
                    throw Protocol(Http2ErrorCode.FlowControlError, "the connection's window above 2^31-1");
                }
            }
            else if (FindLocked(streamId) is { } stream)
            {
                stream.SendWindow += increment;
                if (stream.SendWindow > Http2Frames.MaxWindow)
                {
                    OnStreamWindowOverflowLocked(stream);
                }
            }

            SignalWindowLocked();
        }
    }

    protected static Http2ProtocolException Protocol(Http2ErrorCode code, string message) => new(code, message);

    /// <summary>Tells the peer why (GOAWAY with <paramref name="code"/>), best effort, then closes.</summary>
    protected async Task GoAwayAndCloseAsync(int lastStreamId, Http2ErrorCode code)
    {
        try
        {
            var frame = new ArrayBufferWriter<byte>(17);
            Http2Frames.WriteGoAway(frame, lastStreamId, code);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _stream.WriteAsync(frame.WrittenMemory, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or NotSupportedException or InvalidOperationException)
        {
            // The connection is going anyway.
        }

        await CloseStreamAsync().ConfigureAwait(false);
    }

    protected async Task CloseStreamAsync()
    {
        try
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Closing a broken connection may fail; it is closed either way.
        }

        OnStreamClosed();
    }

    /// <summary>The transport is closed (after <see cref="CloseStreamAsync"/>).</summary>
    protected virtual void OnStreamClosed()
    {
    }

    /// <summary>Header fields of a stream nobody waits for: decoded (for the table) and dropped.</summary>
    protected sealed class DiscardHeaders : IHpackHeaderSink
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
