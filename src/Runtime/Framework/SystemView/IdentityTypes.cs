namespace VaultPathGen;

/// <summary>An identity entity (Vault's <c>logical.Entity</c>), from <see cref="ISystemView.EntityInfoAsync"/>.</summary>
public sealed record Entity
{
    /// <summary>The entity's id.</summary>
    public string Id { get; init; } = "";
    /// <summary>The entity's name.</summary>
    public string Name { get; init; } = "";
    /// <summary>The entity's aliases, one per auth mount it logged in through.</summary>
    public IReadOnlyList<EntityAlias> Aliases { get; init; } = [];
    /// <summary>The entity's metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    /// <summary>Whether the entity is disabled.</summary>
    public bool Disabled { get; init; }
    /// <summary>The entity's namespace.</summary>
    public string NamespaceId { get; init; } = "";
}

/// <summary>An entity's alias on one auth mount (Vault's <c>logical.Alias</c>).</summary>
public sealed record EntityAlias
{
    /// <summary>The alias's id.</summary>
    public string Id { get; init; } = "";
    /// <summary>The alias's name (the user's name on that auth method).</summary>
    public string Name { get; init; } = "";
    /// <summary>The type of the auth mount.</summary>
    public string MountType { get; init; } = "";
    /// <summary>The accessor of the auth mount.</summary>
    public string MountAccessor { get; init; } = "";
    /// <summary>The alias's metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    /// <summary>Whether the alias is local to this cluster.</summary>
    public bool Local { get; init; }
}

/// <summary>An identity group (Vault's <c>logical.Group</c>), from <see cref="ISystemView.GroupsForEntityAsync"/>.</summary>
public sealed record Group
{
    /// <summary>The group's id.</summary>
    public string Id { get; init; } = "";
    /// <summary>The group's name.</summary>
    public string Name { get; init; } = "";
    /// <summary>The group's metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    /// <summary>The group's namespace.</summary>
    public string NamespaceId { get; init; } = "";
}

/// <summary>The Vault running the plugin (Vault's <c>logical.PluginEnvironment</c>).</summary>
/// <param name="VaultVersion">The version, e.g. <c>1.15.0</c>.</param>
/// <param name="VaultVersionPrerelease">The prerelease part, e.g. <c>beta1</c>.</param>
/// <param name="VaultVersionMetadata">The build metadata part, e.g. <c>ent</c>.</param>
public sealed record VaultPluginEnvironment(string VaultVersion, string VaultVersionPrerelease = "", string VaultVersionMetadata = "");
