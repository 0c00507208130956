namespace VaultPathGen;

public static partial class LeaseRules
{
    /// <summary>
    /// Renews a token in an <c>[AuthRenew]</c> method by Vault's rules: what Go's
    /// <c>framework.LeaseExtend(backendTtl, backendMaxTtl, systemView)</c> hands to Vault's core, with
    /// the core's <c>framework.CalculateTTL</c> applied (the client's increment, else
    /// <paramref name="backendTtl"/>, else the mount's default; never past the token's issue time plus
    /// the smallest of the mount's maximum, <paramref name="backendMaxTtl"/> and the token's explicit
    /// maximum; the token's period, when it has one, replaces the TTL).
    /// </summary>
    /// <param name="auth">The token's auth as the renewal carries it (with its increment and issue time); its lease is updated.</param>
    /// <param name="systemView">The mount's default and maximum lease TTLs.</param>
    /// <param name="backendTtl">The TTL the auth method grants (a user's or a role's); zero for the mount's default.</param>
    /// <param name="backendMaxTtl">The auth method's maximum (a user's or a role's); zero for the mount's.</param>
    /// <param name="now">The current time; the default is the system clock.</param>
    /// <param name="cancellationToken">Cancels the system view calls.</param>
    /// <returns>A response carrying the renewed auth, with Vault's warning when the TTL was capped.</returns>
    /// <exception cref="LogicalException">The token is already past its maximum TTL.</exception>
    public static async ValueTask<Response> ExtendAsync(Auth auth, ISystemView systemView, TimeSpan backendTtl, TimeSpan backendMaxTtl,
        DateTimeOffset? now = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auth);
        var ttl = await CalculateTtlAsync(systemView, auth.Lease.Increment, backendTtl, auth.Period, backendMaxTtl, auth.ExplicitMaxTtl,
            auth.Lease.IssueTime, now, cancellationToken).ConfigureAwait(false);
        auth.Lease = auth.Lease with { Ttl = ttl.Ttl, MaxTtl = backendMaxTtl };
        return WithWarnings(new Response { Auth = auth }, ttl);
    }

    /// <summary>
    /// Renews a leased secret in a <c>[Renew]</c> method by the same rules as
    /// <see cref="ExtendAsync(Auth, ISystemView, TimeSpan, TimeSpan, DateTimeOffset?, CancellationToken)"/>:
    /// the client's increment, else <paramref name="backendTtl"/>, else the mount's default; never past
    /// the lease's issue time plus the smaller of the mount's maximum and <paramref name="backendMaxTtl"/>.
    /// </summary>
    /// <param name="secret">The lease as the renewal carries it (with its increment and issue time); its lease is updated.</param>
    /// <param name="systemView">The mount's default and maximum lease TTLs.</param>
    /// <param name="backendTtl">The TTL the engine grants (a role's); zero for the mount's default.</param>
    /// <param name="backendMaxTtl">The engine's maximum (a role's); zero for the mount's.</param>
    /// <param name="now">The current time; the default is the system clock.</param>
    /// <param name="cancellationToken">Cancels the system view calls.</param>
    /// <returns>A response carrying the renewed secret, with Vault's warning when the TTL was capped.</returns>
    /// <exception cref="LogicalException">The lease is already past its maximum TTL.</exception>
    public static async ValueTask<Response> ExtendAsync(Secret secret, ISystemView systemView, TimeSpan backendTtl, TimeSpan backendMaxTtl,
        DateTimeOffset? now = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var ttl = await CalculateTtlAsync(systemView, secret.Lease.Increment, backendTtl, TimeSpan.Zero, backendMaxTtl, TimeSpan.Zero,
            secret.Lease.IssueTime, now, cancellationToken).ConfigureAwait(false);
        secret.Lease = secret.Lease with { Ttl = ttl.Ttl };
        return WithWarnings(new Response { Secret = secret }, ttl);
    }

    private static Response WithWarnings(Response response, LeaseTtl ttl)
    {
        response.Warnings.AddRange(ttl.Warnings);
        return response;
    }
}
