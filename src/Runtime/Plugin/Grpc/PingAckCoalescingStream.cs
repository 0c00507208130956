using System.Buffers;
using System.Buffers.Binary;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>
/// The write side of an HTTP/2 connection over TLS that sends a PING acknowledgement with the next
/// frames instead of as a TLS record of its own.
/// </summary>
/// <remarks>
/// <para>
/// grpc-go, Vault's side of both of a plugin's connections, sends a PING whenever DATA arrives after its
/// last PING was answered (its bandwidth-delay estimate), so at one request at a time every call and
/// every storage call draws one. Both of our HTTP/2 ends (<see cref="Http2.Http2Connection"/>), like
/// Kestrel before them, answer it at once when nothing else is waiting to go, alone: one more TLS record per request on each
/// connection, encrypted, sent and woken up for on both ends (docs/benchmarks.md, "Side-by-side
/// throughput").
/// </para>
/// <para>
/// Here a write that is exactly one PING acknowledgement, starting where a frame starts, is held and
/// goes out right after the next write that ends where a frame ends, in the same record. The peer reads
/// that write's DATA before the acknowledgement, while its estimate is still waiting for it, so it does
/// not PING again for that DATA either. Nothing waits on it longer than <see cref="DefaultHoldTime"/>:
/// then it goes alone, as before. Frame boundaries are followed through every byte written (nine-byte
/// headers, their lengths), so nothing is ever put inside a frame, and bytes other than held
/// acknowledgements keep their order. WINDOW_UPDATE, SETTINGS and the rest are never held: a peer may be
/// waiting for them.
/// </para>
/// </remarks>
internal sealed class PingAckCoalescingStream : Stream
{
    /// <summary>
    /// How long an acknowledgement may wait for company: well beyond a request at one caller on a loaded
    /// machine, so the timer rarely fires while requests flow (each firing wakes the runtime's timer
    /// thread and a pool thread: at 2 ms that was one in every four requests at one caller), and
    /// short against any PING timeout (grpc-go's keepalive waits 20 s by default). What it delays is
    /// only the peer's round-trip sample for its flow-control window estimate.
    /// </summary>
    internal static readonly TimeSpan DefaultHoldTime = TimeSpan.FromMilliseconds(20);

    /// <summary>The client connection preface (RFC 9113, 3.4), which comes before the first frame.</summary>
    internal const int ClientPrefaceLength = 24;

    private const int FrameHeaderLength = 9;
    private const int PingAckLength = FrameHeaderLength + 8;
    private const byte PingType = 0x6;
    private const byte AckFlag = 0x1;

    /// <summary>Acknowledgements held at most; one more is written with them.</summary>
    private const int MaxHeld = 4;

    /// <summary>A TLS record's worth of plaintext: up to this, a write and the held acknowledgements go as one.</summary>
    private const int CombineLimit = 16 * 1024;

    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly TimeSpan _holdTime;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly byte[] _held = new byte[MaxHeld * PingAckLength];
    private readonly byte[] _header = new byte[FrameHeaderLength];
    private int _heldLength;
    private int _headerLength;
    private long _frameRemaining;
    private long _heldSince;
    private bool _timerArmed;
    private volatile bool _disposed;

