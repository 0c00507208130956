using System.Net.Security;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Logging;
using VaultPathGen.Plugin.Services;
using static VaultPathGen.RuntimeLog;

namespace VaultPathGen.Plugin.Hosting;

/// <summary>
/// One plugin process's life: listen, print the handshake line, serve until Vault says Shutdown
/// or goes away (its connection closes, or our parent process dies), then clean up.
/// </summary>
internal sealed partial class PluginHost : IDisposable
{
    private readonly TaskCompletionSource<string> _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly PluginEnvironment _environment;
    private readonly VaultPluginOptions _options;
    private readonly PluginHostIo _io;
    private readonly HclogLoggerProvider _logProvider;
    private readonly Task<AutoMtls>? _mtlsCreated;
    private AutoMtls? _mtls;
    private int _connections;
    private BackendService? _backends;

    private PluginHost(PluginEnvironment environment, VaultPluginOptions options, PluginHostIo io)
    {
        _environment = environment;
        _options = options;
        _io = io;
        _logProvider = new HclogLoggerProvider(io.Stderr);
        _mtlsCreated = environment.ClientCertificatePem is { } pem ? AutoMtls.StartCreating(AutoMtls.ParseHostCertificate(pem)) : null;
    }

    public static Task<int> RunAsync(Func<IBackend> factory, PluginEnvironment environment, VaultPluginOptions options)
        => RunAsync(factory, environment, options, PluginHostIo.Process());

    internal static async Task<int> RunAsync(Func<IBackend> factory, PluginEnvironment environment, VaultPluginOptions options, PluginHostIo io)
    {
        using var host = new PluginHost(environment, options, io);
        return await host.ServeAsync(factory).ConfigureAwait(false);
    }

    private void RequestStop(string reason) => _stop.TrySetResult(reason);

