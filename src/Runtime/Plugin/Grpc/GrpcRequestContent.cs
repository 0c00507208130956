using System.Net;
using System.Net.Http.Headers;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>
/// One framed request message as the body of a call. <see cref="SocketsHttpHandler"/> asks for the
/// body only once the call's HEADERS frame is written, so the first read of it also says the call
/// no longer holds its header buffer: it then gives back the permit it took from a gate.
/// </summary>
internal sealed class GrpcRequestContent : HttpContent
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");
    private readonly byte[] _frame;
    private SemaphoreSlim? _permit;

    /// <param name="frame">The framed message (<see cref="GrpcFraming.Frame"/>).</param>
    /// <param name="permit">The gate the caller enters before sending: released once, by whichever
    /// of the body's first read and <see cref="ReleasePermit"/> comes first.</param>
    public GrpcRequestContent(byte[] frame, SemaphoreSlim permit)
    {
        _frame = frame;
        _permit = permit;
        Headers.ContentType = GrpcContentType;
    }

    /// <summary>Gives the permit back if the body has not done so (the call failed before it).</summary>
    public void ReleasePermit() => Interlocked.Exchange(ref _permit, null)?.Release();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        ReleasePermit();
        return stream.WriteAsync(_frame, cancellationToken).AsTask();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _frame.Length;
        return true;
    }
}
