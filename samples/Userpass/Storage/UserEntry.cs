using System.Text.Json.Serialization;

namespace Userpass;

/// <summary>One user, stored at <c>user/&lt;username&gt;</c>. The password is kept only as a salted hash.</summary>
internal sealed class UserEntry
{
    /// <summary>A <see cref="PasswordHash"/> string; never the password.</summary>
    public string PasswordHash { get; set; } = "";

    public List<string> TokenPolicies { get; set; } = [];

    /// <summary>Set through the deprecated <c>policies</c> field: reads echo it back under that name, like Vault.</summary>
    public bool LegacyPolicies { get; set; }

    /// <summary>Seconds; 0 means the mount's default.</summary>
    public long TokenTtl { get; set; }

    /// <summary>Seconds; 0 means the mount's maximum.</summary>
    public long TokenMaxTtl { get; set; }

    public List<string> TokenBoundCidrs { get; set; } = [];
}

[JsonSerializable(typeof(UserEntry))]
internal sealed partial class UserpassStorageContext : JsonSerializerContext;
