using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>
/// The rest of Vault's system view: replication, the plugin environment, identity, and response
/// wrapping. Defaults answer as a Vault without those features would, so a system view written for
/// tests needs only what it tests.
/// </summary>
public partial interface ISystemView
{
    /// <summary>The cluster's replication state; <see cref="ReplicationState.Unknown"/> when not replicated.</summary>
    ValueTask<ReplicationState> ReplicationStateAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(ReplicationState.Unknown);

    /// <summary>The Vault running the plugin, with the prerelease and metadata parts of its version.</summary>
    async ValueTask<VaultPluginEnvironment> PluginEnvironmentAsync(CancellationToken cancellationToken = default)
        => new(await VaultVersionAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The identity entity with <paramref name="entityId"/> (a request's <see cref="Request.EntityId"/>), or null when there is none.</summary>
    ValueTask<Entity?> EntityInfoAsync(string entityId, CancellationToken cancellationToken = default) => ValueTask.FromResult<Entity?>(null);

    /// <summary>The identity groups the entity belongs to, directly or through other groups.</summary>
    ValueTask<IReadOnlyList<Group>> GroupsForEntityAsync(string entityId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult<IReadOnlyList<Group>>([]);

    /// <summary>
    /// Wraps <paramref name="data"/> in a single-use response-wrapping token that lives
    /// <paramref name="ttl"/> (Vault's <c>ResponseWrapData</c>); <paramref name="jwt"/> asks for a JWT token.
    /// </summary>
    /// <exception cref="LogicalException">Wrapping is not available here.</exception>
    ValueTask<ResponseWrapInfo> ResponseWrapDataAsync(JsonObject data, TimeSpan ttl, bool jwt = false, CancellationToken cancellationToken = default)
        => throw LogicalException.Internal("response wrapping is not available without Vault");
}
