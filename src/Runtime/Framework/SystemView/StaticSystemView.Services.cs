using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>The configurable answers of the fake system view beyond lease limits.</summary>
public sealed partial class StaticSystemView
{
    /// <summary>The replication state reported.</summary>
    public ReplicationState ReplicationState { get; init; }

    /// <summary>Prerelease and metadata parts reported with <see cref="VaultVersion"/>.</summary>
    public string VaultVersionPrerelease { get; init; } = "";

    /// <summary>The build metadata part reported with <see cref="VaultVersion"/>.</summary>
    public string VaultVersionMetadata { get; init; } = "";

    /// <summary>The identity entities known, by id.</summary>
    public IReadOnlyDictionary<string, Entity> Entities { get; init; } = new Dictionary<string, Entity>();

    /// <summary>The groups of each entity, by entity id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Group>> Groups { get; init; } = new Dictionary<string, IReadOnlyList<Group>>();

    /// <summary>Password policies by name: each call generates a password. A policy not listed is an error, as in Vault.</summary>
    public IReadOnlyDictionary<string, Func<string>> PasswordPolicies { get; init; } = new Dictionary<string, Func<string>>();

    /// <summary>Wraps data for <see cref="ISystemView.ResponseWrapDataAsync"/>; unset: wrapping is unavailable.</summary>
    public Func<JsonObject, TimeSpan, bool, ResponseWrapInfo>? ResponseWrapper { get; init; }

    /// <inheritdoc />
    public ValueTask<ReplicationState> ReplicationStateAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(ReplicationState);

    /// <inheritdoc />
    public ValueTask<VaultPluginEnvironment> PluginEnvironmentAsync(CancellationToken cancellationToken = default)
        => ValueTask.FromResult(new VaultPluginEnvironment(VaultVersion, VaultVersionPrerelease, VaultVersionMetadata));

    /// <inheritdoc />
    public ValueTask<Entity?> EntityInfoAsync(string entityId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Entities.GetValueOrDefault(entityId ?? throw new ArgumentNullException(nameof(entityId))));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Group>> GroupsForEntityAsync(string entityId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Groups.GetValueOrDefault(entityId ?? throw new ArgumentNullException(nameof(entityId))) ?? []);

    /// <inheritdoc />
    public ValueTask<ResponseWrapInfo> ResponseWrapDataAsync(JsonObject data, TimeSpan ttl, bool jwt = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ResponseWrapper is { } wrap
            ? ValueTask.FromResult(wrap(data, ttl, jwt))
            : throw LogicalException.Internal("response wrapping is not available without Vault");
    }

    private ValueTask<string> GeneratePassword(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        return PasswordPolicies.TryGetValue(policyName, out var generate)
            ? ValueTask.FromResult(generate())
            : throw LogicalException.User($"failed to generate password: policy \"{policyName}\" not found");
    }
}
