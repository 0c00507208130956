using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace VaultPathGen.Plugin.Hosting;

/// <summary>
/// The socket Vault dials, bound and listening before the handshake line and before the gRPC server
/// exists: go-plugin's connection waits in the listen backlog until the server, started after the
/// line, takes the socket over (<see cref="TakeOver"/>) and accepts it. A unix socket in
/// <c>PLUGIN_UNIX_SOCKET_DIR</c> (or the temp folder), else a loopback TCP port in the host's range.
/// </summary>
internal sealed class PluginListener : IDisposable
{
    /// <summary>Kestrel's default backlog, kept: connections wait here while the server starts.</summary>
    private const int Backlog = 512;

    private Socket? _socket;

    private PluginListener(Socket socket, string network, string address, string? socketPath)
    {
        _socket = socket;
        EndPoint = socket.LocalEndPoint!;
        Network = network;
        Address = address;
        SocketPath = socketPath;
    }

    /// <summary>The endpoint the socket is bound to.</summary>
    public EndPoint EndPoint { get; }

    /// <summary>The handshake line's network field: <c>unix</c> or <c>tcp</c>.</summary>
    public string Network { get; }

    /// <summary>The handshake line's address field: the socket's path, or <c>127.0.0.1:port</c>.</summary>
    public string Address { get; }

    /// <summary>The unix socket's file, removed on <see cref="Dispose"/>; null for TCP.</summary>
    public string? SocketPath { get; }

    public static PluginListener Open(PluginEnvironment environment)
    {
        var path = Path.Combine(environment.UnixSocketDirectory ?? Path.GetTempPath(), "plugin" + RandomNumberGenerator.GetHexString(12, lowercase: true));
        return TryListenOnUnixSocket(path) ?? ListenOnFreePort(environment.MinPort, environment.MaxPort);
    }

    /// <summary>
    /// For the gRPC server: our socket, once, for our endpoint; from then on the server owns it (closes
    /// it when it stops). Any other endpoint is not ours.
    /// </summary>
    public Socket TakeOver(EndPoint endpoint)
    {
        if (!endpoint.Equals(EndPoint))
        {
            throw new InvalidOperationException($"the plugin listens on {Address} only, not on {endpoint}");
        }

        return Interlocked.Exchange(ref _socket, null) ?? throw new InvalidOperationException($"the listener on {Address} was already taken over or closed");
    }

    private static PluginListener? TryListenOnUnixSocket(string path)
    {
        Socket? socket = null;
        try
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(path));
            socket.Listen(Backlog);
            return new PluginListener(socket, "unix", path, path);
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A quiet fallback to TCP, as go-plugin's own servers do where unix sockets fail.
            socket?.Dispose();
            DeleteQuietly(path);
            return null;
        }
    }

    private static PluginListener ListenOnFreePort(int min, int max)
    {
        for (var port = min; port <= max; port++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                socket.Listen(Backlog);
                return new PluginListener(socket, "tcp", "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture), socketPath: null);
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }

        throw new IOException($"no free TCP port on 127.0.0.1 between {min} and {max}");
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Closes the socket unless the server took it (connections waiting in its backlog are then
    /// refused, not left hanging) and removes the unix socket's file.
    /// </summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _socket, null)?.Dispose();
        if (SocketPath is { } path)
        {
            DeleteQuietly(path);
        }
    }
}
