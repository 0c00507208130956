using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VaultPathGen.Http;
using VaultPathGen.Json;
using static VaultPathGen.RuntimeLog;

namespace VaultPathGen.Dev;

/// <summary>Settings of a <see cref="VaultDevServer"/>.</summary>
public sealed partial class VaultDevServerOptions
{
    /// <summary>Where to listen; port 0 picks a free one. Default <c>127.0.0.1:8200</c>, like <c>vault server -dev</c>.</summary>
    public IPEndPoint ListenAddress { get; init; } = new(IPAddress.Loopback, 8200);

    /// <summary>The root token clients must send; a random <c>hvs.</c> token when null.</summary>
    public string? RootToken { get; init; }

    /// <summary>Where the backend is mounted, with a trailing slash. Default <c>secret/</c>.</summary>
    public string MountPoint { get; init; } = "secret/";

    /// <summary>
    /// The mount type reported to clients (e.g. <c>kv</c>); when empty, the backend's class name in
    /// Vault's style (<c>DynamicCredsEngine</c> → <c>dynamic-creds</c>).
    /// </summary>
    public string MountType { get; init; } = "";

    /// <summary>Mount options reported to clients (e.g. <c>version=2</c> for KV v2, which the CLI checks).</summary>
    public IReadOnlyDictionary<string, string> MountOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Storage; a fresh <see cref="InMemoryStorage"/> when null.</summary>
    public IStorage? Storage { get; init; }

    /// <summary>Where the backend's and the server's logs go.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}

/// <summary>
/// Serves one backend through Vault's HTTP API on loopback, like <c>vault server -dev</c> with the
/// backend mounted: token required, Vault's HTTP-to-operation mapping, Vault's response envelope and
/// error bodies, and the <c>sys</c> endpoints clients use to discover the mount. Any
/// <see cref="IBackend"/> works. For local development only: one token, no TLS, in-memory storage.
/// </summary>
public sealed partial class VaultDevServer : IAsyncDisposable
{
    private readonly KestrelHost _server;
    private readonly IBackend _backend;
    private readonly VaultDevServerOptions _options;
    private readonly string _mount;
    private readonly ILogger _logger;

