using System.Globalization;

namespace VaultPathGen;

/// <summary>A lease duration worked out by <see cref="LeaseRules.CalculateTtlAsync"/>, with the warnings Vault would add.</summary>
public sealed record LeaseTtl(TimeSpan Ttl, IReadOnlyList<string> Warnings);

/// <summary>
/// Vault's lease-duration rules (Vault's <c>framework.CalculateTTL</c>): the requested increment, else
/// the backend's TTL, else the mount's default; never past the issue time plus the smallest of the
/// mount's, the backend's and the explicit maximum. Zero always means "not set".
/// </summary>
public static partial class LeaseRules
{
    /// <summary>Works out a lease's TTL.</summary>
    /// <param name="systemView">The mount's default and maximum lease TTLs.</param>
    /// <param name="increment">The TTL the client asked for on renewal; zero for none.</param>
    /// <param name="backendTtl">The backend's TTL (a role's or the secret type's); zero for none.</param>
    /// <param name="period">For periodic tokens: the period, which replaces the TTL; zero for none.</param>
    /// <param name="backendMaxTtl">The backend's maximum (a role's or the secret type's); zero for none.</param>
    /// <param name="explicitMaxTtl">An explicit maximum on the lease itself; zero for none.</param>
    /// <param name="issueTime">When the lease was issued; the default is now.</param>
    /// <param name="now">The current time; the default is the system clock.</param>
    /// <param name="cancellationToken">Cancels the system view calls.</param>
    /// <exception cref="LogicalException">The lease is already past its maximum, or the maximum is not positive.</exception>
    public static async ValueTask<LeaseTtl> CalculateTtlAsync(ISystemView systemView, TimeSpan increment, TimeSpan backendTtl, TimeSpan period,
        TimeSpan backendMaxTtl, TimeSpan explicitMaxTtl, DateTimeOffset issueTime = default, DateTimeOffset? now = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(systemView);

        // TTLs have a precision of one second in Vault.
        var current = TruncateToSecond(now ?? DateTimeOffset.UtcNow);
        var start = issueTime == default ? current : TruncateToSecond(issueTime);
        var warnings = new List<string>();

        var maxTtl = await systemView.MaxLeaseTtlAsync(cancellationToken).ConfigureAwait(false);
        if (backendMaxTtl > TimeSpan.Zero && backendMaxTtl < maxTtl)
        {
            maxTtl = backendMaxTtl;
        }

        if (explicitMaxTtl > TimeSpan.Zero && explicitMaxTtl < maxTtl)
        {
            maxTtl = explicitMaxTtl;
        }

        if (maxTtl <= TimeSpan.Zero)
        {
            throw LogicalException.Internal("max TTL must be greater than zero");
        }

        TimeSpan ttl;
        DateTimeOffset? maxValidTime = null;
        if (period > TimeSpan.Zero)
        {
            if (period > maxTtl)
            {
                warnings.Add($"period of \"{GoDuration(period)}\" exceeded the effective max_ttl of \"{GoDuration(maxTtl)}\"; period value is capped accordingly");
                period = maxTtl;
            }

            ttl = period;
            if (explicitMaxTtl > TimeSpan.Zero)
            {
                maxValidTime = start + explicitMaxTtl;
            }
        }
        else
        {
            ttl = increment > TimeSpan.Zero ? increment
                : backendTtl > TimeSpan.Zero ? backendTtl
                : await systemView.DefaultLeaseTtlAsync(cancellationToken).ConfigureAwait(false);
            maxValidTime = start + maxTtl;
        }

        if (maxValidTime is { } limit)
        {
            var maxValidTtl = limit - current;
            if (maxValidTtl < TimeSpan.Zero)
            {
                throw LogicalException.User("past the max TTL, cannot renew");
            }

            if (ttl > maxValidTtl)
            {
                warnings.Add($"TTL of \"{GoDuration(ttl)}\" exceeded the effective max_ttl of \"{GoDuration(maxValidTtl)}\"; TTL value is capped accordingly");
                ttl = maxValidTtl;
            }
        }

        return new LeaseTtl(ttl, warnings);
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    /// <summary>A duration as Go prints one (<c>1h2m3s</c>), for warnings that read like Vault's.</summary>
    internal static string GoDuration(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var total = (long)value.TotalSeconds;
        var text = "";
        if (total >= 3600)
        {
            text += (total / 3600).ToString(CultureInfo.InvariantCulture) + "h";
            total %= 3600;
            text += (total / 60).ToString(CultureInfo.InvariantCulture) + "m";
            total %= 60;
        }
        else if (total >= 60)
        {
            text += (total / 60).ToString(CultureInfo.InvariantCulture) + "m";
            total %= 60;
        }

        return text + total.ToString(CultureInfo.InvariantCulture) + "s";
    }
}
