namespace VaultPathGen.Dev;

/// <summary>Dev mode's small Vault: lease limits, the rollback tick, lease expiry.</summary>
public sealed partial class VaultDevServerOptions
{
    /// <summary>
    /// The system view the backend sees, whose lease limits dev mode also applies to leases. Vault's
    /// dev-server defaults (768h default and maximum lease TTL) when not set.
    /// </summary>
    public ISystemView SystemView { get; init; } = StaticSystemView.Default;

    /// <summary>How often the rollback tick runs the backend's periodic function and WAL rollback; Vault's is every minute.</summary>
    public TimeSpan RollbackInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often expired leases are looked for and revoked.</summary>
    public TimeSpan LeaseExpiryInterval { get; init; } = TimeSpan.FromSeconds(1);
}
