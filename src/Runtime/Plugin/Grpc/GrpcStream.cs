using Google.Protobuf;
using VaultPathGen.Plugin.Grpc.Http2;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>One streaming call: messages in from the request body, out as the answer's DATA.</summary>
internal sealed class GrpcStream(Http2ServerStream stream, int maxReceiveMessageSize) : IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public void Dispose() => _writeGate.Dispose();

    public GrpcCallContext Call { get; } = new(stream);

    public ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
        => GrpcFraming.ReadMessageAsync(stream.Inbound!.Reader, parser, cancellationToken, maxReceiveMessageSize);

    public async Task WriteAsync(IMessage message, CancellationToken cancellationToken)
    {
        // One message's frames at a time: a message split by the windows is not interleaved with another.
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stream.Connection.SendMessageAsync(stream, GrpcFraming.Frame(message)).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
