using System.Text;
using System.Text.Json.Nodes;
using VaultPathGen;

namespace VaultPathGen.TestPlugin;

/// <summary>
/// A hand-written key/value backend: <c>kv/&lt;key&gt;</c> for create, read, update and delete,
/// <c>kv/</c> for list, with an existence check. Values are stored as the request's JSON.
/// <c>fail/error-response</c>, <c>fail/logical</c> and <c>fail/crash</c> exercise error paths;
/// <c>info</c> reports what Setup was given; <c>wrap</c> wraps data through Vault's system view.
/// </summary>
public sealed class KvBackend : IBackend
{
    private const string Prefix = "kv/";
    private BackendConfig _config = new();
    private readonly List<string> _invalidated = [];
    private bool _setupRead;

    public BackendDescriptor Descriptor { get; } = new(
        "KvBackend",
        BackendType.Logical,
        "A tiny key/value store for transport tests.",
        [],
        new SpecialPaths { Root = ["root/*"], Unauthenticated = ["public/*"], SealWrapStorage = ["kv/sealed"] });

    public async ValueTask SetupAsync(BackendConfig config, CancellationToken cancellationToken)
    {
        _config = config;

        // Storage is read-only during setup: a write must be refused, a read must work.
        try
        {
            await config.Storage.PutAsync(new StorageEntry("setup-probe", [1]), cancellationToken);
            throw new InvalidOperationException("storage accepted a write during setup");
        }
        catch (StorageException)
        {
        }

        // A real mount (not Vault's registration probe) may read during setup.
        if (config.BackendUuid.Length > 0)
        {
            _setupRead = await config.Storage.GetAsync("config", cancellationToken) is null;
        }
    }

