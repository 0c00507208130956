using System.Text.Json.Nodes;
using VaultPathGen.Http;

namespace VaultPathGen.Testing;

/// <summary>
/// Auth method calls on a <see cref="VaultTestHost"/>, sent the way Vault's core sends them: a login
/// is an update with no existence check, preceded by alias lookahead; a token renewal is a renew
/// carrying the token's <see cref="Auth"/>.
/// </summary>
public static class VaultTestHostAuth
{
    /// <summary>
    /// Logs in at <paramref name="path"/>: first the alias lookahead Vault sends ahead of a login (its
    /// answer is discarded and a path without one is fine; a lookahead that throws is the login's
    /// answer), then the login itself.
    /// </summary>
    public static async Task<HostResponse> LoginAsync(this VaultTestHost host, string path, JsonObject? data = null, Connection? connection = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var lookahead = await host.AliasLookaheadAsync(path, data, connection, cancellationToken).ConfigureAwait(false);
        if (AliasLookahead.EndsLogin(lookahead.Exception))
        {
            return lookahead;
        }

        return await host.SendExactAsync(NewRequest(host, Operation.Update, path, data, connection), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks which identity alias a login at <paramref name="path"/> would use (<c>alias-lookahead</c>).</summary>
    public static Task<HostResponse> AliasLookaheadAsync(this VaultTestHost host, string path, JsonObject? data = null, Connection? connection = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.SendExactAsync(NewRequest(host, Operation.AliasLookahead, path, data, connection), cancellationToken);
    }

    /// <summary>
    /// Renews a token the backend issued: <paramref name="auth"/> is what the login returned (as Vault
    /// keeps it, with its issue time), <paramref name="increment"/> what the client asked for.
    /// </summary>
    public static Task<HostResponse> RenewAuthAsync(this VaultTestHost host, string path, Auth auth, TimeSpan increment = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(auth);
        var copy = AuthCopy.Of(auth);
        copy.Lease = copy.Lease with
        {
            Increment = increment,
            IssueTime = auth.Lease.IssueTime == default ? DateTimeOffset.UtcNow : auth.Lease.IssueTime,
        };
        var request = new Request(Operation.Renew, path)
        {
            Id = Guid.NewGuid().ToString(),
            MountPoint = host.Options.MountPoint,
            MountType = host.Options.MountType,
            Auth = copy,
        };
        return host.SendExactAsync(request, cancellationToken);
    }

    private static Request NewRequest(VaultTestHost host, Operation operation, string path, JsonObject? data, Connection? connection) => new(operation, path)
    {
        Id = Guid.NewGuid().ToString(),
        MountPoint = host.Options.MountPoint,
        MountType = host.Options.MountType,
        Data = data is null ? null : (JsonObject)JsonNode.Parse(data.ToJsonString())!,
        Unauthenticated = host.Backend.Descriptor.SpecialPaths.IsUnauthenticated(path),
        Connection = connection,
    };
}
