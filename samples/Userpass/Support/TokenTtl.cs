using VaultPathGen;

namespace Userpass;

/// <summary>
/// The TTL a renewal grants, by the rule Vault's core applies to auth renewals: the increment the
/// client asked for, else the user's TTL, cut so the token never outlives its max TTL counted from
/// the login (the token's issue time).
/// </summary>
internal static class TokenTtl
{
    public static LeaseOptions Renew(LeaseOptions lease, TimeSpan ttl, TimeSpan maxTtl, DateTimeOffset now)
    {
        var granted = lease.Increment > TimeSpan.Zero ? lease.Increment : ttl;
        if (maxTtl > TimeSpan.Zero && lease.IssueTime != default)
        {
            var left = lease.IssueTime + maxTtl - now;
            if (left < TimeSpan.Zero)
            {
                left = TimeSpan.Zero;
            }

            if (granted == TimeSpan.Zero || granted > left)
            {
                granted = left;
            }
        }

        return lease with { Ttl = granted, MaxTtl = maxTtl };
    }
}