    /// <summary>How long a stop waits for requests in flight: the hosting layer's default, which dev mode used before.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    private VaultDevServer(IBackend backend, VaultDevServerOptions options, IStorage storage, string rootToken)
    {
        _server = new KestrelHost(options.LoggerFactory, kestrel =>
        {
            kestrel.Listen(options.ListenAddress);
            // Enforced while reading (VaultHttpMapping), so the answer is Vault's 413 body, not Kestrel's.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        }, new SocketTransportOptions(), HandleAsync);
        _backend = backend;
        _options = options;
        Storage = storage;
        RootToken = rootToken;
        _mount = MountPathFor(backend, options.MountPoint);
        _logger = options.LoggerFactory.CreateLogger("VaultPathGen.Dev");
    }

    /// <summary>The address clients use, e.g. <c>http://127.0.0.1:8200</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The token clients must send in <c>X-Vault-Token</c>.</summary>
    public string RootToken { get; }

    /// <summary>The mount's storage.</summary>
    public IStorage Storage { get; }

    /// <summary>Mounts <paramref name="backend"/> (setup and initialize, as Vault does) and starts listening.</summary>
    public static async Task<VaultDevServer> StartAsync(IBackend backend, VaultDevServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        options ??= new VaultDevServerOptions();
        var storage = options.Storage ?? new InMemoryStorage();
        var token = options.RootToken ?? NewToken();

        var config = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mount_point"] = options.MountPoint,
            ["mount_type"] = options.MountType,
        };
        foreach (var (key, value) in options.MountOptions)
        {
            config[key] = value;
        }

        await backend.SetupAsync(new BackendConfig { Config = config, BackendUuid = Guid.NewGuid().ToString(), Storage = storage, SystemView = options.SystemView, LoggerFactory = options.LoggerFactory }, cancellationToken).ConfigureAwait(false);
        await backend.InitializeAsync(storage, cancellationToken).ConfigureAwait(false);

        // Kestrel alone (KestrelHost): no configuration, so no appsettings.json or ASPNETCORE_*
        // variable adds endpoints; Kestrel's logs go to the options' logger factory.
        var server = new VaultDevServer(backend, options, storage, token);
        try
        {
            await server._server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server._server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = server._server.Addresses.First();
        server.Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        server.StartBackgroundWork();
        return server;
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled or the process gets Ctrl+C or SIGTERM, then stops listening.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop))
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await StopListeningAsync().ConfigureAwait(false);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    /// <summary>Stops listening and cleans the backend up, as an unmount does.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopBackgroundWorkAsync().ConfigureAwait(false);
        await StopListeningAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
        await _backend.CleanupAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task StopListeningAsync()
    {
        using var timeout = new CancellationTokenSource(ShutdownTimeout);
        await _server.StopAsync(timeout.Token).ConfigureAwait(false);
    }

    private static string NewToken()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return "hvs." + RandomNumberGenerator.GetString(alphabet, 24);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = VaultRequestPath.Of(context);
        if (!path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            await WriteErrors(context, StatusCodes.Status404NotFound, "not found").ConfigureAwait(false);
            return;
        }

        var logical = path.Substring("/v1/".Length);
        if (logical == "sys/health")
        {
            await WriteJson(context, StatusCodes.Status200OK, new JsonObject
            {
                ["initialized"] = true,
                ["sealed"] = false,
                ["standby"] = false,
                ["server_time_utc"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["version"] = "vaultpathgen-dev",
            }).ConfigureAwait(false);
            return;
        }

        if (await TryHandleUnauthenticatedAsync(context, logical).ConfigureAwait(false))
        {
            return;
        }

        var caller = Caller(context.Request);
        if (await RefuseAsync(context, logical, caller).ConfigureAwait(false) || await HandleTokenAsync(context, logical, caller).ConfigureAwait(false))
        {
            return;
        }

        if (logical.StartsWith(_mount, StringComparison.Ordinal) || logical + "/" == _mount)
        {
            await HandleMountAsync(context, logical.Length > _mount.Length ? logical.Substring(_mount.Length) : "", caller).ConfigureAwait(false);
            return;
        }

        if (await TryHandleOpenApiAsync(context, logical).ConfigureAwait(false))
        {
            return;
        }

        if (await TryHandleLeasesAsync(context, logical).ConfigureAwait(false))
        {
            return;
        }

        var sys = SysResponse(logical);
        if (sys is not null)
        {
            await WriteJson(context, StatusCodes.Status200OK, Envelope(sys, warnings: null)).ConfigureAwait(false);
            return;
        }

        await WriteErrors(context, StatusCodes.Status404NotFound, $"no handler for route \"{logical}\". route entry not found.").ConfigureAwait(false);
    }

    private JsonObject MountInfo() => new()
    {
        ["type"] = MountType,
        ["path"] = _mount,
        ["description"] = _backend.Descriptor.Help,
        ["options"] = new JsonObject(_options.MountOptions.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)JsonValue.Create(o.Value)))),
        ["local"] = false,
        ["seal_wrap"] = false,
        ["external_entropy_access"] = false,
        ["config"] = new JsonObject { ["default_lease_ttl"] = 0, ["max_lease_ttl"] = 0, ["force_no_cache"] = false },
    };

    /// <summary>The few <c>sys</c> and <c>auth</c> endpoints clients call to find the mount and check the token.</summary>
    private JsonObject? SysResponse(string logical)
    {
        if (AuthMountsResponse(logical) is { } authMounts)
        {
            return authMounts;
        }

        if (logical.StartsWith("sys/internal/ui/mounts/", StringComparison.Ordinal))
        {
            var rest = string.Concat(logical.AsSpan("sys/internal/ui/mounts/".Length), "/");
            return rest.StartsWith(_mount, StringComparison.Ordinal) ? MountInfo() : null;
        }

        switch (logical)
        {
            case "sys/mounts":
                return new JsonObject { [_mount] = MountInfo() };
            default:
                return null;
        }
    }

    private async Task HandleMountAsync(HttpContext context, string path, DevToken? caller)
    {
        var cancellationToken = context.RequestAborted;
        var (operation, status, error) = VaultHttpMapping.OperationFor(context.Request);
        if (error is not null)
        {
            await WriteErrors(context, status, error).ConfigureAwait(false);
            return;
        }

        if (operation == Operation.List && !path.EndsWith('/') && path.Length > 0)
        {
            path += "/";
        }

        var (data, dataStatus, dataError) = await VaultHttpMapping.ReadDataAsync(context.Request, operation, cancellationToken).ConfigureAwait(false);
        if (dataError is not null)
        {
            await WriteErrors(context, dataStatus, dataError).ConfigureAwait(false);
            return;
        }

        var request = new Request(operation, path)
        {
            Id = Guid.NewGuid().ToString(),
            Data = data,
            Storage = Storage,
            MountPoint = _mount,
            MountType = MountType,
            ClientToken = caller?.Id ?? "",
            ClientTokenAccessor = caller?.Accessor ?? "",
            DisplayName = caller?.DisplayName ?? "",
            Unauthenticated = caller is null,
            Connection = context.Connection.RemoteIpAddress is { } ip ? new Connection(ip.ToString(), context.Connection.RemotePort) : null,
        };

        var result = await LookaheadRefusalAsync(request, cancellationToken).ConfigureAwait(false)
            ?? await CoreRequestHandler.HandleAsync(_backend, request, cancellationToken).ConfigureAwait(false);
        await RegisterLeaseAsync(request, result, cancellationToken).ConfigureAwait(false);
        var outcome = result.Outcome;
        // Paths and operations only: request and response data may hold secrets.
        if (outcome.StatusCode >= 500)
        {
            if (_logger.IsEnabled(LogLevel.Error))
            {
                var fullPath = _mount + path;
                var operationName = result.Operation.ToWireName();
                LogFailure(_logger, context.Request.Method, fullPath, operationName, outcome.StatusCode, result.Exception);
            }
        }
        else if (_logger.IsEnabled(LogLevel.Information))
        {
            // A 4xx is the client's business and expected: no stack trace.
            var fullPath = _mount + path;
            var operationName = result.Operation.ToWireName();
            LogExchange(_logger, context.Request.Method, fullPath, operationName, outcome.StatusCode);
        }

        if (outcome.Raw is { } raw)
        {
            context.Response.StatusCode = outcome.StatusCode;
            foreach (var (name, value) in raw.Headers)
            {
                context.Response.Headers[name] = value;
            }

            if (raw.ContentType is not null)
            {
                context.Response.ContentType = raw.ContentType;
            }

            await context.Response.Body.WriteAsync(raw.Body, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (outcome.IsError)
        {
            await WriteJson(context, outcome.StatusCode, outcome.ErrorBody() ?? new JsonObject { ["errors"] = new JsonArray() }).ConfigureAwait(false);
            return;
        }

        if (outcome.RedirectLocation is { } location)
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = location;
            return;
        }

        if (outcome.StatusCode == StatusCodes.Status204NoContent || result.Response is null)
        {
            context.Response.StatusCode = outcome.StatusCode;
            return;
        }

        foreach (var (name, values) in result.Response.Headers)
        {
            context.Response.Headers[name] = values;
        }

        if (operation == Operation.Header)
        {
            context.Response.StatusCode = outcome.StatusCode;
            return;
        }

        // Vault's handleHelp answers with the help data itself ({"help": …, "openapi": …}), no envelope.
        var body = operation == Operation.Help
            ? result.Response.Data ?? []
            : Envelope(result.Response.Data, result.Response.Warnings, result.Response.Secret, request.Id, path);
        if (operation != Operation.Help)
        {
            body["auth"] = IssueToken(request, result.Response, outcome.StatusCode is >= 200 and < 300);
        }

        if (await TryWrapAsync(context, body, path).ConfigureAwait(false))
        {
            return;
        }

        await WriteJson(context, outcome.StatusCode, body).ConfigureAwait(false);
    }

    private JsonObject Envelope(JsonObject? data, IReadOnlyList<string>? warnings, Secret? secret = null, string? requestId = null, string? path = null)
    {
        JsonArray? warningArray = null;
        if (warnings is { Count: > 0 })
        {
            warningArray = [];
            foreach (var warning in warnings)
            {
                warningArray.Add((JsonNode?)JsonValue.Create(warning));
            }
        }

        return new JsonObject
        {
            ["request_id"] = requestId ?? Guid.NewGuid().ToString(),
            ["lease_id"] = secret?.LeaseId ?? "",
            ["renewable"] = secret?.Lease.Renewable ?? false,
            ["lease_duration"] = secret is null ? 0 : (long)secret.Lease.Ttl.TotalSeconds,
            ["data"] = data?.DeepClone(),
            ["wrap_info"] = null,
            ["warnings"] = warningArray,
            ["auth"] = null,
            ["mount_type"] = MountType,
        };
    }

    private static Task WriteErrors(HttpContext context, int status, string error) =>
        WriteJson(context, status, new JsonObject { ["errors"] = new JsonArray((JsonNode)JsonValue.Create(error)) });

    private static async Task WriteJson(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(VaultJsonWriter.Options) + "\n", context.RequestAborted).ConfigureAwait(false);
    }
}
