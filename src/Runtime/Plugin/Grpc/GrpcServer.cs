using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VaultPathGen.Plugin.Grpc.Http2;
using static VaultPathGen.RuntimeLog;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>
/// The plugin's gRPC server: accepts the host's connections on a listening socket, does TLS on each
/// (when the host gave a certificate; AutoMTLS) and serves HTTP/2 on it with <see cref="Http2ServerConnection"/>,
/// each call going to its <see cref="GrpcRouter"/> method.
/// </summary>
internal sealed class GrpcServer : IAsyncDisposable
{
    /// <summary>A peer that stalls the TLS handshake longer is dropped (Kestrel's default).</summary>
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket _listener;
    private readonly GrpcRouter _router;
    private readonly Func<ValueTask<SslServerAuthenticationOptions>>? _tls;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly HashSet<Http2ServerConnection> _connections = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task? _accepting;
    private int _nextConnectionId;

    /// <param name="listener">A bound, listening socket; the server owns it from here.</param>
    /// <param name="router">The methods served.</param>
    /// <param name="tls">TLS options per connection, or null for plain HTTP/2.</param>
    /// <param name="logger">Where failed handshakes and broken connections are logged (at debug).</param>
    public GrpcServer(Socket listener, GrpcRouter router, Func<ValueTask<SslServerAuthenticationOptions>>? tls, ILogger logger)
    {
        _listener = listener;
        _router = router;
        _tls = tls;
        _logger = logger;
    }

    /// <summary>Runs when a connection is serving (past TLS), and again when it has closed.</summary>
    public Action? ConnectionOpened { get; init; }

    /// <inheritdoc cref="ConnectionOpened"/>
    public Action? ConnectionClosed { get; init; }

    /// <summary>Starts accepting; connections already in the listen backlog are taken first.</summary>
    public Task StartAsync()
    {
        _accepting ??= AcceptLoopAsync();
        return Task.CompletedTask;
    }

    private async Task AcceptLoopAsync()
    {
        // Off the caller's thread: the first accept may complete at once.
        await Task.Yield();
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || _stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                // A connection that went before it was taken (ECONNABORTED) and the like: keep accepting.
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    var code = e.SocketErrorCode.ToString();
                    LogAcceptFailed(_logger, code, e.Message);
                }

                continue;
            }

            if (socket.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            {
                socket.NoDelay = true;
            }

            _ = ServeAsync(socket, Interlocked.Increment(ref _nextConnectionId));
        }
    }

    private async Task ServeAsync(Socket socket, int id)
    {
        var connectionId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (_tls is not null)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                timeout.CancelAfter(HandshakeTimeout);

                // The options wait for our certificate's context: inside the handshake, after the
                // client's hello, under its timeout.
                await tls.AuthenticateAsServerAsync(static (_, _, state, _) => ((Func<ValueTask<SslServerAuthenticationOptions>>)state!)(), _tls, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bad client hello, a certificate not ours, a peer gone or silent: that connection only.
            LogTlsHandshakeFailed(_logger, connectionId, e);
            await stream.DisposeAsync().ConfigureAwait(false);
            return;
        }

        // PING acknowledgements go with the next frames (PingAckCoalescingStream).
        var connection = Http2ServerConnection.Start(new PingAckCoalescingStream(stream, prefaceLength: 0, leaveOpen: false), _router.Resolve, _router.MaxReceiveMessageSize);
        bool stopping;
        lock (_gate)
        {
            stopping = _stopping.IsCancellationRequested;
            _connections.Add(connection);
        }

        if (stopping)
        {
            connection.Shutdown();
        }

        ConnectionOpened?.Invoke();
        try
        {
            await connection.Completion.ConfigureAwait(false);
            if (connection.CloseReason is Http2ProtocolException protocol)
            {
                LogConnectionFailed(_logger, connectionId, protocol.Message);
            }
        }
        finally
        {
            lock (_gate)
            {
                _connections.Remove(connection);
            }

            ConnectionClosed?.Invoke();
        }
    }

    /// <summary>
    /// Stops accepting, ends every connection gracefully (GOAWAY; calls in flight finish) until
    /// <paramref name="cancellationToken"/>, then closes what is left.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Http2ServerConnection[] connections;
        lock (_gate)
        {
            _stopping.Cancel();
            connections = [.. _connections];
        }

        _listener.Dispose();
        if (_accepting is not null)
        {
            await _accepting.ConfigureAwait(false);
        }

        foreach (var connection in connections)
        {
            connection.Shutdown();
        }

        try
        {
            await Task.WhenAll(connections.Select(c => c.Completion)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            try
            {
                await StopAsync(new CancellationToken(canceled: true)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stopping.Dispose();
    }
}
