using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Protocol.Pb;
using VaultPathGen.Plugin.Translation;
using static VaultPathGen.RuntimeLog;

namespace VaultPathGen.Plugin.Services;

/// <summary>
/// Serves <c>pb.Backend</c>. Vault multiplexes mounts over one plugin process and names the mount
/// in the <c>multiplex_id</c> metadata of every call; each mount gets its own backend instance,
/// storage connection, Setup and Cleanup.
/// </summary>
internal sealed partial class BackendService(Func<IBackend> factory, Func<uint, BrokeredConnection> dialBroker, ILoggerFactory loggerFactory)
{
    public const string MultiplexIdKey = "multiplex_id";

    private readonly ConcurrentDictionary<string, Mount> _mounts = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggerFactory.CreateLogger("VaultPathGen.Plugin");
    private readonly InFlightRequests _inFlight = new();

    /// <summary>The calls (requests, existence checks, a mount's setup and initialization) started and in flight, for the idle memory trim.</summary>
    public InFlightRequests Requests => _inFlight;

    private sealed record Mount(IBackend Backend, IStorage Storage, BrokeredConnection Connection);

    public void Map(GrpcRouter router)
    {
        router.MapUnary<SetupArgs, SetupReply>("/pb.Backend/Setup", SetupArgs.Parser, SetupAsync);
        router.MapUnary<Empty, TypeReply>("/pb.Backend/Type", Empty.Parser, (_, call) =>
            ValueTask.FromResult(new TypeReply { Type = (uint)Find(call).Backend.Descriptor.Type }));
        router.MapUnary<Empty, SpecialPathsReply>("/pb.Backend/SpecialPaths", Empty.Parser, (_, call) =>
            ValueTask.FromResult(new SpecialPathsReply { Paths = ProtoTranslation.ToProto(Find(call).Backend.Descriptor.SpecialPaths) }));
        router.MapUnary<InitializeArgs, InitializeReply>("/pb.Backend/Initialize", InitializeArgs.Parser, InitializeAsync);
        router.MapUnary<HandleRequestArgs, HandleRequestReply>("/pb.Backend/HandleRequest", HandleRequestArgs.Parser, HandleRequestAsync);
        router.MapUnary<HandleExistenceCheckArgs, HandleExistenceCheckReply>("/pb.Backend/HandleExistenceCheck", HandleExistenceCheckArgs.Parser, HandleExistenceCheckAsync);
        router.MapUnary<InvalidateKeyArgs, Empty>("/pb.Backend/InvalidateKey", InvalidateKeyArgs.Parser, InvalidateKeyAsync);
        router.MapUnary<Empty, Empty>("/pb.Backend/Cleanup", Empty.Parser, CleanupAsync);
    }

    private Mount Find(GrpcCallContext call)
    {
        var id = call.Metadata(MultiplexIdKey);
        return _mounts.TryGetValue(id, out var mount)
            ? mount
            : throw new GrpcException(GrpcStatusCode.FailedPrecondition, $"no backend instance for multiplex id \"{id}\": Setup has not run");
    }

