using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>
/// gRPC's length-prefixed message framing: one flag byte (compressed or not), a big-endian
/// 32-bit length, then the protobuf bytes. Compression is never negotiated, so a compressed
/// frame is a protocol error.
/// </summary>
internal static class GrpcFraming
{
    public const int HeaderSize = 5;

    /// <summary>
    /// Reads one message, or returns null when the stream ends cleanly between messages. A frame
    /// announcing more than <paramref name="maxMessageSize"/> bytes fails as soon as its header
    /// arrives, before any of its payload is read.
    /// </summary>
    public static async ValueTask<T?> ReadMessageAsync<T>(PipeReader reader, MessageParser<T> parser, CancellationToken cancellationToken, int maxMessageSize = int.MaxValue)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryReadFrame(ref buffer, maxMessageSize, out var payload))
            {
                T message;
                try
                {
                    message = parser.ParseFrom(payload);
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start);
                }

                return message;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var leftover = buffer.Length;
                reader.AdvanceTo(buffer.End);
                if (leftover == 0)
                {
                    return null;
                }

                throw new GrpcException(GrpcStatusCode.Internal, "incomplete gRPC message");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var length = ReadLength(header, maxMessageSize);
        if (buffer.Length - HeaderSize < length)
        {
            return false;
        }

        payload = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(HeaderSize + length);
        return true;
    }

    /// <summary>
    /// The payload length a frame's header announces, checked: an uncompressed frame of at most
    /// <paramref name="maxMessageSize"/> bytes.
    /// </summary>
    public static int ReadLength(ReadOnlySpan<byte> header, int maxMessageSize)
    {
        if (header[0] != 0)
        {
            throw new GrpcException(GrpcStatusCode.Unimplemented, "compressed gRPC messages are not supported");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageSize)
        {
            // grpc-go's wording, which Vault logs.
            throw new GrpcException(GrpcStatusCode.ResourceExhausted, $"grpc: received message larger than max ({length} vs. {maxMessageSize})");
        }

        return (int)length;
    }

    /// <summary>Writes one framed message into <paramref name="writer"/> (not flushed).</summary>
    public static void WriteMessage(IBufferWriter<byte> writer, IMessage message)
    {
        var size = message.CalculateSize();
        var header = writer.GetSpan(HeaderSize);
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)size);
        writer.Advance(HeaderSize);
        if (size > 0)
        {
            message.WriteTo(writer);
        }
    }

    /// <summary>One framed message as a fresh array.</summary>
    public static byte[] Frame(IMessage message)
    {
        var size = message.CalculateSize();
        var bytes = new byte[HeaderSize + size];
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), (uint)size);
        message.WriteTo(bytes.AsSpan(HeaderSize));
        return bytes;
    }
}
