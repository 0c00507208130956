using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>One streaming call: messages in from the request body, out to the response body.</summary>
internal sealed class GrpcStream(HttpContext context, int maxReceiveMessageSize) : IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public void Dispose() => _writeGate.Dispose();

    public GrpcCallContext Call { get; } = new(context);

    public ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
        => GrpcFraming.ReadMessageAsync(context.Request.BodyReader, parser, cancellationToken, maxReceiveMessageSize);

    public async Task WriteAsync(IMessage message, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            GrpcFraming.WriteMessage(context.Response.BodyWriter, message);
            await context.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
