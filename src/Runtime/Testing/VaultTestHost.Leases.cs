namespace VaultPathGen.Testing;

/// <summary>Leases, as Vault's expiration manager keeps them for a mounted backend.</summary>
public sealed partial class VaultTestHost
{
    private ExpirationManager? _expiration;

    private ExpirationManager Expiration => LazyInitializer.EnsureInitialized(ref _expiration,
        () => new ExpirationManager(Backend, () => Storage, Options.SystemView, Options.MountPoint));

    /// <summary>
    /// The leases alive now: every secret a request issued gets one, with an id made of the mount
    /// point, the path and a random suffix, as in Vault.
    /// </summary>
    public IReadOnlyList<LeaseEntry> Leases => Expiration.Leases;

    /// <summary>
    /// Renews a lease as <c>sys/leases/renew</c> does: the backend's renew handler for the lease's
    /// secret type runs with the lease and <paramref name="increment"/>; core refuses unknown, expired
    /// and non-renewable leases with a 400 before the backend sees them.
    /// </summary>
    public async Task<HostResponse> RenewAsync(string leaseId, TimeSpan increment = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leaseId);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        return new HostResponse(await Expiration.RenewAsync(leaseId, increment, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Revokes a lease as <c>sys/leases/revoke</c> does, through the backend's revoke handler. An
    /// unknown lease is already revoked (204); a failed revoke keeps the lease.
    /// </summary>
    public async Task<HostResponse> RevokeAsync(string leaseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leaseId);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        return new HostResponse(await Expiration.RevokeAsync(leaseId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Revokes the leases that have expired by <paramref name="asOf"/> (now when null), as Vault does
    /// when a lease's TTL runs out; pass a future time to see what expiry will do. Returns how many
    /// were revoked; one whose revoke fails stays.
    /// </summary>
    public async Task<int> RevokeExpiredLeasesAsync(DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        return await Expiration.RevokeExpiredAsync(asOf ?? DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
    }
}
