using System.Text.Json.Nodes;

namespace VaultPathGen.Tests.Testing;

/// <summary>Issues "creds" at any read path, renews by Vault's rules, records every renew and revoke.</summary>
internal sealed class LeaseBackend : IBackend
{
    private static readonly SecretType[] Types = [new("creds", TimeSpan.FromHours(1), TimeSpan.FromHours(3), true), new("fixed", TimeSpan.FromMinutes(5), TimeSpan.Zero, false)];
    private BackendConfig _config = new();

    public System.Collections.Concurrent.ConcurrentQueue<string> Calls { get; } = new();

    public bool FailRevoke { get; set; }

    public BackendDescriptor Descriptor { get; } = new("Leases", BackendType.Logical, "", [], SpecialPaths.None);

    public ValueTask SetupAsync(BackendConfig config, CancellationToken cancellationToken)
    {
        _config = config;
        return default;
    }

    public ValueTask InitializeAsync(IStorage storage, CancellationToken cancellationToken) => default;

    public async ValueTask<Response?> HandleRequestAsync(Request request, CancellationToken cancellationToken)
    {
        switch (request.Operation)
        {
            case Operation.Rollback:
                Calls.Enqueue("rollback");
                return null;
            case Operation.Read:
                var type = request.Path.StartsWith("fixed", StringComparison.Ordinal) ? "fixed" : "creds";
                return SecretLeases.Issue(Response.WithSecret(type, new JsonObject { ["user"] = request.Path }, new JsonObject { ["user"] = request.Path }), Types);
            case Operation.Renew:
                var secret = SecretLeases.RequireSecret(request);
                Calls.Enqueue($"renew {request.Path} {secret.LeaseId} {secret.InternalData["user"]} {(int)secret.Lease.Increment.TotalSeconds}");
                return await SecretLeases.RenewAsync(request, null, Types[0], _config.SystemView, cancellationToken);
            case Operation.Revoke:
                Calls.Enqueue($"revoke {request.Path} {SecretLeases.RequireSecret(request).InternalData["user"]}");
                return FailRevoke ? throw LogicalException.Internal("downstream unavailable") : null;
            default:
                throw LogicalException.UnsupportedOperation();
        }
    }

    public ValueTask<ExistenceCheckResult> HandleExistenceCheckAsync(Request request, CancellationToken cancellationToken) => new(ExistenceCheckResult.NotFound);

    public ValueTask InvalidateKeyAsync(string key, CancellationToken cancellationToken) => default;

    public ValueTask CleanupAsync(CancellationToken cancellationToken) => default;
}
