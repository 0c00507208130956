namespace VaultPathGen;

/// <summary>
/// A declared secret type as data (Vault's <c>framework.Secret</c> without its handlers): what the
/// generated dispatch applies to the leases it issues and renews.
/// </summary>
/// <param name="Name">The type name, kept in the lease's internal data as <c>secret_type</c>.</param>
/// <param name="DefaultTtl">The lease's TTL when the handler sets none; zero for the mount's default.</param>
/// <param name="MaxTtl">The lease's maximum life from its issue; zero for the mount's maximum.</param>
/// <param name="Renewable">Whether leases of this type can be renewed.</param>
public sealed record SecretType(string Name, TimeSpan DefaultTtl, TimeSpan MaxTtl, bool Renewable)
{
    /// <summary>The internal-data key that names a lease's secret type, as in Vault's framework.</summary>
    public const string InternalDataKey = "secret_type";
}