    /// <param name="inner">The TLS stream.</param>
    /// <param name="prefaceLength">Bytes written before the first frame: <see cref="ClientPrefaceLength"/> for a client, 0 for a server.</param>
    /// <param name="leaveOpen">Whether disposing this leaves <paramref name="inner"/> open.</param>
    /// <param name="time">The clock for <see cref="DefaultHoldTime"/>; the system's unless a test gives one.</param>
    /// <param name="holdTime">How long an acknowledgement may be held; <see cref="DefaultHoldTime"/> unless given.</param>
    public PingAckCoalescingStream(Stream inner, int prefaceLength, bool leaveOpen, TimeProvider? time = null, TimeSpan? holdTime = null)
    {
        _inner = inner;
        _leaveOpen = leaveOpen;
        _frameRemaining = prefaceLength;
        _holdTime = holdTime ?? DefaultHoldTime;
        _time = time ?? TimeProvider.System;
        _timer = _time.CreateTimer(static state => ((PingAckCoalescingStream)state!).OnHoldElapsed(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Acknowledgements held now (for tests).</summary>
    internal int HeldCount => Volatile.Read(ref _heldLength) / PingAckLength;

    public override bool CanRead => _inner.CanRead;

    public override bool CanWrite => _inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    private bool AtFrameStart => _frameRemaining == 0 && _headerLength == 0;

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (AtFrameStart && IsPingAck(buffer.Span) && _heldLength < _held.Length)
            {
                buffer.Span.CopyTo(_held.AsSpan(_heldLength));
                if (_heldLength == 0)
                {
                    _heldSince = _time.GetTimestamp();

                    // A timer already set stays as it is (see SendHeldAsync): setting one per
                    // acknowledgement, one per request, woke the runtime's timer thread each time.
                    if (!_timerArmed)
                    {
                        _timerArmed = true;
                        _timer.Change(_holdTime, Timeout.InfiniteTimeSpan);
                    }
                }

                _heldLength += PingAckLength;
                return;
            }

            Follow(buffer.Span);
            if (_heldLength == 0 || !AtFrameStart)
            {
                await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
                return;
            }

            await WriteWithHeldAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Writes are asynchronous only: our HTTP/2 connections never write synchronously.</summary>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Writes to an HTTP/2 connection are asynchronous.");

    public override void Flush()
    {
        // Held acknowledgements stay held: a writer may flush after every frame it writes, the lone
        // acknowledgement included.
        _inner.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static bool IsPingAck(ReadOnlySpan<byte> frame) =>
        frame.Length == PingAckLength
        && frame[0] == 0 && frame[1] == 0 && frame[2] == 8
        && frame[3] == PingType
        && (frame[4] & AckFlag) != 0
        && (BinaryPrimitives.ReadUInt32BigEndian(frame[5..]) & 0x7FFF_FFFF) == 0;

    /// <summary>Moves the frame position over <paramref name="written"/>: through payloads, and header by header.</summary>
    private void Follow(ReadOnlySpan<byte> written)
    {
        while (!written.IsEmpty)
        {
            if (_frameRemaining > 0)
            {
                var skipped = (int)Math.Min(_frameRemaining, written.Length);
                _frameRemaining -= skipped;
                written = written[skipped..];
                continue;
            }

            var taken = Math.Min(FrameHeaderLength - _headerLength, written.Length);
            written[..taken].CopyTo(_header.AsSpan(_headerLength));
            _headerLength += taken;
            written = written[taken..];
            if (_headerLength == FrameHeaderLength)
            {
                _frameRemaining = (_header[0] << 16) | (_header[1] << 8) | _header[2];
                _headerLength = 0;
            }
        }
    }

    private async ValueTask WriteWithHeldAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = buffer.Length + _heldLength;
        if (total > CombineLimit)
        {
            // Several records anyway: the acknowledgements make one more, as they did alone.
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            await WriteHeldAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var combined = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            buffer.Span.CopyTo(combined);
            _held.AsSpan(0, _heldLength).CopyTo(combined.AsSpan(buffer.Length));
            await _inner.WriteAsync(combined.AsMemory(0, total), cancellationToken).ConfigureAwait(false);
            _heldLength = 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(combined);
        }
    }

    private async ValueTask WriteHeldAsync(CancellationToken cancellationToken)
    {
        await _inner.WriteAsync(_held.AsMemory(0, _heldLength), cancellationToken).ConfigureAwait(false);
        _heldLength = 0;
    }

    private void OnHoldElapsed() => _ = SendHeldAsync();

    /// <summary>
    /// The timer, set when an acknowledgement was held and no timer was: what is held now may have
    /// been held for less than the hold time (the one it was set for went out with a write), and then
    /// waits for the rest of it. What has waited that long goes alone, unless a frame is half written,
    /// which its writer finishes.
    /// </summary>
    private async Task SendHeldAsync()
    {
        await _writing.WaitAsync().ConfigureAwait(false);
        try
        {
            _timerArmed = false;
            if (_disposed || _heldLength == 0)
            {
                return;
            }

            var waited = _time.GetElapsedTime(_heldSince);
            if (waited < _holdTime || !AtFrameStart)
            {
                _timerArmed = true;
                _timer.Change(waited < _holdTime ? _holdTime - waited : _holdTime, Timeout.InfiniteTimeSpan);
                return;
            }

            await WriteHeldAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or NotSupportedException or OperationCanceledException)
        {
            // The connection is gone or going: its own writer reports that.
            _heldLength = 0;
        }
        finally
        {
            _writing.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _timer.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
