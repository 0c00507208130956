using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>
/// A deep copy of an <see cref="Auth"/>: what Vault hands a backend on renewal is its own stored copy
/// of the login's auth, never an object the caller still holds.
/// </summary>
internal static class AuthCopy
{
    public static Auth Of(Auth auth) => new()
    {
        Lease = auth.Lease,
        InternalData = (JsonObject)auth.InternalData.DeepClone(),
        DisplayName = auth.DisplayName,
        Policies = [.. auth.Policies],
        TokenPolicies = [.. auth.TokenPolicies],
        IdentityPolicies = [.. auth.IdentityPolicies],
        Metadata = new Dictionary<string, string>(auth.Metadata),
        ClientToken = auth.ClientToken,
        Accessor = auth.Accessor,
        Period = auth.Period,
        NumUses = auth.NumUses,
        EntityId = auth.EntityId,
        BoundCidrs = [.. auth.BoundCidrs],
        ExplicitMaxTtl = auth.ExplicitMaxTtl,
        TokenType = auth.TokenType,
        NoDefaultPolicy = auth.NoDefaultPolicy,
        Alias = auth.Alias is null ? null : Of(auth.Alias),
        GroupAliases = [.. auth.GroupAliases.Select(Of)],
    };

    private static Alias Of(Alias alias) => new()
    {
        Name = alias.Name,
        Metadata = new Dictionary<string, string>(alias.Metadata),
        CustomMetadata = new Dictionary<string, string>(alias.CustomMetadata),
        MountType = alias.MountType,
        MountAccessor = alias.MountAccessor,
        Id = alias.Id,
        NamespaceId = alias.NamespaceId,
        Local = alias.Local,
    };
}
