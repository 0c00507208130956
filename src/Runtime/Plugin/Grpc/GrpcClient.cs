using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Google.Protobuf;
using VaultPathGen.Plugin.Grpc.Http2;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>
/// A gRPC client for unary calls over HTTP/2 (<see cref="Http2ClientConnection"/>), dialing a unix
/// socket or a TCP address, with TLS when TLS options are given. One connection at a time, dialed
/// on the first call and again on the first call after it closed.
/// </summary>
internal sealed class GrpcClient : IDisposable
{
    /// <summary>How long dialing and the TLS handshake may take.</summary>
    internal static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly string _network;
    private readonly string _address;
    private readonly SslClientAuthenticationOptions? _tls;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _headerBlocks = new(StringComparer.Ordinal);
    private Task<Http2ClientConnection>? _connection;
    private bool _disposed;

    public GrpcClient(string network, string address, SslClientAuthenticationOptions? tls)
    {
        _network = network;
        _address = address;
        _tls = tls;
        if (tls is not null)
        {
            // grpc-go servers may refuse a client that does not offer HTTP/2 (its ALPN check).
            tls.ApplicationProtocols ??= [SslApplicationProtocol.Http2];
            tls.TargetHost ??= "localhost";
        }
    }

    public async Task<TResponse> CallAsync<TResponse>(string method, IMessage request, MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>
    {
        var headers = _headerBlocks.GetOrAdd(method, HeaderBlock, _tls is not null);
        var body = GrpcFraming.Frame(request);
        for (var attempt = 1; ; attempt++)
        {
            var connection = await ConnectionAsync(method, cancellationToken).ConfigureAwait(false);
            Http2ClientStream stream;
            try
            {
                stream = await connection.SendAsync(headers, body, cancellationToken).ConfigureAwait(false);
            }
            catch (Http2RefusedStreamException e)
            {
                // Not processed by the host: once more, on a new connection.
                if (attempt == 2)
                {
                    throw new GrpcException(GrpcStatusCode.Unavailable, $"{method}: {e.Message}");
                }

                continue;
            }
            catch (GrpcException e)
            {
                throw new GrpcException(e.Status, $"{method}: {e.Message}");
            }

            using (stream)
            {
                return ReadReply(method, stream, parser);
            }
        }
    }

    /// <summary>
    /// The reply whole: HTTP status 200, a gRPC status of OK, exactly one uncompressed message.
    /// A failed status wins over whatever the body holds.
    /// </summary>
    private static TResponse ReadReply<TResponse>(string method, Http2ClientStream stream, MessageParser<TResponse> parser)
        where TResponse : class, IMessage<TResponse>
    {
        if (stream.HttpStatus != 200)
        {
            throw new GrpcException(GrpcStatusCode.Unavailable, $"{method}: HTTP status {stream.HttpStatus}");
        }

        if (stream.GrpcStatus is not (-1 or 0))
        {
            var text = stream.GrpcMessage is null ? "" : Uri.UnescapeDataString(stream.GrpcMessage);
            throw new GrpcException((GrpcStatusCode)stream.GrpcStatus, $"{method}: {text}");
        }

        var data = stream.Data;
        if (data.IsEmpty)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"{method}: no reply message");
        }

        if (data.Length < GrpcFraming.HeaderSize)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"{method}: incomplete gRPC message");
        }

        var length = GrpcFraming.ReadLength(data, int.MaxValue - GrpcFraming.HeaderSize);
        var payload = data[GrpcFraming.HeaderSize..];
        if (payload.Length < length)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"{method}: incomplete gRPC message");
        }

        if (payload.Length > length)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"{method}: more than one reply message in a unary call");
        }

        if (stream.GrpcStatus == -1)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"{method}: the reply ended without a grpc-status");
        }

        return parser.ParseFrom(payload);
    }

    /// <summary>
    /// A request's header fields, the same for every call of a method: static-table indexes and
    /// literals that are never indexed, so no encoder state is shared between calls.
    /// </summary>
    internal static byte[] HeaderBlock(string method, bool tls)
    {
        var block = new ArrayBufferWriter<byte>(64 + method.Length);
        block.Write<byte>([0x83, tls ? (byte)0x87 : (byte)0x86]); // :method POST, :scheme https or http
        Literal(block, 4, Encoding.ASCII.GetBytes(method)); // :path
        Literal(block, 1, "localhost"u8); // :authority
        Literal(block, 31, "application/grpc"u8); // content-type
        Http2Frames.WriteHpackInteger(block, 0x10, 4, 0); // te: trailers, a new name, never indexed
        Http2Frames.WriteHpackString(block, "te"u8);
        Http2Frames.WriteHpackString(block, "trailers"u8);
        return block.WrittenSpan.ToArray();

        static void Literal(ArrayBufferWriter<byte> block, int nameIndex, ReadOnlySpan<byte> value)
        {
            // A literal never indexed (0001), its name from the static table.
            Http2Frames.WriteHpackInteger(block, 0x10, 4, nameIndex);
            Http2Frames.WriteHpackString(block, value);
        }
    }

    private async ValueTask<Http2ClientConnection> ConnectionAsync(string method, CancellationToken cancellationToken)
    {
        Task<Http2ClientConnection> connecting;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is null || _connection.IsFaulted || _connection.IsCanceled
                || (_connection.IsCompletedSuccessfully && !_connection.Result.CanOpenStreams))
            {
                // A connection that took a GOAWAY closes itself once its last call is answered.
                _connection = ConnectAsync();
            }

            connecting = _connection;
        }

        try
        {
            return await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ObjectDisposedException)
        {
            throw new GrpcException(GrpcStatusCode.Unavailable, $"{method}: connecting to {_address}: {e.Message}");
        }
    }

    /// <summary>The socket, TLS on it when there are TLS options, and HTTP/2 on that.</summary>
    private async Task<Http2ClientConnection> ConnectAsync()
    {
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        EndPoint endPoint = _network switch
        {
            "unix" => new UnixDomainSocketEndPoint(_address),
            "tcp" => IPEndPoint.Parse(_address),
            _ => throw new NotSupportedException($"unknown network type {_network}"),
        };
        var socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream stream;
        try
        {
            await socket.ConnectAsync(endPoint, timeout.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        try
        {
            if (_tls is not null)
            {
                var secured = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = secured;
                await secured.AuthenticateAsClientAsync(_tls, timeout.Token).ConfigureAwait(false);
            }

            // PING acknowledgements go with the next frames (PingAckCoalescingStream).
            stream = new PingAckCoalescingStream(stream, PingAckCoalescingStream.ClientPrefaceLength, leaveOpen: false);
            var connection = await Http2ClientConnection.StartAsync(stream, timeout.Token).ConfigureAwait(false);
            lock (_gate)
            {
                if (!_disposed)
                {
                    return connection;
                }
            }

            connection.Dispose();
            throw new ObjectDisposedException(nameof(GrpcClient));
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose()
    {
        Task<Http2ClientConnection>? connection;
        lock (_gate)
        {
            _disposed = true;
            connection = _connection;
        }

        if (connection is { IsCompletedSuccessfully: true })
        {
            connection.Result.Dispose();
        }
    }
}
