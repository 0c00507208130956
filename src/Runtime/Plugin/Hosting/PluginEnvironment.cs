using System.Globalization;

namespace VaultPathGen.Plugin.Hosting;

/// <summary>What the host (Vault, through go-plugin) tells a plugin in its environment at launch.</summary>
internal sealed record PluginEnvironment
{
    public const string MagicCookieKey = "VAULT_BACKEND_PLUGIN";
    public const string MagicCookieValue = "6669da05-b1c8-4f49-97d9-c8e5bed98e20";
    public const int CoreProtocolVersion = 1;

    /// <summary>Vault's backend plugin protocol; older ones (v4 net/rpc) are not served.</summary>
    public const int AppProtocolVersion = 5;

    public required int ProtocolVersion { get; init; }
    public string? ClientCertificatePem { get; init; }
    public int MinPort { get; init; }
    public int MaxPort { get; init; }
    public string? UnixSocketDirectory { get; init; }

    /// <summary>True when the host started us with Vault's cookie; anything else is a person at a shell.</summary>
    public static bool HasMagicCookie(Func<string, string?> getVariable) => getVariable(MagicCookieKey) == MagicCookieValue;

    public static PluginEnvironment Read(Func<string, string?> getVariable) => new()
    {
        ProtocolVersion = NegotiateVersion(getVariable("PLUGIN_PROTOCOL_VERSIONS")),
        ClientCertificatePem = NullIfEmpty(getVariable("PLUGIN_CLIENT_CERT")),
        MinPort = ParsePort(getVariable("PLUGIN_MIN_PORT"), 10000),
        MaxPort = ParsePort(getVariable("PLUGIN_MAX_PORT"), 25000),
        UnixSocketDirectory = NullIfEmpty(getVariable("PLUGIN_UNIX_SOCKET_DIR")),
    };

    /// <summary>
    /// The highest version both sides speak; with no common version, ours, and the host rejects it
    /// with a message that names both.
    /// </summary>
    internal static int NegotiateVersion(string? offered)
    {
        foreach (var part in (offered ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) && version == AppProtocolVersion)
            {
                return version;
            }
        }

        return AppProtocolVersion;
    }

    private static int ParsePort(string? value, int fallback)
        => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : fallback;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