    private async Task<int> ServeAsync(Func<IBackend> factory)
    {
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            RequestStop("SIGTERM");
        });

        // The host owns our lifecycle: a Ctrl-C at Vault's terminal reaches us too and is not ours.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);

        // Nothing Vault needs before the handshake line takes the server: a listening socket and our
        // certificate. Vault's dial waits in the socket's backlog while the server builds and starts
        // on it after the line, so the time to the line is the runtime's start and the certificate's.
        using var listener = PluginListener.Open(_environment);
        _mtls = _mtlsCreated is null ? null : await _mtlsCreated.ConfigureAwait(false);
        WriteHandshake(listener.Network, listener.Address);

        using var loggers = CreateLoggerFactory();
        GrpcServer? server = null;
        try
        {
            server = Build(factory, listener, loggers);
            await _io.StartServer(server).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // After the line Vault is dialing: it must see the connection refused and this process
            // exit with the reason on stderr, not wait on a socket nobody will ever serve.
            LogServerStartFailed(_logProvider.CreateLogger(LoggerName), e);
            if (server is not null)
            {
                await DisposeQuietlyAsync(server).ConfigureAwait(false);
            }

            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            if (_io.RedirectConsole)
            {
                Console.SetOut(new LoggingTextWriter(loggers.CreateLogger("stdout"), LogLevel.Information));
                Console.SetError(new LoggingTextWriter(loggers.CreateLogger("stderr"), LogLevel.Error));
            }

            var logger = loggers.CreateLogger(LoggerName);
            using var parentWatch = WatchParent();
            using var idleTrim = _backends is { } served ? IdleMemoryTrim.Start(served.Requests, _options.IdleMemoryTrimDelay, logger) : null;
            LogServing(logger, listener.Network, listener.Address);

            var reason = await _stop.Task.ConfigureAwait(false);
            LogStopping(logger, reason);
            if (_backends is { } backends)
            {
                // Vault gives a plugin 2 s after Shutdown before it kills it: requests in flight
                // get most of that to finish, so none fails on a backend cleaned up under it.
                await backends.DrainAsync(DrainGrace).ConfigureAwait(false);
                await backends.CleanupAllAsync(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
            }

            await _stopping.CancelAsync().ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await server.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return 0;
    }

    private static async Task DisposeQuietlyAsync(GrpcServer server)
    {
        try
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Already failing: the start's exception is the one reported.
        }
    }

    /// <summary>
    /// Our hclog lines only: nothing from Vault's environment or files beside the binary (no
    /// appsettings.json, no <c>Logging__*</c> variable) changes levels or adds providers.
    /// </summary>
    private LoggerFactory CreateLoggerFactory()
    {
        var filters = new LoggerFilterOptions { MinLevel = _options.MinimumLogLevel };
        filters.Rules.Add(new LoggerFilterRule(providerName: null, categoryName: "Microsoft", LogLevel.Warning, filter: null));
        return new LoggerFactory([_logProvider], filters);
    }

    private GrpcServer Build(Func<IBackend> factory, PluginListener listener, LoggerFactory loggers)
    {
        var grpcLogger = loggers.CreateLogger("VaultPathGen.Plugin.Grpc");
        var router = new GrpcRouter(grpcLogger, _options.MaxReceiveMessageSize);
        var broker = new PluginBroker();
        var backends = new BackendService(factory, id => new BrokeredConnection(broker, id, Dial), loggers);
        _backends = backends;
        PluginServices.MapHealth(router);
        PluginServices.MapController(router, () => RequestStop("shutdown requested by host"));
        PluginServices.MapStdio(router, _stopping.Token);
        PluginServices.MapBroker(router, broker, _stopping.Token);
        PluginServices.MapVersion(router, _options.Version);
        PluginServices.MapMultiplexing(router);
        backends.Map(router);

        // Per-connection TLS options rather than a certificate, which would have to be ready (and
        // have its chain built) before the server starts: see AutoMtls. ALPN offers exactly h2.
        Func<ValueTask<SslServerAuthenticationOptions>>? tls = _mtlsCreated is { } created
            ? async () => await (await created.ConfigureAwait(false)).ServerOptionsAsync().ConfigureAwait(false)
            : null;
        return new GrpcServer(listener.TakeOver(listener.EndPoint), router, tls, grpcLogger)
        {
            // Counts only connections that got past TLS: when the last of them closes (and none
            // comes back), Vault is gone.
            ConnectionOpened = () => Interlocked.Increment(ref _connections),
            ConnectionClosed = () =>
            {
                if (Interlocked.Decrement(ref _connections) == 0)
                {
                    _ = StopUnlessReconnectedAsync();
                }
            },
        };
    }

    private GrpcClient Dial(Protocol.GoPlugin.ConnInfo info) => new(info.Network, info.Address, _mtls?.ClientOptions());

    /// <summary>
    /// Clients may replace a connection (HTTP clients sometimes open a spare and drop it), so the
    /// host counts as gone only when no connection is back shortly after the last one closed.
    /// A killed host is also caught by the parent watch.
    /// </summary>
    private async Task StopUnlessReconnectedAsync()
    {
        await Task.Delay(ReconnectGrace).ConfigureAwait(false);
        if (Volatile.Read(ref _connections) == 0)
        {
            RequestStop("host connection closed");
        }
    }

    private const string LoggerName = "VaultPathGen.Plugin";

    private static readonly TimeSpan ReconnectGrace = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(1);

    /// <summary>go-plugin's handshake line: the only thing this process ever writes to stdout.</summary>
    private void WriteHandshake(string network, string address)
    {
        var line = new StringBuilder()
            .Append(PluginEnvironment.CoreProtocolVersion).Append('|')
            .Append(_environment.ProtocolVersion).Append('|')
            .Append(network).Append('|')
            .Append(address).Append('|')
            .Append("grpc").Append('|')
            .Append(_mtls?.HandshakeCertificate ?? "")

            // No 7th field: the multiplexed broker (PLUGIN_MULTIPLEX_GRPC) is not implemented, and
            // saying nothing makes go-plugin use a listener per broker id, which is.
            .Append('\n');
        _io.Stdout.Write(Encoding.ASCII.GetBytes(line.ToString()));
        _io.Stdout.Flush();
    }

    /// <summary>
    /// Vault killed without closing its connections leaves us orphaned: we are re-parented, and
    /// stop. Read from /proc to stay free of native calls.
    /// </summary>
    private Timer? WatchParent()
    {
        var parent = ReadParentPid();
        if (parent is null)
        {
            return null;
        }

        return new Timer(_ =>
        {
            if (ReadParentPid() is { } now && now != parent)
            {
                RequestStop("host process exited");
            }
        }, null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    internal static int? ReadParentPid()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");

            // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        if (_mtlsCreated is { IsCompletedSuccessfully: true })
        {
            _mtlsCreated.Result.Dispose();
        }

        _logProvider.Dispose();
    }
}