    private async ValueTask<SetupReply> SetupAsync(SetupArgs args, GrpcCallContext call)
    {
        // A mount being set up is traffic too: a stop drains it, the idle trim waits for it.
        using var inFlight = _inFlight.Enter();
        var id = call.Metadata(MultiplexIdKey);
        var connection = dialBroker(args.BrokerId);
        var storage = new GrpcStorage(connection);
        var setupStorage = new SetupStorage(storage);
        IBackend backend;
        try
        {
            backend = factory();
            var config = new BackendConfig
            {
                Config = new Dictionary<string, string>(args.Config, StringComparer.Ordinal),
                BackendUuid = args.BackendUUID,
                Storage = setupStorage,
                SystemView = new GrpcSystemView(connection),
                LoggerFactory = loggerFactory,
            };
            await backend.SetupAsync(config, call.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            connection.Dispose();
            LogSetupFailed(_logger, id, e.GetType().Name, e.Message);
            return new SetupReply { Err = e is LogicalException or StorageException ? e.Message : "backend setup failed" };
        }

        setupStorage.AllowWrites();
        var mount = new Mount(backend, storage, connection);
        _mounts.AddOrUpdate(id, mount, (_, old) =>
        {
            old.Connection.Dispose();
            return mount;
        });
        LogSetup(_logger, id, args.BackendUUID);
        return new SetupReply();
    }

    private async ValueTask<InitializeReply> InitializeAsync(InitializeArgs args, GrpcCallContext call)
    {
        using var inFlight = _inFlight.Enter();
        var mount = Find(call);
        try
        {
            await mount.Backend.InitializeAsync(mount.Storage, call.CancellationToken).ConfigureAwait(false);
            return new InitializeReply();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new InitializeReply { Err = Fail("initialize", e) };
        }
    }

    private async ValueTask<HandleRequestReply> HandleRequestAsync(HandleRequestArgs args, GrpcCallContext call)
    {
        using var inFlight = _inFlight.Enter();
        var mount = Find(call);
        try
        {
            var request = ProtoTranslation.ToRequest(args.Request ?? new Protocol.Pb.Request());
            request.Storage = mount.Storage;
            var response = await mount.Backend.HandleRequestAsync(request, call.CancellationToken).ConfigureAwait(false);
            if (response?.LogicalError is { } returned)
            {
                return new HandleRequestReply { Err = Fail(args.Request, returned) };
            }

            return new HandleRequestReply { Response = response is null ? null : ProtoTranslation.ToProto(response) };
        }
        catch (Exception e) when (e is not OperationCanceledException || !call.CancellationToken.IsCancellationRequested)
        {
            return new HandleRequestReply { Err = Fail(args.Request, e) };
        }
    }

    private async ValueTask<HandleExistenceCheckReply> HandleExistenceCheckAsync(HandleExistenceCheckArgs args, GrpcCallContext call)
    {
        using var inFlight = _inFlight.Enter();
        var mount = Find(call);
        try
        {
            var request = ProtoTranslation.ToRequest(args.Request ?? new Protocol.Pb.Request());
            request.Storage = mount.Storage;
            var result = await mount.Backend.HandleExistenceCheckAsync(request, call.CancellationToken).ConfigureAwait(false);
            return new HandleExistenceCheckReply { CheckFound = result.CheckFound, Exists = result.Exists };
        }
        catch (Exception e) when (e is not OperationCanceledException || !call.CancellationToken.IsCancellationRequested)
        {
            return new HandleExistenceCheckReply { Err = Fail(args.Request, e) };
        }
    }

    private async ValueTask<Empty> InvalidateKeyAsync(InvalidateKeyArgs args, GrpcCallContext call)
    {
        var mount = Find(call);
        await mount.Backend.InvalidateKeyAsync(args.Key, call.CancellationToken).ConfigureAwait(false);
        return new Empty();
    }

    private async ValueTask<Empty> CleanupAsync(Empty args, GrpcCallContext call)
    {
        var id = call.Metadata(MultiplexIdKey);
        if (!_mounts.TryRemove(id, out var mount))
        {
            return new Empty();
        }

        try
        {
            await mount.Backend.CleanupAsync(call.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            mount.Connection.Dispose();
            LogCleanup(_logger, id);
        }

        return new Empty();
    }

    /// <summary>Lets requests being handled finish, for at most <paramref name="grace"/>.</summary>
    public Task<bool> DrainAsync(TimeSpan grace) => _inFlight.DrainAsync(grace);

    /// <summary>
    /// The process is stopping with mounts Vault never cleaned up (it went away, or shut us down
    /// without Cleanup): give each backend a short chance to release what it holds.
    /// </summary>
    public async Task CleanupAllAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var cleanups = new List<Task>();
        foreach (var id in _mounts.Keys)
        {
            if (_mounts.TryRemove(id, out var mount))
            {
                cleanups.Add(CleanupQuietlyAsync(id, mount, deadline.Token));
            }
        }

        try
        {
            await Task.WhenAll(cleanups).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    private async Task CleanupQuietlyAsync(string id, Mount mount, CancellationToken cancellationToken)
    {
        try
        {
            await mount.Backend.CleanupAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSetupFailed(_logger, id, e.GetType().Name, "cleanup at exit: " + e.Message);
        }
        finally
        {
            mount.Connection.Dispose();
        }
    }

    /// <summary>Logs a failure that is not the caller's fault and turns it into Vault's error.</summary>
    private ProtoError Fail(Protocol.Pb.Request? request, Exception e)
    {
        if (e is not LogicalException)
        {
            // Only the operation and path: request data may hold secrets.
            LogRequestFailed(_logger, request?.Operation ?? "", request?.Path ?? "", e.GetType().Name, e.Message);
        }

        return ProtoTranslation.ToProtoError(e);
    }

    private ProtoError Fail(string stage, Exception e)
    {
        if (e is not LogicalException)
        {
            LogRequestFailed(_logger, stage, "", e.GetType().Name, e.Message);
        }

        return ProtoTranslation.ToProtoError(e);
    }
}