    public ValueTask InitializeAsync(IStorage storage, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask<Response?> HandleRequestAsync(Request request, CancellationToken cancellationToken)
    {
        switch (request.Path)
        {
            case "info" when request.Operation == Operation.Read:
                var config = new JsonObject();
                foreach (var (key, value) in _config.Config)
                {
                    config[key] = value;
                }

                var invalidated = new JsonArray();
                lock (_invalidated)
                {
                    foreach (var key in _invalidated)
                    {
                        invalidated.Add((JsonNode?)key);
                    }
                }

                return Response.WithData(new JsonObject
                {
                    ["backend_uuid"] = _config.BackendUuid,
                    ["config"] = config,
                    ["invalidated"] = invalidated,
                    ["mount_point"] = request.MountPoint,
                    ["setup_read"] = _setupRead,
                    ["default_lease_ttl_seconds"] = (long)(await _config.SystemView.DefaultLeaseTtlAsync(cancellationToken)).TotalSeconds,
                    ["max_lease_ttl_seconds"] = (long)(await _config.SystemView.MaxLeaseTtlAsync(cancellationToken)).TotalSeconds,
                    ["vault_version"] = await _config.SystemView.VaultVersionAsync(cancellationToken),
                });
            case "wrap" when request.Operation == Operation.Update:
                return await WrapAsync(request.Data, cancellationToken);
            case "fail/error-response":
                return Response.Error("this is an error response");
            case "fail/logical":
                throw LogicalException.Coded(418, "i'm a teapot");
            case "fail/crash":
                throw new InvalidOperationException("handler crashed with secret-token-xyz");
        }

        switch (request.Operation)
        {
            case Operation.Rollback:
                return null;
            case Operation.Renew:
                var secret = request.Secret ?? throw LogicalException.InvalidRequest("renew without a secret");
                return new Response
                {
                    Secret = new Secret
                    {
                        Lease = secret.Lease with { Ttl = secret.Lease.Increment > TimeSpan.Zero ? secret.Lease.Increment : TimeSpan.FromMinutes(30) },
                        InternalData = secret.InternalData,
                    },
                };
            case Operation.Revoke:
                _ = request.Secret ?? throw LogicalException.InvalidRequest("revoke without a secret");
                return null;
        }

        if (request.Path.StartsWith("creds/", StringComparison.Ordinal) && request.Operation == Operation.Read)
        {
            var name = request.Path["creds/".Length..];
            return new Response
            {
                Data = new JsonObject { ["username"] = name },
                Secret = new Secret
                {
                    Lease = new LeaseOptions { Ttl = TimeSpan.FromHours(1), MaxTtl = TimeSpan.FromHours(2), Renewable = true },
                    InternalData = new JsonObject { ["secret_type"] = "creds", ["username"] = name },
                },
            };
        }

        if (request.Path == "login" && request.Operation == Operation.Update)
        {
            var user = (string?)request.Data?["user"] ?? throw LogicalException.InvalidRequest("user is required");
            return new Response
            {
                Auth = new Auth
                {
                    DisplayName = user,
                    Policies = ["default", "kv-reader"],
                    Metadata = new Dictionary<string, string> { ["user"] = user },
                    Lease = new LeaseOptions { Ttl = TimeSpan.FromMinutes(10), MaxTtl = TimeSpan.FromHours(1), Renewable = true },
                    InternalData = new JsonObject { ["user"] = user },
                    Period = TimeSpan.FromMinutes(5),
                    NumUses = 3,
                    BoundCidrs = ["127.0.0.1/32"],
                },
            };
        }

        if (request.Operation == Operation.List && request.Path == Prefix)
        {
            return Response.List(await request.Storage.ListAsync(Prefix, cancellationToken));
        }

        if (!request.Path.StartsWith(Prefix, StringComparison.Ordinal) || request.Path.Length == Prefix.Length)
        {
            throw LogicalException.UnsupportedPath();
        }

        var storageKey = request.Path;
        switch (request.Operation)
        {
            case Operation.Create:
            case Operation.Update:
                if (request.Data is null || request.Data.Count == 0)
                {
                    return Response.Error("no data provided");
                }

                await request.Storage.PutAsync(new StorageEntry(storageKey, Encoding.UTF8.GetBytes(request.Data.ToJsonString()), request.Path == "kv/sealed"), cancellationToken);
                return request.Operation == Operation.Create
                    ? Response.WithData(new JsonObject { ["created"] = true })
                    : null;
            case Operation.Read:
                var entry = await request.Storage.GetAsync(storageKey, cancellationToken);
                if (entry is null)
                {
                    return null;
                }

                var data = JsonNode.Parse(entry.Value)!.AsObject();
                return new Response
                {
                    Data = data,
                    Secret = null,
                }.AddWarning("read from test plugin");
            case Operation.Delete:
                await request.Storage.DeleteAsync(storageKey, cancellationToken);
                return null;
            default:
                throw LogicalException.UnsupportedOperation();
        }
    }

    /// <summary>Wraps <c>data</c> for <c>ttl</c> seconds through Vault's system view and answers with the wrapping info.</summary>
    private async ValueTask<Response> WrapAsync(JsonObject? body, CancellationToken cancellationToken)
    {
        var payload = body?["data"] as JsonObject ?? [];
        var ttl = TimeSpan.FromSeconds((long?)body?["ttl"] ?? 60);
        var info = await _config.SystemView.ResponseWrapDataAsync((JsonObject)payload.DeepClone(), ttl, cancellationToken: cancellationToken);
        return Response.WithData(new JsonObject
        {
            ["token"] = info.Token,
            ["accessor"] = info.Accessor,
            ["ttl_seconds"] = (long)info.Ttl.TotalSeconds,
            ["creation_path"] = info.CreationPath,
            ["creation_time"] = info.CreationTime.ToUnixTimeSeconds(),
        });
    }

    public async ValueTask<ExistenceCheckResult> HandleExistenceCheckAsync(Request request, CancellationToken cancellationToken)
    {
        if (!request.Path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return ExistenceCheckResult.NotFound;
        }

        return new ExistenceCheckResult(true, await request.Storage.GetAsync(request.Path, cancellationToken) is not null);
    }

    public ValueTask InvalidateKeyAsync(string key, CancellationToken cancellationToken)
    {
        lock (_invalidated)
        {
            _invalidated.Add(key);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CleanupAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
