using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace VaultPathGen.Dev;

/// <summary>A token dev mode knows: the root token, or one a login issued.</summary>
internal sealed record DevToken(
    string Id,
    string Accessor,
    string DisplayName,
    IReadOnlyList<string> Policies,
    IReadOnlyDictionary<string, string>? Metadata,
    string Path,
    DateTimeOffset IssueTime,
    DateTimeOffset? ExpireTime,
    TimeSpan CreationTtl,
    TimeSpan MaxTtl,
    bool Renewable,
    Auth? Auth)
{
    /// <summary>The TTL the last login or renewal granted: the envelope's <c>lease_duration</c>.</summary>
    public TimeSpan GrantedTtl { get; init; } = CreationTtl;

    public bool IsRoot => Auth is null;

    public TimeSpan TtlAt(DateTimeOffset now) => ExpireTime is { } expire && expire > now ? expire - now : TimeSpan.Zero;
}

/// <summary>
/// Dev mode's token store: the root token plus the tokens logins to an auth method issued, with
/// their TTLs. Like Vault it adds the <c>default</c> policy and expires tokens; unlike Vault it never
/// enforces policies (dev mode says so in its banner).
/// </summary>
internal sealed class DevTokens(string rootToken, TimeProvider clock)
{
    /// <summary>Vault's default for the system's default and max lease TTL: 768 hours.</summary>
    public static readonly TimeSpan SystemTtl = TimeSpan.FromHours(768);

    private readonly ConcurrentDictionary<string, DevToken> _tokens = new(StringComparer.Ordinal);
    private readonly DevToken _root = new(rootToken, "dev-root-accessor", "root", ["root"], null, "auth/token/root", clock.GetUtcNow(), null, TimeSpan.Zero, TimeSpan.Zero, false, null);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The live token with this id, or null (unknown or expired).</summary>
    public DevToken? Find(string id)
    {
        if (id.Length == 0)
        {
            return null;
        }

        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(id), Encoding.UTF8.GetBytes(_root.Id)))
        {
            return _root;
        }

        if (!_tokens.TryGetValue(id, out var token))
        {
            return null;
        }

        if (token.ExpireTime <= Now)
        {
            _tokens.TryRemove(id, out _);
            return null;
        }

        return token;
    }

    /// <summary>Issues a token for what a login returned; <paramref name="mountPath"/> is e.g. <c>auth/userpass/</c>.</summary>
    public DevToken Issue(Auth auth, string mountPath, string requestPath)
    {
        var now = Now;
        var maxTtl = auth.Lease.MaxTtl > TimeSpan.Zero ? Min(auth.Lease.MaxTtl, SystemTtl) : SystemTtl;
        var ttl = Min(auth.Lease.Ttl > TimeSpan.Zero ? auth.Lease.Ttl : SystemTtl, maxTtl);
        var policies = new SortedSet<string>(auth.Policies, StringComparer.Ordinal);
        if (!auth.NoDefaultPolicy)
        {
            policies.Add("default");
        }

        var source = mountPath.StartsWith("auth/", StringComparison.Ordinal) ? mountPath["auth/".Length..] : mountPath;
        var displayName = source.Replace('/', '-') + auth.DisplayName;
        var token = new DevToken(NewId("hvs."), NewId(""), displayName, [.. policies], new Dictionary<string, string>(auth.Metadata), mountPath + requestPath,
            now, now + ttl, ttl, maxTtl, auth.Lease.Renewable, AuthCopy.Of(auth));
        // Expired tokens go when a new one comes, so a long dev session does not pile them up.
        foreach (var (id, old) in _tokens)
        {
            if (old.ExpireTime <= now)
            {
                _tokens.TryRemove(id, out _);
            }
        }

        _tokens[token.Id] = token;
        return token;
    }

    /// <summary>Applies what the auth method's renew returned: its TTL, never past the max TTL from the login.</summary>
    public DevToken Renewed(DevToken token, Auth renewed, TimeSpan increment)
    {
        var now = Now;
        var maxTtl = renewed.Lease.MaxTtl > TimeSpan.Zero ? Min(renewed.Lease.MaxTtl, SystemTtl) : token.MaxTtl;
        var ttl = increment > TimeSpan.Zero ? increment : renewed.Lease.Ttl > TimeSpan.Zero ? renewed.Lease.Ttl : SystemTtl;
        var left = token.IssueTime + maxTtl - now;
        ttl = Min(ttl, left < TimeSpan.Zero ? TimeSpan.Zero : left);
        var updated = token with { ExpireTime = now + ttl, MaxTtl = maxTtl, GrantedTtl = ttl };
        _tokens[token.Id] = updated;
        return updated;
    }

    /// <summary>The <c>auth</c> object of Vault's response envelope for a new or renewed token.</summary>
    public static JsonObject AuthJson(DevToken token) => new()
    {
        ["client_token"] = token.Id,
        ["accessor"] = token.Accessor,
        ["policies"] = Strings(token.Policies),
        ["token_policies"] = Strings(token.Policies),
        ["metadata"] = Metadata(token),
        ["lease_duration"] = (long)token.GrantedTtl.TotalSeconds,
        ["renewable"] = token.Renewable,
        ["entity_id"] = "",
        ["token_type"] = "service",
        ["orphan"] = true,
        ["mfa_requirement"] = null,
        ["num_uses"] = 0,
    };

    /// <summary>The data of <c>auth/token/lookup-self</c>.</summary>
    public JsonObject LookupJson(DevToken token) => new()
    {
        ["accessor"] = token.Accessor,
        ["creation_time"] = token.IssueTime.ToUnixTimeSeconds(),
        ["creation_ttl"] = (long)token.CreationTtl.TotalSeconds,
        ["display_name"] = token.DisplayName,
        ["entity_id"] = "",
        ["expire_time"] = token.ExpireTime?.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        ["explicit_max_ttl"] = 0,
        ["id"] = token.Id,
        ["issue_time"] = token.IssueTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        ["meta"] = Metadata(token),
        ["num_uses"] = 0,
        ["orphan"] = true,
        ["path"] = token.Path,
        ["policies"] = Strings(token.Policies),
        ["renewable"] = token.Renewable,
        ["ttl"] = (long)token.TtlAt(Now).TotalSeconds,
        ["type"] = "service",
    };

    private static JsonObject? Metadata(DevToken token)
        => token.Metadata is { Count: > 0 } metadata ? new JsonObject(metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value)))) : null;

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string NewId(string prefix)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return prefix + RandomNumberGenerator.GetString(alphabet, 24);
    }
}
