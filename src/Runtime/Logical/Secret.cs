using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>Lease options shared by secrets and auth (Vault's <c>logical.LeaseOptions</c>).</summary>
public sealed record LeaseOptions
{
    /// <summary>The lease's time to live.</summary>
    public TimeSpan Ttl { get; init; }
    /// <summary>The maximum time to live.</summary>
    public TimeSpan MaxTtl { get; init; }
    /// <summary>Whether the lease can be renewed.</summary>
    public bool Renewable { get; init; }
    /// <summary>The increment requested on renewal.</summary>
    public TimeSpan Increment { get; init; }
    /// <summary>When the lease was issued.</summary>
    public DateTimeOffset IssueTime { get; init; }
}

/// <summary>A leased secret (Vault's <c>logical.Secret</c>).</summary>
public sealed class Secret
{
    /// <summary>The lease.</summary>
    public LeaseOptions Lease { get; set; } = new();

    /// <summary>
    /// Data kept by Vault and handed back on renew and revoke; never shown to the client. Holds
    /// <c>secret_type</c>, which routes renew and revoke.
    /// </summary>
    public JsonObject InternalData { get; set; } = new();

    /// <summary>The lease id Vault assigned.</summary>
    public string LeaseId { get; set; } = "";
}

/// <summary>The result of a login, for auth methods (Vault's <c>logical.Auth</c>).</summary>
public sealed class Auth
{
    /// <summary>The token's lease.</summary>
    public LeaseOptions Lease { get; set; } = new();
    /// <summary>Data kept by Vault and handed back on renew.</summary>
    public JsonObject InternalData { get; set; } = new();
    /// <summary>The display name of the token.</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>Policies attached to the token.</summary>
    public List<string> Policies { get; set; } = [];
    /// <summary>Token policies.</summary>
    public List<string> TokenPolicies { get; set; } = [];
    /// <summary>Identity policies.</summary>
    public List<string> IdentityPolicies { get; set; } = [];
    /// <summary>Metadata attached to the token.</summary>
    public Dictionary<string, string> Metadata { get; set; } = [];
    /// <summary>The client token.</summary>
    public string ClientToken { get; set; } = "";
    /// <summary>The token's accessor.</summary>
    public string Accessor { get; set; } = "";
    /// <summary>A periodic token's period.</summary>
    public TimeSpan Period { get; set; }
    /// <summary>Number of uses; 0 is unlimited.</summary>
    public long NumUses { get; set; }
    /// <summary>The identity entity.</summary>
    public string EntityId { get; set; } = "";
    /// <summary>CIDRs the token is bound to.</summary>
    public List<string> BoundCidrs { get; set; } = [];
    /// <summary>The token's explicit maximum TTL.</summary>
    public TimeSpan ExplicitMaxTtl { get; set; }
    /// <summary>The token type.</summary>
    public uint TokenType { get; set; }
    /// <summary>Whether the default policy is left out.</summary>
    public bool NoDefaultPolicy { get; set; }
    /// <summary>The user's identity alias at this auth method; Vault links it to an entity.</summary>
    public Alias? Alias { get; set; }
    /// <summary>Group aliases: external groups the user belongs to.</summary>
    public List<Alias> GroupAliases { get; set; } = [];
}
