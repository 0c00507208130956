namespace VaultPathGen;

/// <summary>
/// Declares a type of leased secret the backend issues (Vault's <c>framework.Secret</c>). A handler
/// returns one with <see cref="Response.WithSecret(string, System.Text.Json.Nodes.JsonObject, System.Text.Json.Nodes.JsonObject?)"/>;
/// Vault later sends renew and revoke for it, routed by the type name kept in the lease's internal
/// data under <c>secret_type</c>, to the methods marked <see cref="RenewAttribute"/> and
/// <see cref="RevokeAttribute"/> for this type. See docs/leases.md.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SecretTypeAttribute : Attribute
{
    /// <summary>Declares the secret type <paramref name="name"/>.</summary>
    public SecretTypeAttribute(string name) => Name = name;

    /// <summary>The type name, stored in the lease's internal data as <c>secret_type</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The lease's TTL when the handler sets none, as a Vault duration (<c>"1h"</c>, <c>"90m"</c>,
    /// <c>"3600"</c>); unset means the mount's default lease TTL.
    /// </summary>
    public string? DefaultTtl { get; set; }

    /// <summary>
    /// The longest a lease of this type may live from its issue, whatever the renewals; unset means
    /// the mount's maximum lease TTL. The mount's maximum still applies when it is shorter.
    /// </summary>
    public string? MaxTtl { get; set; }

    /// <summary>
    /// Whether leases of this type can be renewed. True by default: declare a
    /// <see cref="RenewAttribute"/> method, or set false (analyzer VPG0117 checks).
    /// </summary>
    public bool Renewable { get; set; } = true;
}

/// <summary>
/// Marks the method that renews leases of a declared secret type. It may take the lease's internal
/// data (a <c>JsonObject</c>, or a type of the backend's <c>JsonContext</c>), the <see cref="Secret"/>,
/// a <c>TimeSpan</c> named <c>increment</c>, the <see cref="Request"/>, <see cref="IStorage"/>,
/// <see cref="ISystemView"/>, <see cref="BackendConfig"/>, a logger and a <c>CancellationToken</c>.
/// It returns nothing (the lease is extended by Vault's rules) or a <see cref="Response"/>, or throws
/// to refuse the renewal.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RenewAttribute : Attribute
{
    /// <summary>Renews leases of <paramref name="secretType"/>.</summary>
    public RenewAttribute(string secretType) => SecretType = secretType;

    /// <summary>The secret type.</summary>
    public string SecretType { get; }
}

/// <summary>
/// Marks the method that revokes leases of a declared secret type: it removes what the lease
/// granted. Same parameters as <see cref="RenewAttribute"/> methods; returns nothing or a
/// <see cref="Response"/>. A revoke that throws is retried by Vault.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RevokeAttribute : Attribute
{
    /// <summary>Revokes leases of <paramref name="secretType"/>.</summary>
    public RevokeAttribute(string secretType) => SecretType = secretType;

    /// <summary>The secret type.</summary>
    public string SecretType { get; }
}
