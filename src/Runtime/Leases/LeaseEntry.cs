using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>
/// A lease as Vault's expiration manager keeps it (Vault's <c>leaseEntry</c>): which path issued it,
/// the secret's internal data, and when it expires.
/// </summary>
public sealed record LeaseEntry
{
    /// <summary>The lease id: mount point, path, then a random suffix (<c>secret/creds/web/AbC…</c>).</summary>
    public required string LeaseId { get; init; }

    /// <summary>The path that issued the lease, relative to the mount; renew and revoke are sent with it.</summary>
    public required string Path { get; init; }

    /// <summary>The secret's internal data, <c>secret_type</c> included.</summary>
    public required JsonObject InternalData { get; init; }

    /// <summary>The lease options as last set: TTL, max TTL, renewable, issue time.</summary>
    public required LeaseOptions Lease { get; init; }

    /// <summary>When the lease was issued.</summary>
    public DateTimeOffset IssueTime => Lease.IssueTime;

    /// <summary>When the lease expires and is revoked.</summary>
    public required DateTimeOffset ExpireTime { get; init; }

    /// <summary>When the lease was last renewed; null when never.</summary>
    public DateTimeOffset? LastRenewal { get; init; }

    /// <summary>The secret as Vault hands it to the backend on renew and revoke.</summary>
    public Secret ToSecret(TimeSpan increment = default) => new()
    {
        LeaseId = LeaseId,
        InternalData = (JsonObject)InternalData.DeepClone(),
        Lease = Lease with { Increment = increment },
    };
}
