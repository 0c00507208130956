namespace VaultPathGen;

/// <summary>
/// Per-operation forwarding (Go's <c>ForwardPerformanceStandby</c> and
/// <c>ForwardPerformanceSecondary</c>): on a node that must not run the operation, the backend
/// answers Vault's read-only error and Vault forwards the request to the active node or the primary.
/// Generated code calls this for operations declared with those flags.
/// </summary>
public static class RequestForwarding
{
    /// <summary>Vault's <c>logical.ErrReadOnly</c> text: Vault recognises the error by it and forwards the request.</summary>
    public const string ReadOnlyMessage = "cannot write to readonly storage";

    /// <summary>Vault's read-only error: the request is forwarded to a node that can write.</summary>
    public static LogicalException ReadOnly() => new(ErrorType.Unknown, ReadOnlyMessage);

    /// <summary>
    /// Throws <see cref="ReadOnly"/> when this node must forward: a performance standby for
    /// <paramref name="standby"/> operations, a performance secondary (unless the mount is local) for
    /// <paramref name="secondary"/> operations.
    /// </summary>
    public static async ValueTask ThrowIfForwardedAsync(ISystemView systemView, bool standby, bool secondary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(systemView);
        var state = await systemView.ReplicationStateAsync(cancellationToken).ConfigureAwait(false);
        if (standby && state.HasFlag(ReplicationState.PerformanceStandby))
        {
            throw ReadOnly();
        }

        if (secondary && state.HasFlag(ReplicationState.PerformanceSecondary) && !await systemView.LocalMountAsync(cancellationToken).ConfigureAwait(false))
        {
            throw ReadOnly();
        }
    }
}
