using System.Text.Json.Serialization;

namespace DynamicCreds;

/// <summary>A role: how the credentials issued for it are named and how long they live.</summary>
internal sealed record Role(string Name, long TtlSeconds, long MaxTtlSeconds, string UsernamePrefix, string PasswordPolicy = "")
{
    [JsonIgnore]
    public TimeSpan Ttl => TimeSpan.FromSeconds(TtlSeconds);

    [JsonIgnore]
    public TimeSpan MaxTtl => TimeSpan.FromSeconds(MaxTtlSeconds);
}

/// <summary>
/// A credential that exists "downstream" (where a real engine would have created a database user):
/// kept until its lease is revoked, or the periodic clean-up finds it past its maximum life.
/// </summary>
internal sealed record IssuedCredential(string Username, string Role, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The name of the identity entity that asked for the credential, when Vault knows it.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>The identity groups of that entity, by name.</summary>
    public IReadOnlyList<string>? RequesterGroups { get; init; }
}

/// <summary>What a lease of type <c>creds</c> keeps in its internal data, handed back on renew and revoke.</summary>
public sealed record CredsLease(string Username, string Role);

/// <summary>What a WAL entry of kind <c>credential</c> records while a credential is being issued.</summary>
internal sealed record PendingCredential(string Username);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(IssuedCredential))]
[JsonSerializable(typeof(CredsLease))]
[JsonSerializable(typeof(PendingCredential))]
internal sealed partial class CredsJson : JsonSerializerContext;
