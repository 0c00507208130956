using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text.Json;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Hosting;
using VaultPathGen.Plugin.Protocol.GoPlugin;
using Health = VaultPathGen.Plugin.Protocol.Health;

namespace VaultPathGen.Plugin.Tests;

/// <summary>
/// The host writes its handshake line before its gRPC server exists, on a socket it bound itself, and
/// hands that socket to the server afterwards. Hosts run in-process here, so each test decides when
/// (and whether) the server starts.
/// </summary>
public sealed class ListenerHandoverTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vpg-handover").FullName;
    private readonly Pipe _stdout = new();
    private readonly MemoryStream _stderr = new();

    private PluginEnvironment Environment => new() { ProtocolVersion = 5, UnixSocketDirectory = _directory, MinPort = 10000, MaxPort = 25000 };

    [Fact]
    public async Task A_call_dialed_before_the_server_starts_waits_in_the_backlog_and_is_answered()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var startRequested = new TaskCompletionSource<Func<Task>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var io = new PluginHostIo
        {
            Stdout = _stdout.Writer.AsStream(),
            Stderr = _stderr,
            RedirectConsole = false,

            // The server starts only when the test says so, after it has dialed.
            StartServer = app =>
            {
                var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                startRequested.SetResult(async () =>
                {
                    await app.StartAsync();
                    started.SetResult();
                });
                return started.Task;
            },
        };
        var host = Task.Run(() => PluginHost.RunAsync(NoBackend, Environment, new VaultPluginOptions(), io));

        var (network, address) = await ReadHandshakeAsync(timeout.Token);
        Assert.Equal("unix", network);
        var startServer = await startRequested.Task.WaitAsync(timeout.Token);

        // Before the server: the socket already takes connections (the kernel queues them) and
        // nothing answers them yet.
        using (var early = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await early.ConnectAsync(new UnixDomainSocketEndPoint(address), timeout.Token);
        }

        using var client = new GrpcClient(network, address, tls: null);
        var call = client.CallAsync("/grpc.health.v1.Health/Check", new Health.HealthCheckRequest { Service = "plugin" }, Health.HealthCheckResponse.Parser, timeout.Token);
        await Task.Delay(200, timeout.Token);
        Assert.False(call.IsCompleted, "answered before the server started");

        await startServer();
        Assert.Equal(Health.HealthCheckResponse.Types.ServingStatus.Serving, (await call.WaitAsync(timeout.Token)).Status);

        await client.CallAsync("/plugin.GRPCController/Shutdown", new Empty(), Empty.Parser, timeout.Token);
        Assert.Equal(0, await host.WaitAsync(timeout.Token));
        Assert.False(File.Exists(address));
    }

    [Fact]
    public async Task The_server_failing_after_the_handshake_is_logged_refuses_the_dial_and_exits_non_zero()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var dialed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var io = new PluginHostIo
        {
            Stdout = _stdout.Writer.AsStream(),
            Stderr = _stderr,
            RedirectConsole = false,
            StartServer = async _ =>
            {
                await dialed.Task;
                throw new InvalidOperationException("the server could not start");
            },
        };
        var host = Task.Run(() => PluginHost.RunAsync(NoBackend, Environment, new VaultPluginOptions(), io));

        var (_, address) = await ReadHandshakeAsync(timeout.Token);
        using var waiting = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await waiting.ConnectAsync(new UnixDomainSocketEndPoint(address), timeout.Token);
        dialed.SetResult();

        Assert.Equal(1, await host.WaitAsync(timeout.Token));

        // Vault's dial, queued in the backlog, ends rather than waits for a server that never comes.
        Assert.True(await EndsAsync(waiting, timeout.Token), "the queued connection got data");
        Assert.False(File.Exists(address));
        using (var late = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await Assert.ThrowsAnyAsync<SocketException>(async () => await late.ConnectAsync(new UnixDomainSocketEndPoint(address), timeout.Token));
        }

        var line = System.Text.Encoding.UTF8.GetString(_stderr.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Single();
        using var json = JsonDocument.Parse(line);
        Assert.Equal("error", json.RootElement.GetProperty("@level").GetString());
        Assert.Equal("plugin failed to start serving after its handshake", json.RootElement.GetProperty("@message").GetString());
        Assert.Contains("the server could not start", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_listener_hands_its_socket_over_once_and_only_for_its_endpoint()
    {
        using var listener = PluginListener.Open(Environment);
        Assert.Equal("unix", listener.Network);
        Assert.Throws<InvalidOperationException>(() => listener.TakeOver(new UnixDomainSocketEndPoint(Path.Combine(_directory, "other"))));
        using var socket = listener.TakeOver(listener.EndPoint);
        Assert.Throws<InvalidOperationException>(() => listener.TakeOver(listener.EndPoint));
    }

    [Fact]
    public void Without_a_usable_socket_directory_the_listener_is_a_loopback_TCP_port_in_the_host_range()
    {
        using var listener = PluginListener.Open(Environment with { UnixSocketDirectory = Path.Combine(_directory, "missing"), MinPort = 20000, MaxPort = 20100 });
        Assert.Equal("tcp", listener.Network);
        var port = int.Parse(listener.Address.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("127.0.0.1", listener.Address.Split(':')[0]);
        Assert.InRange(port, 20000, 20100);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(System.Net.IPAddress.Loopback, port);
    }

    /// <summary>Whether the peer's side ends: end of stream or reset, as a closed listener's queued connections do.</summary>
    private static async Task<bool> EndsAsync(Socket socket, CancellationToken cancellationToken)
    {
        try
        {
            return await socket.ReceiveAsync(new byte[16], SocketFlags.None, cancellationToken) == 0;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
    }

    private static IBackend NoBackend() => throw new InvalidOperationException("no mount in these tests");

    private async Task<(string Network, string Address)> ReadHandshakeAsync(CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(_stdout.Reader.AsStream(leaveOpen: true), leaveOpen: true);
        var line = await reader.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException("no handshake line");
        var fields = line.Split('|');
        Assert.Equal(6, fields.Length);
        Assert.Equal(["1", "5"], fields[..2]);
        return (fields[2], fields[3]);
    }

    public void Dispose()
    {
        _stderr.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
