namespace VaultPathGen;

/// <summary>
/// A Vault cluster's replication state (Vault's <c>consts.ReplicationState</c>): flags, the wire
/// values of Vault's SDK. A plugin on a performance secondary or standby must not write what only
/// the primary may (see <see cref="ReplicationStateExtensions.IsPerformanceSecondaryOrStandby"/>).
/// </summary>
[Flags]
public enum ReplicationState : uint
{
    /// <summary>No replication, or not known.</summary>
    Unknown = 0,
    /// <summary>A performance-replication primary.</summary>
    PerformancePrimary = 1 << 5,
    /// <summary>A performance-replication secondary: writes to replicated storage are refused.</summary>
    PerformanceSecondary = 1 << 6,
    /// <summary>A DR primary.</summary>
    DRPrimary = 1 << 8,
    /// <summary>A DR secondary.</summary>
    DRSecondary = 1 << 9,
    /// <summary>A performance secondary bootstrapping.</summary>
    PerformanceBootstrapping = 1 << 10,
    /// <summary>A DR secondary bootstrapping.</summary>
    DRBootstrapping = 1 << 11,
    /// <summary>Performance replication is disabled.</summary>
    PerformanceDisabled = 1 << 12,
    /// <summary>DR replication is disabled.</summary>
    DRDisabled = 1 << 13,
    /// <summary>A performance standby node: reads served locally, writes forwarded.</summary>
    PerformanceStandby = 1 << 14,
}

/// <summary>Questions plugins ask of a <see cref="ReplicationState"/>.</summary>
public static class ReplicationStateExtensions
{
    /// <summary>Whether <paramref name="state"/> has every flag of <paramref name="flags"/> (Vault's <c>HasState</c>).</summary>
    public static bool HasState(this ReplicationState state, ReplicationState flags) => (state & flags) == flags && flags != 0;

    /// <summary>
    /// Whether writes to replicated storage would be refused here: a performance secondary, or a
    /// performance standby. Vault's plugins check this before writing from background work.
    /// </summary>
    public static bool IsPerformanceSecondaryOrStandby(this ReplicationState state)
        => state.HasState(ReplicationState.PerformanceSecondary) || state.HasState(ReplicationState.PerformanceStandby);
}
