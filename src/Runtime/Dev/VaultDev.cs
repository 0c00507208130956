using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VaultPathGen.Dev;

/// <summary>
/// The <c>--dev</c> command: serves a backend through Vault's HTTP API on loopback with in-memory
/// storage, like <c>vault server -dev</c>. Flags follow Vault's names:
/// <c>--dev-listen-address=127.0.0.1:8200</c>, <c>--dev-root-token-id=…</c>, and
/// <c>--dev-mount=secret/</c>.
/// </summary>
public static class VaultDev
{
    /// <summary>Whether the command line asks for dev mode.</summary>
    public static bool IsRequested(IReadOnlyList<string> args) => args.Contains("--dev") || args.Contains("-dev");

    /// <summary>
    /// Runs dev mode until SIGTERM or Ctrl+C. Returns the process exit code: 0 after a clean stop,
    /// 2 for bad flags, 1 when the address cannot be used.
    /// </summary>
    public static async Task<int> RunAsync(Func<IBackend> factory, IReadOnlyList<string> args, VaultDevServerOptions? defaults = null, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        defaults ??= new VaultDevServerOptions();
        // The one-liner must log what its banner promises: to the console unless the caller chose otherwise.
        using var consoleLogs = defaults.LoggerFactory is NullLoggerFactory ? ConsoleLoggerFactory() : null;
        if (!TryParse(args, defaults, consoleLogs ?? defaults.LoggerFactory, out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            return 2;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });

        var backend = factory();
        VaultDevServer server;
        try
        {
            server = await VaultDevServer.StartAsync(backend, options, stop.Token).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"cannot listen on {options.ListenAddress}: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            var address = server.Address.ToString().TrimEnd('/');
            await output.WriteLineAsync($"""
                ==> VaultPathGen dev server started! Log data will stream in below:

                    Backend: {backend.Descriptor.Name}, mounted at {server.MountPoint} (in-memory storage)
                    Api Address: {address}
                    Root Token: {server.RootToken}

                WARNING! Dev mode is enabled: everything is in memory and lost on exit, and the
                root token above opens everything. Policies are not enforced: any valid token,
                including one from a login, can call every path except the backend's root paths.
                Use it for local development only.

                    $ export VAULT_ADDR='{address}'
                    $ export VAULT_TOKEN='{server.RootToken}'
                    $ curl -H "X-Vault-Token: $VAULT_TOKEN" $VAULT_ADDR/v1/{server.MountPoint}?help=1

                """).ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return 0;
    }

    private static bool TryParse(IReadOnlyList<string> args, VaultDevServerOptions defaults, ILoggerFactory loggerFactory, out VaultDevServerOptions options, out string error)
    {
        var listen = defaults.ListenAddress;
        var token = defaults.RootToken;
        var mount = defaults.MountPoint;
        error = "";
        options = defaults;
        foreach (var arg in args)
        {
            var (name, value) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (arg[..eq].TrimStart('-'), arg[(eq + 1)..]) : (arg.TrimStart('-'), null);
            switch (name)
            {
                case "dev":
                    break;
                case "dev-listen-address" when value is not null:
                    if (!TryParseListenAddress(value, out var endpoint))
                    {
                        error = $"--dev-listen-address: \"{value}\" is not an address:port such as 127.0.0.1:8200 or localhost:8200";
                        return false;
                    }

                    listen = endpoint;
                    break;
                case "dev-root-token-id" when value is { Length: > 0 }:
                    token = value;
                    break;
                case "dev-mount" when value is { Length: > 0 }:
                    mount = value.Trim('/') + "/";
                    break;
                default:
                    error = $"unknown flag \"{arg}\"; dev mode takes --dev-listen-address=ADDR:PORT, --dev-root-token-id=TOKEN, --dev-mount=PATH";
                    return false;
            }
        }

        options = new VaultDevServerOptions
        {
            ListenAddress = listen,
            RootToken = token,
            MountPoint = mount,
            MountType = defaults.MountType,
            MountOptions = defaults.MountOptions,
            Storage = defaults.Storage,
            LoggerFactory = loggerFactory,
            SystemView = defaults.SystemView,
            RollbackInterval = defaults.RollbackInterval,
            LeaseExpiryInterval = defaults.LeaseExpiryInterval,
        };
        return true;
    }

    /// <summary>
    /// An <c>address:port</c> as Vault takes it: an IP address, or a host name resolved now
    /// (<c>localhost</c> is loopback without asking DNS); IPv4 is preferred, like Go's listener.
    /// </summary>
    internal static bool TryParseListenAddress(string value, out IPEndPoint endpoint)
    {
        endpoint = null!;
        if (IPEndPoint.TryParse(value, out var parsed) && value.Contains(':', StringComparison.Ordinal))
        {
            endpoint = parsed;
            return true;
        }

        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }

        var host = value[..colon];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            endpoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }

        try
        {
            var addresses = Dns.GetHostAddresses(host);
            var address = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            if (address is null)
            {
                return false;
            }

            endpoint = new IPEndPoint(address, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>A console logger factory for dev mode (info and above).</summary>
    public static ILoggerFactory ConsoleLoggerFactory() =>
        LoggerFactory.Create(builder => builder.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning));

}
