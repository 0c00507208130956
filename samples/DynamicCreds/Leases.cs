using VaultPathGen;

namespace DynamicCreds;

public partial class DynamicCredsEngine
{
    /// <summary>
    /// Extends a credential's lease by Vault's rules with the role's TTLs: the client's increment, else
    /// the role's ttl; never past the role's max_ttl from issue. A deleted role's credentials renew
    /// with the secret type's defaults.
    /// </summary>
    [Renew(CredsType)]
    public async Task<Response?> RenewCredential(CredsLease lease, Secret secret, IStorage storage, ISystemView systemView, CancellationToken cancellationToken)
    {
        if (await storage.GetAsync(IssuedPrefix + lease.Username, cancellationToken) is null)
        {
            return Response.Error("credential " + lease.Username + " no longer exists");
        }

        var role = await ReadRoleAsync(storage, lease.Role, cancellationToken);
        if (role is null)
        {
            return null;
        }

        return await LeaseRules.ExtendAsync(secret, systemView, role.Ttl, role.MaxTtl, Now, cancellationToken);
    }

    /// <summary>Removes the credential: what a real engine would do by dropping the database user.</summary>
    [Revoke(CredsType)]
    public static ValueTask RevokeCredential(CredsLease lease, IStorage storage, CancellationToken cancellationToken)
        => storage.DeleteAsync(IssuedPrefix + lease.Username, cancellationToken);
}
