using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace VaultPathGen.Dev;

/// <summary>
/// Dev mode's response wrapping (Vault's cubbyhole wrapping): a wrapped response is kept under a
/// single-use token until it is unwrapped or its TTL runs out.
/// </summary>
internal sealed class DevWrapping
{
    private sealed record Wrapped(JsonObject Envelope, DateTimeOffset Created, TimeSpan Ttl, string CreationPath, string Accessor);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Wrapped> _tokens = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="envelope"/>; returns the <c>wrap_info</c> the client gets instead.</summary>
    public JsonObject Wrap(JsonObject envelope, TimeSpan ttl, string creationPath, DateTimeOffset now)
    {
        var token = "hvs." + RandomNumberGenerator.GetString(Alphabet, 24);
        var accessor = RandomNumberGenerator.GetString(Alphabet, 24);
        var created = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        lock (_gate)
        {
            _tokens[token] = new Wrapped(envelope, created, ttl, creationPath, accessor);
        }

        return new JsonObject
        {
            ["token"] = token,
            ["accessor"] = accessor,
            ["ttl"] = (long)ttl.TotalSeconds,
            ["creation_time"] = created.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["creation_path"] = creationPath,
            ["wrapped_accessor"] = "",
        };
    }

    /// <summary>Whether <paramref name="token"/> is a live wrapping token.</summary>
    public bool IsWrappingToken(string token, DateTimeOffset now) => Find(token, now, remove: false) is not null;

    /// <summary>The wrapped response, removed (single use); null when the token is unknown or expired.</summary>
    public JsonObject? Unwrap(string token, DateTimeOffset now) => Find(token, now, remove: true)?.Envelope;

    /// <summary>What <c>sys/wrapping/lookup</c> shows; null when the token is unknown or expired.</summary>
    public JsonObject? Lookup(string token, DateTimeOffset now) => Find(token, now, remove: false) is { } w
        ? new JsonObject
        {
            ["creation_path"] = w.CreationPath,
            ["creation_time"] = w.Created.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["creation_ttl"] = (long)w.Ttl.TotalSeconds,
        }
        : null;

    private Wrapped? Find(string token, DateTimeOffset now, bool remove)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(token, out var wrapped))
            {
                return null;
            }

            var expired = wrapped.Created + wrapped.Ttl <= now;
            if (expired || remove)
            {
                _tokens.Remove(token);
            }

            return expired ? null : wrapped;
        }
    }

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
}
