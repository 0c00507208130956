using System.Text;
using VaultPathGen.Plugin.Grpc;

namespace VaultPathGen.Runtime.Tests.Plugin;

public sealed class PingAckCoalescingStreamTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromMilliseconds(2);

    private readonly FakeTime _time = new();
    private readonly RecordingStream _inner = new();

    private PingAckCoalescingStream Server() => new(_inner, prefaceLength: 0, leaveOpen: true, _time, Hold);

    private static byte[] Frame(byte type, byte flags, int streamId, int payloadLength, byte fill = 0xAB)
    {
        var frame = new byte[9 + payloadLength];
        frame[0] = (byte)(payloadLength >> 16);
        frame[1] = (byte)(payloadLength >> 8);
        frame[2] = (byte)payloadLength;
        frame[3] = type;
        frame[4] = flags;
        frame[5] = (byte)(streamId >> 24);
        frame[6] = (byte)(streamId >> 16);
        frame[7] = (byte)(streamId >> 8);
        frame[8] = (byte)streamId;
        frame.AsSpan(9).Fill(fill);
        return frame;
    }

    private static byte[] PingAck(byte fill = 1) => Frame(0x6, 0x1, 0, 8, fill);

    private static byte[] Headers(int streamId = 1) => Frame(0x1, 0x4, streamId, 20);

    private static byte[] Data(int streamId, int length) => Frame(0x0, 0x0, streamId, length, 0x55);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    [Fact]
    public async Task A_lone_PING_acknowledgement_goes_out_after_the_next_frames_in_the_same_write()
    {
        await using var stream = Server();
        var ack = PingAck();
        var headers = Headers();

        await stream.WriteAsync(ack);
        Assert.Empty(_inner.Writes);
        Assert.Equal(1, stream.HeldCount);

        await stream.WriteAsync(headers);
        var write = Assert.Single(_inner.Writes);
        Assert.Equal(Concat(headers, ack), write);
        Assert.Equal(0, stream.HeldCount);
    }

    [Fact]
    public async Task An_acknowledgement_nothing_follows_goes_alone_once_the_hold_time_has_passed()
    {
        await using var stream = Server();
        var ack = PingAck();

        await stream.WriteAsync(ack);
        _time.Advance(Hold - TimeSpan.FromTicks(1));
        Assert.Empty(_inner.Writes);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(ack, Assert.Single(_inner.Writes));
        Assert.Equal(0, stream.HeldCount);

        // Nothing is written twice: the next frames go alone.
        var headers = Headers();
        await stream.WriteAsync(headers);
        Assert.Equal(headers, _inner.Writes[1]);
    }

    [Fact]
    public async Task An_acknowledgement_held_after_an_earlier_one_went_out_still_waits_its_whole_hold_time()
    {
        await using var stream = Server();
        var headers = Headers();
        var second = PingAck(2);

        // The timer set for the first acknowledgement is still running when the second is held.
        await stream.WriteAsync(PingAck(1));
        _time.Advance(Hold / 4);
        await stream.WriteAsync(headers);
        _time.Advance(Hold / 2);
        await stream.WriteAsync(second);
        Assert.Single(_inner.Writes);

        // At the first one's time the second has waited a quarter of its own: it stays.
        _time.Advance(Hold / 4);
        Assert.Single(_inner.Writes);
        Assert.Equal(1, stream.HeldCount);

        _time.Advance(Hold * 3 / 4 - TimeSpan.FromTicks(1));
        Assert.Single(_inner.Writes);
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(second, _inner.Writes[1]);
    }

    [Fact]
    public async Task Payload_bytes_that_look_like_an_acknowledgement_are_written_at_once()
    {
        await using var stream = Server();
        var data = Data(1, 17);
        var lookalike = PingAck(7);

        // A DATA frame of 17 bytes whose payload is, byte for byte, a PING acknowledgement.
        await stream.WriteAsync(data.AsMemory(0, 9));
        await stream.WriteAsync(lookalike);

        Assert.Equal(2, _inner.Writes.Count);
        Assert.Equal(lookalike, _inner.Writes[1]);
        Assert.Equal(0, stream.HeldCount);
    }

    [Fact]
    public async Task An_acknowledgement_waits_for_the_end_of_a_frame_written_in_parts_even_past_the_hold_time()
    {
        await using var stream = Server();
        var ack = PingAck();
        var data = Data(3, 1000);

        await stream.WriteAsync(ack);
        await stream.WriteAsync(data.AsMemory(0, 400));
        Assert.Equal(data[..400], Assert.Single(_inner.Writes));

        // The frame is half written: the acknowledgement may not go between its bytes.
        _time.Advance(Hold * 3);
        Assert.Single(_inner.Writes);
        Assert.Equal(1, stream.HeldCount);

        await stream.WriteAsync(data.AsMemory(400));
        Assert.Equal(Concat(data[400..], ack), _inner.Writes[1]);
        Assert.Equal(0, stream.HeldCount);
    }

    [Theory]
    [InlineData(0x8, 0x0, 4)] // WINDOW_UPDATE: the peer may be waiting for it
    [InlineData(0x6, 0x0, 8)] // a PING of our own, not an acknowledgement
    [InlineData(0x4, 0x1, 0)] // SETTINGS acknowledgement
    [InlineData(0x3, 0x0, 4)] // RST_STREAM
    public async Task Other_frames_are_written_at_once(byte type, byte flags, int length)
    {
        await using var stream = Server();
        var frame = Frame(type, flags, type == 0x3 ? 1 : 0, length);

        await stream.WriteAsync(frame);

        Assert.Equal(frame, Assert.Single(_inner.Writes));
    }

    [Fact]
    public async Task An_acknowledgement_written_with_other_frames_is_written_at_once()
    {
        await using var stream = Server();
        var both = Concat(Frame(0x8, 0, 0, 4), PingAck());

        await stream.WriteAsync(both);

        Assert.Equal(both, Assert.Single(_inner.Writes));
    }

    [Fact]
    public async Task A_client_skips_its_connection_preface_before_looking_for_frames()
    {
        var preface = Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        Assert.Equal(PingAckCoalescingStream.ClientPrefaceLength, preface.Length);

        await using (var client = new PingAckCoalescingStream(_inner, PingAckCoalescingStream.ClientPrefaceLength, leaveOpen: true, _time, Hold))
        {
            await client.WriteAsync(Concat(preface, Frame(0x4, 0, 0, 6)));
            await client.WriteAsync(PingAck());
            Assert.Equal(1, client.HeldCount);
        }

        // Read as frames, the preface announces a payload of 5 MiB ("PRI"), and nothing after it
        // would be a frame's start.
        await using var withoutSkip = new PingAckCoalescingStream(_inner, prefaceLength: 0, leaveOpen: true, _time, Hold);
        await withoutSkip.WriteAsync(Concat(preface, Frame(0x4, 0, 0, 6)));
        await withoutSkip.WriteAsync(PingAck());
        Assert.Equal(0, withoutSkip.HeldCount);
    }

    [Fact]
    public async Task Acknowledgements_beyond_the_limit_go_out_together_with_the_last()
    {
        await using var stream = Server();
        var acks = Enumerable.Range(1, 5).Select(i => PingAck((byte)i)).ToArray();

        for (var i = 0; i < 4; i++)
        {
            await stream.WriteAsync(acks[i]);
        }

        Assert.Empty(_inner.Writes);
        await stream.WriteAsync(acks[4]);

        Assert.Equal(Concat(acks[4], acks[0], acks[1], acks[2], acks[3]), Assert.Single(_inner.Writes));
        Assert.Equal(0, stream.HeldCount);
    }

    [Fact]
    public async Task After_a_write_larger_than_a_record_the_acknowledgement_is_written_separately()
    {
        await using var stream = Server();
        var ack = PingAck();
        var data = Data(1, 20_000);

        await stream.WriteAsync(ack);
        await stream.WriteAsync(data);

        Assert.Equal([data, ack], _inner.Writes);
    }

    [Fact]
    public async Task A_disposed_stream_writes_nothing_when_the_hold_time_passes()
    {
        var stream = Server();
        await stream.WriteAsync(PingAck());
        await stream.DisposeAsync();

        _time.Advance(Hold * 2);

        Assert.Empty(_inner.Writes);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await stream.WriteAsync(Headers()));
    }

    [Fact]
    public async Task A_failed_write_of_held_acknowledgements_is_dropped_quietly()
    {
        await using var stream = Server();
        await stream.WriteAsync(PingAck());
        _inner.FailWrites = true;

        _time.Advance(Hold);

        Assert.Equal(0, stream.HeldCount);
        Assert.Empty(_inner.Writes);
    }

    /// <summary>
    /// Frames of every kind written in random pieces come out as the same frames: everything but the
    /// acknowledgements in the order written, each acknowledgement after where it was written, none
    /// lost, none inside another frame.
    /// </summary>
    [Fact]
    public async Task Random_frames_in_random_pieces_keep_their_bytes_and_order()
    {
        var random = new Random(20261201);
        for (var round = 0; round < 200; round++)
        {
            var inner = new RecordingStream();
            await using var stream = new PingAckCoalescingStream(inner, prefaceLength: 0, leaveOpen: true, _time, Hold);
            var frames = new List<byte[]>();
            for (var i = random.Next(1, 30); i > 0; i--)
            {
                frames.Add(random.Next(4) switch
                {
                    0 => PingAck((byte)random.Next(256)),
                    1 => Data(1 + (2 * random.Next(5)), random.Next(0, 40_000)),
                    2 => Headers(1 + (2 * random.Next(5))),
                    _ => Frame(0x8, 0, 0, 4, (byte)random.Next(256)),
                });
            }

            // Written frame by frame (as HTTP/2 stacks flush) or cut anywhere.
            var all = Concat([.. frames]);
            var pieces = random.Next(2) == 0 ? frames : Cut(all, random);
            foreach (var piece in pieces)
            {
                await stream.WriteAsync(piece);
            }

            _time.Advance(Hold);

            var output = Concat([.. inner.Writes]);
            Assert.Equal(all.Length, output.Length);
            var written = ParseFrames(output);
            Assert.Equal(frames.Where(f => !IsAck(f)).Select(Convert.ToHexString), written.Where(f => !IsAck(f)).Select(Convert.ToHexString));
            Assert.Equal(frames.Where(IsAck).Select(Convert.ToHexString).Order(), written.Where(IsAck).Select(Convert.ToHexString).Order());
        }
    }

    private static bool IsAck(byte[] frame) => frame.Length == 17 && frame[3] == 0x6 && frame[4] == 0x1;

    private static List<byte[]> Cut(byte[] all, Random random)
    {
        var pieces = new List<byte[]>();
        for (var at = 0; at < all.Length;)
        {
            var length = Math.Min(all.Length - at, random.Next(1, 3000));
            pieces.Add(all[at..(at + length)]);
            at += length;
        }

        return pieces;
    }

    private static List<byte[]> ParseFrames(byte[] bytes)
    {
        var frames = new List<byte[]>();
        for (var at = 0; at < bytes.Length;)
        {
            var length = (bytes[at] << 16) | (bytes[at + 1] << 8) | bytes[at + 2];
            frames.Add(bytes[at..(at + 9 + length)]);
            at += 9 + length;
        }

        return frames;
    }

    private sealed class RecordingStream : Stream
    {
        public List<byte[]> Writes { get; } = [];

        public bool FailWrites { get; set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (FailWrites)
            {
                throw new IOException("the connection is gone");
            }

            Writes.Add(buffer.ToArray());
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
