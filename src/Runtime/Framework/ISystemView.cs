namespace VaultPathGen;

/// <summary>
/// What Vault tells a backend about its mount and itself (Vault's <c>logical.SystemView</c>): lease
/// limits, mount state and a few services. Served by Vault on the plugin's brokered connection.
/// </summary>
public partial interface ISystemView
{
    /// <summary>The mount's default lease TTL.</summary>
    ValueTask<TimeSpan> DefaultLeaseTtlAsync(CancellationToken cancellationToken = default);

    /// <summary>The mount's maximum lease TTL: credentials must not outlive it.</summary>
    ValueTask<TimeSpan> MaxLeaseTtlAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the mount is being unmounted.</summary>
    ValueTask<bool> TaintedAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether caching is disabled in Vault's configuration.</summary>
    ValueTask<bool> CachingDisabledAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the mount is local (not replicated).</summary>
    ValueTask<bool> LocalMountAsync(CancellationToken cancellationToken = default);

    /// <summary>The version of the Vault server running the plugin, e.g. <c>1.15.0</c>.</summary>
    ValueTask<string> VaultVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>A password generated from the named Vault password policy.</summary>
    ValueTask<string> GeneratePasswordFromPolicyAsync(string policyName, CancellationToken cancellationToken = default);
}

/// <summary>
/// A system view with fixed answers (Vault's <c>logical.StaticSystemView</c>): Vault's defaults of
/// 768 hours for both TTLs. What a backend sees before Vault gives it the real one, and in tests.
/// </summary>
public sealed partial class StaticSystemView : ISystemView
{
    /// <summary>Vault's defaults.</summary>
    public static StaticSystemView Default { get; } = new();

    /// <summary>The default lease TTL returned.</summary>
    public TimeSpan DefaultLeaseTtl { get; init; } = TimeSpan.FromHours(768);

    /// <summary>The maximum lease TTL returned.</summary>
    public TimeSpan MaxLeaseTtl { get; init; } = TimeSpan.FromHours(768);

    /// <summary>Whether the mount reports itself tainted.</summary>
    public bool Tainted { get; init; }

    /// <summary>Whether caching is reported disabled.</summary>
    public bool CachingDisabled { get; init; }

    /// <summary>Whether the mount is reported local.</summary>
    public bool LocalMount { get; init; }

    /// <summary>The Vault version reported.</summary>
    public string VaultVersion { get; init; } = "";

    /// <inheritdoc />
    public ValueTask<TimeSpan> DefaultLeaseTtlAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(DefaultLeaseTtl);

    /// <inheritdoc />
    public ValueTask<TimeSpan> MaxLeaseTtlAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(MaxLeaseTtl);

    /// <inheritdoc />
    public ValueTask<bool> TaintedAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Tainted);

    /// <inheritdoc />
    public ValueTask<bool> CachingDisabledAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(CachingDisabled);

    /// <inheritdoc />
    public ValueTask<bool> LocalMountAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(LocalMount);

    /// <inheritdoc />
    public ValueTask<string> VaultVersionAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(VaultVersion);

    /// <inheritdoc />
    public ValueTask<string> GeneratePasswordFromPolicyAsync(string policyName, CancellationToken cancellationToken = default)
        => GeneratePassword(policyName);
}
