using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VaultPathGen.Http;
using static VaultPathGen.RuntimeLog;

namespace VaultPathGen;

/// <summary>
/// The part of Vault's core that owns leases (Vault's <c>ExpirationManager</c>), for the in-process
/// hosts: it gives every issued secret a lease id and limits its TTL by the mount's, renews and
/// revokes through the backend's handlers, and revokes leases that have expired. Kept in memory.
/// </summary>
internal sealed partial class ExpirationManager(IBackend backend, Func<IStorage> storage, ISystemView systemView, string mountPoint, ILogger? logger = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LeaseEntry> _leases = new(StringComparer.Ordinal);
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>The leases alive now, in order of id.</summary>
    public IReadOnlyList<LeaseEntry> Leases
    {
        get
        {
            lock (_gate)
            {
                return [.. _leases.Values.OrderBy(l => l.LeaseId, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The lease with <paramref name="leaseId"/>, or null.</summary>
    public LeaseEntry? Lookup(string leaseId)
    {
        lock (_gate)
        {
            return _leases.GetValueOrDefault(leaseId);
        }
    }

    /// <summary>
    /// Registers the secret a successful response carries, as core does before answering the client:
    /// the mount's default TTL when the backend set none, capped at the mount's (or the secret's)
    /// maximum; a new lease id and issue time are written into the response's secret.
    /// </summary>
    public async ValueTask RegisterAsync(Request request, Response? response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (response?.Secret is not { } secret || response.IsError)
        {
            return;
        }

        var lease = secret.Lease;
        var ttl = lease.Ttl > TimeSpan.Zero ? lease.Ttl : await systemView.DefaultLeaseTtlAsync(cancellationToken).ConfigureAwait(false);
        var maxTtl = await systemView.MaxLeaseTtlAsync(cancellationToken).ConfigureAwait(false);
        if (lease.MaxTtl > TimeSpan.Zero && lease.MaxTtl < maxTtl)
        {
            maxTtl = lease.MaxTtl;
        }

        if (ttl > maxTtl)
        {
            ttl = maxTtl;
        }

        var issued = Truncate(now);
        secret.Lease = lease with { Ttl = ttl, MaxTtl = maxTtl, IssueTime = issued };
        secret.LeaseId = mountPoint + request.Path.TrimEnd('/') + "/" + NewId();
        var entry = new LeaseEntry
        {
            LeaseId = secret.LeaseId,
            Path = request.Path,
            InternalData = (JsonObject)secret.InternalData.DeepClone(),
            Lease = secret.Lease,
            ExpireTime = issued + ttl,
        };
        lock (_gate)
        {
            _leases[entry.LeaseId] = entry;
        }
    }

    /// <summary>
    /// Renews a lease through the backend's renew handler, as <c>sys/leases/renew</c> does. Core's own
    /// refusals (unknown, expired or non-renewable lease) are 400s that never reach the backend.
    /// </summary>
    public async ValueTask<CoreResult> RenewAsync(string leaseId, TimeSpan increment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = Lookup(leaseId);
        var refusal = entry is null ? "lease not found"
            : entry.ExpireTime <= now ? "lease expired"
            : !entry.Lease.Renewable ? "lease is not renewable"
            : null;
        var request = new Request(Operation.Renew, entry?.Path ?? "") { Id = Guid.NewGuid().ToString(), MountPoint = mountPoint, Secret = entry?.ToSecret(increment), Storage = storage() };
        if (refusal is not null)
        {
            var error = Response.Error(refusal);
            return new CoreResult(request, null, reachedBackend: false, error, null, VaultStatus.Evaluate(Operation.Renew, error, null));
        }

        var result = await CallAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Outcome.IsError || result.Response?.Secret is not { } renewed)
        {
            return result;
        }

        // Core never lets a renewal outlive the maximum from the issue time, whatever the backend said.
        var limit = entry!.IssueTime + entry.Lease.MaxTtl;
        var ttl = renewed.Lease.Ttl;
        var current = Truncate(now);
        if (current + ttl > limit)
        {
            ttl = limit - current;
        }

        renewed.LeaseId = entry.LeaseId;
        renewed.Lease = entry.Lease with { Ttl = ttl, Increment = increment };
        lock (_gate)
        {
            if (_leases.ContainsKey(entry.LeaseId))
            {
                _leases[entry.LeaseId] = entry with { Lease = renewed.Lease, ExpireTime = current + ttl, LastRenewal = current };
            }
        }

        return result;
    }

    /// <summary>
    /// Revokes a lease through the backend's revoke handler. An unknown lease is already revoked
    /// (Vault answers 204); a failed revoke keeps the lease so it can be retried.
    /// </summary>
    public async ValueTask<CoreResult> RevokeAsync(string leaseId, CancellationToken cancellationToken)
    {
        var entry = Lookup(leaseId);
        var request = new Request(Operation.Revoke, entry?.Path ?? "") { Id = Guid.NewGuid().ToString(), MountPoint = mountPoint, Secret = entry?.ToSecret(), Storage = storage() };
        if (entry is null)
        {
            return new CoreResult(request, null, reachedBackend: false, null, null, VaultStatus.Evaluate(Operation.Revoke, null, null));
        }

        var result = await CallAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.Outcome.IsError)
        {
            lock (_gate)
            {
                _leases.Remove(leaseId);
            }
        }

        return result;
    }

    /// <summary>Revokes every lease whose id starts with <paramref name="prefix"/>; returns the failures.</summary>
    public async ValueTask<IReadOnlyList<CoreResult>> RevokePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var failures = new List<CoreResult>();
        foreach (var lease in Leases.Where(l => l.LeaseId.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var result = await RevokeAsync(lease.LeaseId, cancellationToken).ConfigureAwait(false);
            if (result.Outcome.IsError)
            {
                failures.Add(result);
            }
        }

        return failures;
    }

    /// <summary>
    /// Revokes the leases that expired by <paramref name="now"/>, as Vault's expiry timers do. A lease
    /// whose revoke fails stays, is logged, and is tried again on the next call.
    /// </summary>
    public async ValueTask<int> RevokeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revoked = 0;
        foreach (var lease in Leases.Where(l => l.ExpireTime <= now))
        {
            var result = await RevokeAsync(lease.LeaseId, cancellationToken).ConfigureAwait(false);
            if (result.Outcome.IsError)
            {
                LogRevokeFailed(_logger, lease.LeaseId, string.Join("; ", result.Outcome.Errors), result.Exception);
            }
            else
            {
                revoked++;
            }
        }

        return revoked;
    }

    private ValueTask<CoreResult> CallAsync(Request request, CancellationToken cancellationToken)
        => CoreRequestHandler.CallBackendAsync(backend, request, null, cancellationToken);

    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    private static string NewId()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }
}
