using System.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static VaultPathGen.RuntimeLog;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>
/// A minimal gRPC server over ASP.NET Core's HTTP/2: maps <c>/package.Service/Method</c> paths to
/// handlers and does the framing, status headers and trailers. Only what go-plugin and Vault use:
/// unary calls, server streams and bidirectional streams, no compression.
/// </summary>
internal sealed partial class GrpcRouter(ILogger logger, int maxReceiveMessageSize = int.MaxValue)
{
    private const string GrpcContentType = "application/grpc";
    private readonly Dictionary<string, RequestDelegate> _methods = new(StringComparer.Ordinal);

    public void MapUnary<TRequest, TResponse>(string method, MessageParser<TRequest> parser, Func<TRequest, GrpcCallContext, ValueTask<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : IMessage
    {
        _methods.Add(method, async context =>
        {
            var call = new GrpcCallContext(context);
            var request = await GrpcFraming.ReadMessageAsync(context.Request.BodyReader, parser, call.CancellationToken, maxReceiveMessageSize).ConfigureAwait(false)
                ?? throw new GrpcException(GrpcStatusCode.Internal, "request message missing");

            // Wait for the client's end of stream: answering (or, after Shutdown, closing the
            // connection) while it is still sending makes it see a reset instead of the reply.
            if (await GrpcFraming.ReadMessageAsync(context.Request.BodyReader, parser, call.CancellationToken, maxReceiveMessageSize).ConfigureAwait(false) is not null)
            {
                throw new GrpcException(GrpcStatusCode.Internal, "more than one request message in a unary call");
            }
            var response = await handler(request, call).ConfigureAwait(false);
            context.Response.ContentType = GrpcContentType;
            GrpcFraming.WriteMessage(context.Response.BodyWriter, response);
            context.Response.AppendTrailer("grpc-status", "0");

            // Not flushed here: Kestrel writes headers, message and trailers when the call returns.
        });
    }

    /// <summary>Maps a streaming method; the handler reads and writes through <see cref="GrpcStream"/>.</summary>
    public void MapStreaming(string method, Func<GrpcStream, Task> handler)
    {
        _methods.Add(method, async context =>
        {
            context.Response.ContentType = GrpcContentType;
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            using var stream = new GrpcStream(context, maxReceiveMessageSize);
            await handler(stream).ConfigureAwait(false);
            context.Response.AppendTrailer("grpc-status", "0");
        });
    }

    public async Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!_methods.TryGetValue(path, out var method))
        {
            // Read what the client sends first: answering mid-upload resets the stream, and some
            // clients report that reset instead of the status.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            WriteStatus(context, GrpcStatusCode.Unimplemented, $"unknown method {path}");
            return;
        }

        try
        {
            await method(context).ConfigureAwait(false);
        }
        catch (GrpcException e)
        {
            WriteStatus(context, e.Status, e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The peer went away; there is nobody to answer.
        }
        catch (Exception e) when (e is IOException || context.RequestAborted.IsCancellationRequested)
        {
            // The host reset the call or closed its connection, as it does when it shuts us down:
            // expected, and not an error.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var errorType = e.GetType().Name;
                LogCallEnded(logger, path, errorType, e.Message);
            }
        }
        catch (Exception e)
        {
            LogMethodFailed(logger, path, e.GetType().Name, e.Message);
            WriteStatus(context, GrpcStatusCode.Internal, "internal error");
        }
    }

    /// <summary>
    /// Ends the call with a status: in the headers (trailers-only) when no message has been
    /// written, in the trailers otherwise.
    /// </summary>
    private static void WriteStatus(HttpContext context, GrpcStatusCode status, string message)
    {
        var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var encoded = PercentEncode(message);
        if (!context.Response.HasStarted)
        {
            context.Response.ContentType = GrpcContentType;
            context.Response.Headers["grpc-status"] = code;
            context.Response.Headers["grpc-message"] = encoded;
            return;
        }

        context.Response.AppendTrailer("grpc-status", code);
        context.Response.AppendTrailer("grpc-message", encoded);
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
