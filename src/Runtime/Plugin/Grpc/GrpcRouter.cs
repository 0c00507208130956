using System.Text;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using VaultPathGen.Plugin.Grpc.Http2;
using static VaultPathGen.RuntimeLog;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>
/// One gRPC method as the server runs it: unary (run once the request is whole) or streaming (run as
/// soon as the call starts, reading and writing through <see cref="GrpcStream"/>).
/// </summary>
internal abstract class GrpcMethod(ILogger logger)
{
    public abstract bool Streaming { get; }

    /// <summary>Runs the call to its end; never throws (failures become the call's status).</summary>
    public async Task RunAsync(Http2ServerStream stream)
    {
        try
        {
            await CallAsync(stream).ConfigureAwait(false);
            stream.Completed?.Invoke();
            return;
        }
        catch (GrpcException e)
        {
            await EndQuietlyAsync(stream, e.Status, e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stream.CancellationToken.IsCancellationRequested)
        {
            // The peer went away; there is nobody to answer.
        }
        catch (Exception e) when (e is IOException || stream.CancellationToken.IsCancellationRequested)
        {
            // The host reset the call or closed its connection, as it does when it shuts us down:
            // expected, and not an error.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var errorType = e.GetType().Name;
                LogCallEnded(logger, stream.Path, errorType, e.Message);
            }

            // A call still open (the I/O that failed was not its own) is ended, not left to hold its
            // stream for good; one the host reset or whose connection closed has nothing to answer.
            await EndQuietlyAsync(stream, GrpcStatusCode.Unavailable, e.Message).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogMethodFailed(logger, stream.Path, e.GetType().Name, e.Message);
            await EndQuietlyAsync(stream, GrpcStatusCode.Internal, "internal error").ConfigureAwait(false);
        }
        finally
        {
            stream.ReleaseBody();
        }
    }

    /// <summary>The call itself: what it throws becomes its status.</summary>
    protected abstract Task CallAsync(Http2ServerStream stream);

    private static async Task EndQuietlyAsync(Http2ServerStream stream, GrpcStatusCode status, string message)
    {
        try
        {
            await stream.Connection.CompleteAsync(stream, status, message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The connection went while answering: nobody to tell.
        }
    }
}

/// <summary>A unary method: one request message in, one reply out.</summary>
internal sealed class UnaryMethod<TRequest, TResponse>(ILogger logger, MessageParser<TRequest> parser, Func<TRequest, GrpcCallContext, ValueTask<TResponse>> handler, int maxReceiveMessageSize) : GrpcMethod(logger)
    where TRequest : class, IMessage<TRequest>
    where TResponse : IMessage
{
    public override bool Streaming => false;

    protected override async Task CallAsync(Http2ServerStream stream)
    {
        var request = ParseRequest(stream);
        var response = await handler(request, new GrpcCallContext(stream)).ConfigureAwait(false);
        await stream.Connection.RespondAsync(stream, response).ConfigureAwait(false);
    }

    /// <summary>The call's one message, from its whole body.</summary>
    private TRequest ParseRequest(Http2ServerStream stream)
    {
        try
        {
            var body = stream.Body;
            if (body.IsEmpty)
            {
                throw new GrpcException(GrpcStatusCode.Internal, "request message missing");
            }

            if (body.Length < GrpcFraming.HeaderSize)
            {
                throw new GrpcException(GrpcStatusCode.Internal, "incomplete gRPC message");
            }

            var length = GrpcFraming.ReadLength(body, maxReceiveMessageSize);
            var payload = body[GrpcFraming.HeaderSize..];
            if (payload.Length < length)
            {
                throw new GrpcException(GrpcStatusCode.Internal, "incomplete gRPC message");
            }

            if (payload.Length > length)
            {
                throw new GrpcException(GrpcStatusCode.Internal, "more than one request message in a unary call");
            }

            return parser.ParseFrom(payload);
        }
        finally
        {
            stream.ReleaseBody();
        }
    }
}

/// <summary>A streaming method: messages both ways until the handler returns.</summary>
internal sealed class StreamingMethod(ILogger logger, Func<GrpcStream, Task> handler, int maxReceiveMessageSize) : GrpcMethod(logger)
{
    public override bool Streaming => true;

    protected override async Task CallAsync(Http2ServerStream stream)
    {
        await stream.Connection.SendHeadersAsync(stream).ConfigureAwait(false);
        using var call = new GrpcStream(stream, maxReceiveMessageSize);
        await handler(call).ConfigureAwait(false);
        await stream.Connection.CompleteAsync(stream, GrpcStatusCode.Ok, "").ConfigureAwait(false);
    }
}

/// <summary>What a path no method has gets: UNIMPLEMENTED, once its request is in.</summary>
internal sealed class UnknownMethod(ILogger logger) : GrpcMethod(logger)
{
    public override bool Streaming => false;

    protected override Task CallAsync(Http2ServerStream stream)
        => throw new GrpcException(GrpcStatusCode.Unimplemented, $"unknown method {stream.Path}");
}

/// <summary>
/// A minimal gRPC server on <see cref="Http2ServerConnection"/>: maps <c>/package.Service/Method</c>
/// paths to handlers and does the framing and statuses. Only what go-plugin and Vault use: unary calls,
/// server streams and bidirectional streams, no compression.
/// </summary>
internal sealed class GrpcRouter(ILogger logger, int maxReceiveMessageSize = int.MaxValue)
{
    private readonly Dictionary<string, GrpcMethod> _methods = new(StringComparer.Ordinal);
    private readonly UnknownMethod _unknown = new(logger);

    /// <summary>The largest request message taken.</summary>
    public int MaxReceiveMessageSize => maxReceiveMessageSize;

    public void MapUnary<TRequest, TResponse>(string method, MessageParser<TRequest> parser, Func<TRequest, GrpcCallContext, ValueTask<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : IMessage
        => _methods.Add(method, new UnaryMethod<TRequest, TResponse>(logger, parser, handler, maxReceiveMessageSize));

    /// <summary>Maps a streaming method; the handler reads and writes through <see cref="GrpcStream"/>.</summary>
    public void MapStreaming(string method, Func<GrpcStream, Task> handler)
        => _methods.Add(method, new StreamingMethod(logger, handler, maxReceiveMessageSize));

    /// <summary>The method a path names; an unknown one answers UNIMPLEMENTED once its request is in.</summary>
    public GrpcMethod Resolve(string path) => _methods.GetValueOrDefault(path) ?? _unknown;

    /// <summary>gRPC's percent-encoding of <c>grpc-message</c>: printable ASCII except '%' passes.</summary>
    internal static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
