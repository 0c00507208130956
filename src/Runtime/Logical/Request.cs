using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>A request from Vault to the backend (Vault's <c>logical.Request</c>).</summary>
public sealed class Request
{
    /// <summary>Creates a request for <paramref name="operation"/> on <paramref name="path"/> (relative to the mount).</summary>
    public Request(Operation operation, string path)
    {
        Operation = operation;
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>Vault's request id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The operation.</summary>
    public Operation Operation { get; set; }

    /// <summary>The path relative to the mount point, with no leading slash.</summary>
    public string Path { get; set; }

    /// <summary>The request body or query parameters, as decoded JSON. <c>null</c> when there is none.</summary>
    public JsonObject? Data { get; set; }

    /// <summary>The mount's storage.</summary>
    public IStorage Storage { get; set; } = NullStorage.Instance;

    /// <summary>For renew and revoke: the secret being acted on.</summary>
    public Secret? Secret { get; init; }

    /// <summary>For auth renewals: the auth being renewed.</summary>
    public Auth? Auth { get; init; }

    /// <summary>Request headers Vault passes through (only those allowed by the mount's tuning).</summary>
    public IReadOnlyDictionary<string, string[]> Headers { get; init; } = EmptyHeaders;

    /// <summary>The client token (only when the mount passes it through).</summary>
    public string ClientToken { get; init; } = "";

    /// <summary>The client token's accessor.</summary>
    public string ClientTokenAccessor { get; init; } = "";

    /// <summary>The display name of the caller.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The mount point, e.g. <c>secret/</c>.</summary>
    public string MountPoint { get; init; } = "";

    /// <summary>The mount type.</summary>
    public string MountType { get; init; } = "";

    /// <summary>The mount accessor.</summary>
    public string MountAccessor { get; init; } = "";

    /// <summary>The identity entity of the caller.</summary>
    public string EntityId { get; init; } = "";

    /// <summary>Remaining uses of the client token.</summary>
    public long ClientTokenRemainingUses { get; init; }

    /// <summary>True when a policy override was requested.</summary>
    public bool PolicyOverride { get; init; }

    /// <summary>True for requests to unauthenticated paths.</summary>
    public bool Unauthenticated { get; init; }

    /// <summary>The replication cluster, when any.</summary>
    public string ReplicationCluster { get; init; } = "";

    /// <summary>Response wrapping requested by the client, when any.</summary>
    public RequestWrapInfo? WrapInfo { get; init; }

    /// <summary>The caller's network connection, when known.</summary>
    public Connection? Connection { get; init; }

    private static readonly IReadOnlyDictionary<string, string[]> EmptyHeaders = new Dictionary<string, string[]>();
}

/// <summary>Response wrapping requested by the client (Vault's <c>logical.RequestWrapInfo</c>).</summary>
public sealed record RequestWrapInfo(TimeSpan Ttl, string Format = "", bool SealWrap = false);

/// <summary>The caller's connection (Vault's <c>logical.Connection</c>).</summary>
public sealed record Connection(string RemoteAddress, int RemotePort = 0);
