using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VaultPathGen.Plugin.Grpc.Http2;

namespace VaultPathGen.Runtime.Tests.Plugin;

internal sealed record Http2TestFrame(Http2FrameType Type, byte Flags, int StreamId, byte[] Payload)
{
    /// <summary>The error code of a RST_STREAM or GOAWAY.</summary>
    public Http2ErrorCode ErrorCode => (Http2ErrorCode)BinaryPrimitives.ReadUInt32BigEndian(Payload.AsSpan(Type == Http2FrameType.GoAway ? 4 : 0));
}

/// <summary>
/// The scripted end of a loopback socket: reads every frame the connection under test writes, and
/// writes bytes as the test chooses, including frames a well-behaved peer never sends.
/// </summary>
internal sealed class Http2Peer(NetworkStream stream, CancellationToken cancellationToken) : IAsyncDisposable
{
    /// <summary>How long one wait for the other side may take.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly NetworkStream _stream = stream;

    /// <summary>Connects a loopback pair: the peer (the test's end) and the stream of the other end.</summary>
    public static async Task<(Http2Peer Peer, NetworkStream Other)> ConnectAsync(CancellationToken cancellationToken)
    {
        var (ours, other) = await LoopbackAsync(cancellationToken);
        return (new Http2Peer(ours, cancellationToken), other);
    }

    /// <summary>Both ends of a new loopback TCP connection; each stream owns its socket.</summary>
    public static async Task<(NetworkStream Accepted, NetworkStream Connected)> LoopbackAsync(CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connected = new TcpClient { NoDelay = true };
        await connected.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, cancellationToken);
        var accepted = await listener.AcceptTcpClientAsync(cancellationToken);
        accepted.NoDelay = true;
        return (accepted.GetStream(), connected.GetStream());
    }

    public async Task<Http2TestFrame> NextAsync()
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        var header = new byte[9];
        await _stream.ReadExactlyAsync(header, patience.Token);
        var payload = new byte[(header[0] << 16) | (header[1] << 8) | header[2]];
        await _stream.ReadExactlyAsync(payload, patience.Token);
        return new Http2TestFrame((Http2FrameType)header[3], header[4], BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5)) & int.MaxValue, payload);
    }

    public async Task ReadExactlyAsync(byte[] buffer)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        await _stream.ReadExactlyAsync(buffer, patience.Token);
    }

    /// <summary>
    /// Reads until the other side closes; returns how many bytes came meanwhile. A reset counts as
    /// closed: a side that closes with bytes of ours unread resets the connection.
    /// </summary>
    public async Task<int> ReadToEndAsync()
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        var total = 0;
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, patience.Token)) > 0)
            {
                total += read;
            }
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
        }

        return total;
    }

    public Task WriteAsync(byte[] bytes) => _stream.WriteAsync(bytes, cancellationToken).AsTask();

    public static byte[] Frame(Http2FrameType type, byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        var writer = new ArrayBufferWriter<byte>();
        Http2Frames.WriteHeader(writer, payload.Length, type, flags, streamId);
        writer.Write(payload);
        return writer.WrittenSpan.ToArray();
    }

    public static byte[] Setting(ushort id, uint value)
    {
        var writer = new ArrayBufferWriter<byte>();
        Http2Frames.WriteSetting(writer, id, value);
        return writer.WrittenSpan.ToArray();
    }

    public static byte[] WindowUpdate(int streamId, int increment)
    {
        var writer = new ArrayBufferWriter<byte>();
        Http2Frames.WriteWindowUpdate(writer, streamId, increment);
        return writer.WrittenSpan.ToArray();
    }

    public static byte[] RstStream(int streamId, Http2ErrorCode code)
    {
        var writer = new ArrayBufferWriter<byte>();
        Http2Frames.WriteRstStream(writer, streamId, code);
        return writer.WrittenSpan.ToArray();
    }

    public static byte[] GoAway(int lastStreamId, Http2ErrorCode code, string debug)
    {
        var payload = new byte[8 + debug.Length];
        BinaryPrimitives.WriteInt32BigEndian(payload, lastStreamId);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(4), (uint)code);
        Encoding.ASCII.GetBytes(debug, payload.AsSpan(8));
        return Frame(Http2FrameType.GoAway, 0, 0, payload);
    }

    /// <summary>A literal field without indexing, new name, no Huffman.</summary>
    public static byte[] Literal(string name, string value)
    {
        var writer = new ArrayBufferWriter<byte>();
        writer.Write<byte>([0]);
        Http2Frames.WriteHpackString(writer, Encoding.UTF8.GetBytes(name));
        Http2Frames.WriteHpackString(writer, Encoding.UTF8.GetBytes(value));
        return writer.WrittenSpan.ToArray();
    }

    public static byte[] Headers(int streamId, bool endStream, params (string Name, string Value)[] fields)
    {
        var block = fields.SelectMany(f => Literal(f.Name, f.Value)).ToArray();
        return Frame(Http2FrameType.Headers, (byte)(Http2Flags.EndHeaders | (endStream ? Http2Flags.EndStream : 0)), streamId, block);
    }

    /// <summary>A SETTINGS payload as (id, value) pairs.</summary>
    public static List<(ushort, uint)> Settings(byte[] payload)
    {
        var settings = new List<(ushort, uint)>();
        for (var i = 0; i < payload.Length; i += 6)
        {
            settings.Add((BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(i)), BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(i + 2))));
        }

        return settings;
    }

    /// <summary>A header block's fields as name, value, name, value…</summary>
    public static List<string> Decode(HpackDecoder decoder, byte[] block)
    {
        var sink = new Fields();
        decoder.Decode(block, sink);
        return sink.All;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private sealed class Fields : IHpackHeaderSink
    {
        public List<string> All { get; } = [];

        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            All.Add(Encoding.UTF8.GetString(name));
            All.Add(Encoding.UTF8.GetString(value));
        }
    }
}
