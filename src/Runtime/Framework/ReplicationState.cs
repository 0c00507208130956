namespace VaultPathGen;

/// <summary>
/// Where this Vault node stands in a cluster (Vault's <c>consts.ReplicationState</c>): flags, several
/// may be set at once. The values are Vault's wire values.
/// </summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1028", Justification = "Vault's wire values are 32-bit unsigned flags.")]
public enum ReplicationState : uint
{
    /// <summary>No replication, or unknown.</summary>
    Unknown = 0,
    /// <summary>The primary of performance replication.</summary>
    PerformancePrimary = 1 << 5,
    /// <summary>A performance secondary: its own cluster; replicated storage is read-only here.</summary>
    PerformanceSecondary = 1 << 6,
    /// <summary>The primary of disaster-recovery replication.</summary>
    DRPrimary = 1 << 8,
    /// <summary>A disaster-recovery secondary: serves no requests to plugins.</summary>
    DRSecondary = 1 << 9,
    /// <summary>A performance secondary being bootstrapped.</summary>
    PerformanceBootstrapping = 1 << 10,
    /// <summary>A disaster-recovery secondary being bootstrapped.</summary>
    DRBootstrapping = 1 << 11,
    /// <summary>Performance replication is disabled.</summary>
    PerformanceDisabled = 1 << 12,
    /// <summary>Disaster-recovery replication is disabled.</summary>
    DRDisabled = 1 << 13,
    /// <summary>A performance standby: serves reads; storage is read-only; writes go to the active node.</summary>
    PerformanceStandby = 1 << 14,
}
