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
internal sealed class GrpcMethod(bool streaming, Func<Http2ServerStream, Task> run)
{
    public bool Streaming { get; } = streaming;

    /// <summary>Runs the call to its end; never throws (failures become the call's status).</summary>
    public Task RunAsync(Http2ServerStream stream) => run(stream);
}

/// <summary>
/// A minimal gRPC server on <see cref="Http2ServerConnection"/>: maps <c>/package.Service/Method</c>
/// paths to handlers and does the framing and statuses. Only what go-plugin and Vault use: unary calls,
/// server streams and bidirectional streams, no compression.
/// </summary>
internal sealed partial class GrpcRouter(ILogger logger, int maxReceiveMessageSize = int.MaxValue)
{
    private readonly Dictionary<string, GrpcMethod> _methods = new(StringComparer.Ordinal);

    /// <summary>The largest request message taken.</summary>
    public int MaxReceiveMessageSize => maxReceiveMessageSize;

    public void MapUnary<TRequest, TResponse>(string method, MessageParser<TRequest> parser, Func<TRequest, GrpcCallContext, ValueTask<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : IMessage
    {
        _methods.Add(method, new GrpcMethod(streaming: false, stream => RunAsync(stream, async () =>
        {
            var request = ParseRequest(stream, parser);
            var response = await handler(request, new GrpcCallContext(stream)).ConfigureAwait(false);
            await stream.Connection.RespondAsync(stream, response).ConfigureAwait(false);
        })));
    }

    /// <summary>Maps a streaming method; the handler reads and writes through <see cref="GrpcStream"/>.</summary>
    public void MapStreaming(string method, Func<GrpcStream, Task> handler)
    {
        _methods.Add(method, new GrpcMethod(streaming: true, stream => RunAsync(stream, async () =>
        {
            await stream.Connection.SendHeadersAsync(stream).ConfigureAwait(false);
            using var call = new GrpcStream(stream, maxReceiveMessageSize);
            await handler(call).ConfigureAwait(false);
            await stream.Connection.CompleteAsync(stream, GrpcStatusCode.Ok, "").ConfigureAwait(false);
        })));
    }

    /// <summary>The method a path names; an unknown one answers UNIMPLEMENTED once its request is in.</summary>
    public GrpcMethod Resolve(string path)
        => _methods.TryGetValue(path, out var method)
            ? method
            : new GrpcMethod(streaming: false, stream => RunAsync(stream, () => throw new GrpcException(GrpcStatusCode.Unimplemented, $"unknown method {stream.Path}")));

    /// <summary>A unary call's one message, from its whole body.</summary>
    private TRequest ParseRequest<TRequest>(Http2ServerStream stream, MessageParser<TRequest> parser)
        where TRequest : class, IMessage<TRequest>
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

    /// <summary>Runs a call, turning what it throws into its status.</summary>
    private async Task RunAsync(Http2ServerStream stream, Func<Task> call)
    {
        var path = stream.Path;
        try
        {
            await call().ConfigureAwait(false);
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
                LogCallEnded(logger, path, errorType, e.Message);
            }

            // A call still open (the I/O that failed was not its own) is ended, not left to hold its
            // stream for good; one the host reset or whose connection closed has nothing to answer.
            await EndQuietlyAsync(stream, GrpcStatusCode.Unavailable, e.Message).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogMethodFailed(logger, path, e.GetType().Name, e.Message);
            await EndQuietlyAsync(stream, GrpcStatusCode.Internal, "internal error").ConfigureAwait(false);
        }
    }

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
