using System.IO.Pipelines;
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
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");
    private readonly HttpClient _http;
    private readonly Uri _baseAddress;

    public GrpcClient(string network, string address, SslClientAuthenticationOptions? tls)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, cancellationToken) => ConnectAsync(network, address, cancellationToken),
            EnableMultipleHttp2Connections = false,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        };
        if (tls is not null)
        {
            handler.SslOptions = tls;
        }

        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };

        // The host name only matters for TLS: go-plugin's certificates name "localhost".
        _baseAddress = new Uri(tls is null ? "http://localhost" : "https://localhost");
    }

    private static async ValueTask<Stream> ConnectAsync(string network, string address, CancellationToken cancellationToken)
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
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<TResponse> CallAsync<TResponse>(string method, IMessage request, MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>
    {
        var content = new ByteArrayContent(GrpcFraming.Frame(request));
        content.Headers.ContentType = GrpcContentType;
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseAddress, method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        message.Headers.TryAddWithoutValidation("te", "trailers");

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new GrpcException(GrpcStatusCode.Unavailable, $"{method}: HTTP status {(int)response.StatusCode}");
        }

        ThrowOnStatus(method, response.Headers);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var reader = PipeReader.Create(stream);
        try
        {
            var reply = await GrpcFraming.ReadMessageAsync(reader, parser, cancellationToken).ConfigureAwait(false);

            // Trailers arrive only once the body has been read to its end.
            while (await GrpcFraming.ReadMessageAsync(reader, parser, cancellationToken).ConfigureAwait(false) is not null)
            {
            }

            ThrowOnStatus(method, response.TrailingHeaders);
            return reply ?? throw new GrpcException(GrpcStatusCode.Internal, $"{method}: no reply message");
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
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
