using System.Text.Json.Nodes;

namespace VaultPathGen.Http;

/// <summary>
/// What Vault's core does ahead of a login to an auth method (<c>aliasNameFromLoginRequest</c>, used
/// for user lockout and login MFA): it routes <c>alias-lookahead</c> to the login's path with the
/// login's data and reads the alias name from the answer. A path without a lookahead (unsupported path
/// or operation) and an answer without an alias are no reason to refuse the login; a lookahead that
/// fails is.
/// </summary>
internal static class AliasLookahead
{
    /// <summary>The lookahead for <paramref name="login"/>: same path, data (copied), mount and connection.</summary>
    public static Request For(Request login) => new(Operation.AliasLookahead, login.Path)
    {
        Id = login.Id,
        Data = login.Data is null ? null : (JsonObject)login.Data.DeepClone(),
        Storage = login.Storage,
        MountPoint = login.MountPoint,
        MountType = login.MountType,
        MountAccessor = login.MountAccessor,
        Unauthenticated = login.Unauthenticated,
        Connection = login.Connection,
    };

    /// <summary>Whether the lookahead's failure is the login's answer: any error but "this path has no lookahead".</summary>
    public static bool EndsLogin(Exception? error)
        => error is not null and not LogicalException { Type: ErrorType.UnsupportedOperation or ErrorType.UnsupportedPath };
}
