using VaultPathGen;

namespace DynamicCreds;

/// <summary>
/// Issues short-lived credentials: each read of <c>creds/&lt;role&gt;</c> creates a username and a
/// random password under a lease of secret type <c>creds</c>; renewing extends it within the role's
/// maximum TTL, revoking removes it. A write-ahead-log entry protects issuing, and a periodic
/// clean-up removes credentials whose lease has passed its maximum TTL.
/// </summary>
[SecretsEngine(JsonContext = typeof(CredsJson))]
[SecretType(CredsType, DefaultTtl = "1h", MaxTtl = "24h")]
public partial class DynamicCredsEngine
{
    /// <summary>The secret type of issued credentials.</summary>
    public const string CredsType = "creds";

    internal const string RolesPrefix = "roles/";
    internal const string IssuedPrefix = "issued/";
    internal const string PendingWalKind = "credential";

    /// <summary>The clock for issue and expiry times; tests replace it to move time.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private static ValueTask<Role?> ReadRoleAsync(IStorage storage, string name, CancellationToken cancellationToken)
        => storage.GetJsonAsync(RolesPrefix + name, CredsJson.Default.Role, cancellationToken);
}
