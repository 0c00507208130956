using System.Buffers;
using System.Buffers.Binary;

namespace VaultPathGen.Plugin.Grpc.Http2;

/// <summary>HTTP/2 frame types (RFC 9113, 6).</summary>
internal enum Http2FrameType : byte
{
    Data = 0x0,
    Headers = 0x1,
    Priority = 0x2,
    RstStream = 0x3,
    Settings = 0x4,
    PushPromise = 0x5,
    Ping = 0x6,
    GoAway = 0x7,
    WindowUpdate = 0x8,
    Continuation = 0x9,
}

/// <summary>HTTP/2 error codes (RFC 9113, 7).</summary>
internal enum Http2ErrorCode : uint
{
    NoError = 0x0,
    ProtocolError = 0x1,
    InternalError = 0x2,
    FlowControlError = 0x3,
    SettingsTimeout = 0x4,
    StreamClosed = 0x5,
    FrameSizeError = 0x6,
    RefusedStream = 0x7,
    Cancel = 0x8,
    CompressionError = 0x9,
    ConnectError = 0xa,
    EnhanceYourCalm = 0xb,
    InadequateSecurity = 0xc,
    Http11Required = 0xd,
}

/// <summary>Frame flags (RFC 9113, 6); ACK and END_STREAM share a bit on different frame types.</summary>
internal static class Http2Flags
{
    public const byte EndStream = 0x1;
    public const byte Ack = 0x1;
    public const byte EndHeaders = 0x4;
    public const byte Padded = 0x8;
    public const byte Priority = 0x20;
}

/// <summary>Writing frames into a buffer, and what every frame starts with.</summary>
internal static class Http2Frames
{
    public const int HeaderLength = 9;

    /// <summary>SETTINGS_MAX_FRAME_SIZE's default and least value: what a peer may always send.</summary>
    public const int DefaultMaxFrameSize = 16384;

    /// <summary>The initial flow-control window of a connection and of each stream.</summary>
    public const int DefaultWindow = 65535;

    public const int MaxWindow = int.MaxValue;

    /// <summary>The client connection preface (RFC 9113, 3.4).</summary>
    public static ReadOnlySpan<byte> ClientPreface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    public const ushort SettingsHeaderTableSize = 0x1;
    public const ushort SettingsEnablePush = 0x2;
    public const ushort SettingsMaxConcurrentStreams = 0x3;
    public const ushort SettingsInitialWindowSize = 0x4;
    public const ushort SettingsMaxFrameSize = 0x5;
    public const ushort SettingsMaxHeaderListSize = 0x6;

    public static void WriteHeader(IBufferWriter<byte> writer, int length, Http2FrameType type, byte flags, int streamId)
    {
        var span = writer.GetSpan(HeaderLength);
        span[0] = (byte)(length >> 16);
        span[1] = (byte)(length >> 8);
        span[2] = (byte)length;
        span[3] = (byte)type;
        span[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(span[5..], streamId & int.MaxValue);
        writer.Advance(HeaderLength);
    }

    public static void WriteSetting(IBufferWriter<byte> writer, ushort id, uint value)
    {
        var span = writer.GetSpan(6);
        BinaryPrimitives.WriteUInt16BigEndian(span, id);
        BinaryPrimitives.WriteUInt32BigEndian(span[2..], value);
        writer.Advance(6);
    }

    public static void WriteWindowUpdate(IBufferWriter<byte> writer, int streamId, int increment)
    {
        WriteHeader(writer, 4, Http2FrameType.WindowUpdate, 0, streamId);
        WriteUInt32(writer, (uint)increment);
    }

    public static void WriteRstStream(IBufferWriter<byte> writer, int streamId, Http2ErrorCode code)
    {
        WriteHeader(writer, 4, Http2FrameType.RstStream, 0, streamId);
        WriteUInt32(writer, (uint)code);
    }

    public static void WriteGoAway(IBufferWriter<byte> writer, int lastStreamId, Http2ErrorCode code)
    {
        WriteHeader(writer, 8, Http2FrameType.GoAway, 0, 0);
        WriteUInt32(writer, (uint)lastStreamId);
        WriteUInt32(writer, (uint)code);
    }

    public static void WriteUInt32(IBufferWriter<byte> writer, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    /// <summary>
    /// An HPACK integer with an N-bit prefix (RFC 7541, 5.1); <paramref name="firstByte"/> holds the
    /// bits above the prefix.
    /// </summary>
    public static void WriteHpackInteger(IBufferWriter<byte> writer, byte firstByte, int prefixBits, int value)
    {
        var max = (1 << prefixBits) - 1;
        if (value < max)
        {
            writer.Write([(byte)(firstByte | value)]);
            return;
        }

        writer.Write([(byte)(firstByte | max)]);
        value -= max;
        while (value >= 0x80)
        {
            writer.Write([(byte)((value & 0x7F) | 0x80)]);
            value >>= 7;
        }

        writer.Write([(byte)value]);
    }

    /// <summary>A string literal, not Huffman-coded (RFC 7541, 5.2).</summary>
    public static void WriteHpackString(IBufferWriter<byte> writer, ReadOnlySpan<byte> value)
    {
        WriteHpackInteger(writer, 0, 7, value.Length);
        writer.Write(value);
    }
}
