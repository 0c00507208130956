using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using Google.Protobuf;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>
/// A gRPC client for unary calls over HTTP/2 on <see cref="SocketsHttpHandler"/>, dialing a unix
/// socket or a TCP address, with TLS when TLS options are given.
/// </summary>
internal sealed class GrpcClient : IDisposable
{
    /// <summary>
    /// How many calls may be sending their headers at once. <see cref="SocketsHttpHandler"/> encodes
    /// each call's headers into a 32 KiB buffer from the shared array pool and holds it until the
    /// connection's single writer has taken them; with 64 storage calls in flight, 64 buffers waited
    /// in that queue, the pool kept ~2.5 MiB of them for good and the overflow went to gen2 as garbage
    /// (docs/benchmarks.md, "What RSS is made of"). The writer takes one call at a time anyway, so a
    /// call waits here instead of in its queue, holding no buffer.
    /// </summary>
    internal const int MaxCallsSendingHeaders = 4;

    private readonly HttpMessageInvoker _http;
    private readonly SemaphoreSlim _sendingHeaders = new(MaxCallsSendingHeaders, MaxCallsSendingHeaders);
    private readonly Uri _baseAddress;
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    public GrpcClient(string network, string address, SslClientAuthenticationOptions? tls)
    {
        if (tls is not null)
        {
            // The handshake is ours (see ConnectAsync), so ours to offer HTTP/2 in: grpc-go servers
            // may refuse a client that does not (its ALPN check).
            tls.ApplicationProtocols ??= [SslApplicationProtocol.Http2];
            tls.TargetHost ??= "localhost";
        }

        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, cancellationToken) => ConnectAsync(network, address, tls, cancellationToken),
            EnableMultipleHttp2Connections = false,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            UseProxy = false,

            // Nothing of HttpClient's but the connection pool: no redirects to follow, no timeout
            // to link per call (cancellation comes from the caller), one handler layer less.
            AllowAutoRedirect = false,
            ActivityHeadersPropagator = null,
        };

        _http = new HttpMessageInvoker(handler);

        // HTTP/2 with prior knowledge over the stream ConnectAsync returns, TLS or not: the handler
        // writes its frames to us, not to a TLS stream of its own. The host here is only the
        // :authority; the name TLS checks is TargetHost above.
        _baseAddress = new Uri("http://localhost");
    }

    /// <summary>
    /// The connection: the socket, TLS on it when <paramref name="tls"/> is given, and the PING
    /// acknowledgements <see cref="SocketsHttpHandler"/> writes sent along with its next frames
    /// (<see cref="PingAckCoalescingStream"/>).
    /// </summary>
    private static async ValueTask<Stream> ConnectAsync(string network, string address, SslClientAuthenticationOptions? tls, CancellationToken cancellationToken)
    {
        EndPoint endPoint = network switch
        {
            "unix" => new UnixDomainSocketEndPoint(address),
            "tcp" => IPEndPoint.Parse(address),
            _ => throw new GrpcException(GrpcStatusCode.Unavailable, $"unknown network type {network}"),
        };
        var socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream stream;
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (tls is not null)
        {
            var secured = new SslStream(stream, leaveInnerStreamOpen: false);
            try
            {
                await secured.AuthenticateAsClientAsync(tls, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await secured.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            stream = secured;
        }

        return new PingAckCoalescingStream(stream, PingAckCoalescingStream.ClientPrefaceLength, leaveOpen: false);
    }

    public async Task<TResponse> CallAsync<TResponse>(string method, IMessage request, MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>
    {
        var content = new GrpcRequestContent(GrpcFraming.Frame(request), _sendingHeaders);
        using var message = new HttpRequestMessage(HttpMethod.Post, _uris.GetOrAdd(method, static (m, b) => new Uri(b, m), _baseAddress))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        message.Headers.TryAddWithoutValidation("te", "trailers");

        await _sendingHeaders.WaitAsync(cancellationToken).ConfigureAwait(false);
        HttpResponseMessage sent;
        try
        {
            sent = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            content.ReleasePermit();
        }

        using var response = sent;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new GrpcException(GrpcStatusCode.Unavailable, $"{method}: HTTP status {(int)response.StatusCode}");
        }

        ThrowOnStatus(method, response.Headers);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var reply = await ReadReplyAsync(stream, method, parser, cancellationToken).ConfigureAwait(false);

        // Trailers arrive only once the body has been read to its end.
        ThrowOnStatus(method, response.TrailingHeaders);
        return reply ?? throw new GrpcException(GrpcStatusCode.Internal, $"{method}: no reply message");
    }

    /// <summary>
    /// A unary reply: at most one framed message, then the end of the body. Read straight from the
    /// response stream into one pooled buffer the size the frame announces.
    /// </summary>
    private static async ValueTask<TResponse?> ReadReplyAsync<TResponse>(Stream stream, string method, MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>
    {
        var header = ArrayPool<byte>.Shared.Rent(GrpcFraming.HeaderSize);
        try
        {
            var read = await stream.ReadAtLeastAsync(header.AsMemory(0, GrpcFraming.HeaderSize), GrpcFraming.HeaderSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            if (read < GrpcFraming.HeaderSize)
            {
                throw new GrpcException(GrpcStatusCode.Internal, $"{method}: incomplete gRPC message");
            }

            // One below the largest array length: the read below asks for a byte more.
            var length = GrpcFraming.ReadLength(header, int.MaxValue - 1);
            var payload = ArrayPool<byte>.Shared.Rent(length + 1);
            try
            {
                // One byte more than the frame: a unary reply must end right after it, so reading
                // stops at the end of the body, which is also when the trailers are in.
                var got = await stream.ReadAtLeastAsync(payload.AsMemory(0, length + 1), length + 1, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (got < length)
                {
                    throw new GrpcException(GrpcStatusCode.Internal, $"{method}: incomplete gRPC message");
                }

                if (got > length)
                {
                    throw new GrpcException(GrpcStatusCode.Internal, $"{method}: more than one reply message in a unary call");
                }

                return parser.ParseFrom(payload.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(payload);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(header);
        }
    }

    private static void ThrowOnStatus(string method, HttpHeaders headers)
    {
        if (!headers.TryGetValues("grpc-status", out var statuses))
        {
            return;
        }

        var status = statuses.FirstOrDefault();
        if (status is null or "0")
        {
            return;
        }

        var text = headers.TryGetValues("grpc-message", out var messages) ? Uri.UnescapeDataString(messages.FirstOrDefault() ?? "") : "";
        var code = int.TryParse(status, System.Globalization.CultureInfo.InvariantCulture, out var c) ? (GrpcStatusCode)c : GrpcStatusCode.Unknown;
        throw new GrpcException(code, $"{method}: {text}");
    }

    public void Dispose() => _http.Dispose();
}
