namespace VaultPathGen;

/// <summary>
/// Paths Vault treats specially (Go's <c>Backend.PathsSpecial</c>), reported to Vault through
/// <see cref="BackendDescriptor.SpecialPaths"/> and the plugin's <c>SpecialPaths</c> call. Entries
/// are relative to the mount, with Vault's matching rules (see <see cref="SpecialPathKind"/>):
/// <code>
/// [AuthMethod]
/// [PathsSpecial(Unauthenticated = new[] { "login/*" }, Root = new[] { "config" }, SealWrapStorage = new[] { "users/" })]
/// public partial class Userpass { … }
/// </code>
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PathsSpecialAttribute : Attribute
{
    /// <summary>API paths that need sudo: exact, or a prefix ending in <c>*</c>.</summary>
    public string[]? Root { get; set; }

    /// <summary>
    /// API paths reachable without a token, such as an auth method's login: exact, a prefix ending in
    /// <c>*</c>, and <c>+</c> for any one segment (<c>roles/+/login</c>).
    /// </summary>
    public string[]? Unauthenticated { get; set; }

    /// <summary>Storage prefixes local to this cluster: never replicated to performance secondaries.</summary>
    public string[]? LocalStorage { get; set; }

    /// <summary>Storage keys seal-wrapped by a capable seal: exact, or a prefix when it ends in <c>/</c>.</summary>
    public string[]? SealWrapStorage { get; set; }

    /// <summary>Storage prefixes whose writes a performance secondary forwards to the primary.</summary>
    public string[]? WriteForwardedStorage { get; set; }
}
