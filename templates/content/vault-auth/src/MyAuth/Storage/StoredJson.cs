using System.Text.Json.Serialization;

namespace MyAuth;

/// <summary>The auth method's configuration as stored: the TTLs of the tokens its logins get.</summary>
internal sealed record AuthConfig(long TokenTtlSeconds, long TokenMaxTtlSeconds)
{
    public static AuthConfig Default { get; } = new(3600, 86400);
}

/// <summary>A user as stored: a salted hash of the password (never the password) and the token's policies.</summary>
internal sealed record User(string PasswordHash, string[] Policies);

/// <summary>Source-generated JSON for what the auth method stores: no reflection, so trimming and NativeAOT keep working.</summary>
[JsonSerializable(typeof(AuthConfig))]
[JsonSerializable(typeof(User))]
internal sealed partial class StoredJson : JsonSerializerContext;
