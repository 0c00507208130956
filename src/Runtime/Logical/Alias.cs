namespace VaultPathGen;

/// <summary>
/// An identity alias (Vault's <c>logical.Alias</c>): how the user is known to this auth method. Vault
/// links it to an identity entity on login; alias lookahead returns one before login.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Vault's own name (logical.Alias); VB callers write [Alias].")]
public sealed class Alias
{
    /// <summary>The user's name at this auth method, e.g. the username; what Vault matches aliases by.</summary>
    public string Name { get; set; } = "";

    /// <summary>Metadata Vault stores on the alias.</summary>
    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>Metadata the operator may edit later (Vault's <c>custom_metadata</c>).</summary>
    public Dictionary<string, string> CustomMetadata { get; set; } = [];

    /// <summary>The mount type; Vault fills it in.</summary>
    public string MountType { get; set; } = "";

    /// <summary>The mount accessor; Vault fills it in.</summary>
    public string MountAccessor { get; set; } = "";

    /// <summary>The alias id, set by Vault.</summary>
    public string Id { get; set; } = "";

    /// <summary>The namespace, set by Vault.</summary>
    public string NamespaceId { get; set; } = "";

    /// <summary>Whether the alias is local to this cluster (not replicated).</summary>
    public bool Local { get; set; }
}
