using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>What a handler returns to Vault (Vault's <c>logical.Response</c>).</summary>
public sealed class Response
{
    /// <summary>The response data, sent to the client as the <c>data</c> object.</summary>
    public JsonObject? Data { get; set; }

    /// <summary>Warnings shown to the client.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>A redirect target (Vault's HTTP layer answers 307).</summary>
    public string? Redirect { get; set; }

    /// <summary>Response headers.</summary>
    public Dictionary<string, string[]> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A leased secret, for engines that issue leases.</summary>
    public Secret? Secret { get; set; }

    /// <summary>Authentication results, for auth methods.</summary>
    public Auth? Auth { get; set; }

    /// <summary>Wrapping information, when Vault wrapped the response.</summary>
    public ResponseWrapInfo? WrapInfo { get; set; }

    /// <summary>True when this is an error response (data holds an <c>error</c> string).</summary>
    public bool IsError => Data is { } data && data.TryGetPropertyValue("error", out var e) && e is JsonValue v && v.TryGetValue<string>(out _);

    /// <summary>The message of an error response, or null.</summary>
    public string? ErrorMessage => IsError ? Data!["error"]!.GetValue<string>() : null;

    /// <summary>
    /// An error returned instead of thrown, as a Go handler returns <c>nil, err</c>; null for a
    /// normal response. Every transport reports it exactly as the same exception thrown from the
    /// handler (status code, message, <c>err_type</c>), without the cost of a throw. Create one with
    /// <see cref="FromError(LogicalException)"/>.
    /// </summary>
    public LogicalException? LogicalError { get; private init; }

    /// <summary>Adds a warning.</summary>
    public Response AddWarning(string warning)
    {
        Warnings.Add(warning);
        return this;
    }

    /// <summary>A response carrying <paramref name="data"/>.</summary>
    public static Response WithData(JsonObject data) => new() { Data = data };

    /// <summary>
    /// An error the caller sees as HTTP 400 with <paramref name="message"/> (Vault's
    /// <c>logical.ErrorResponse</c>).
    /// </summary>
    public static Response Error(string message) => new() { Data = new JsonObject { ["error"] = message } };

    /// <summary>
    /// The handler's result is <paramref name="error"/>: Vault sees the same answer as if it had been
    /// thrown (404 for <see cref="LogicalException.UnsupportedPath"/>, 405 for
    /// <see cref="LogicalException.UnsupportedOperation"/>, …) but nothing is thrown, which matters
    /// on paths that fail often. The generated router answers unknown paths and operations this way.
    /// </summary>
    public static Response FromError(LogicalException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Response { LogicalError = error };
    }

    /// <summary>
    /// A response issuing a leased secret of a declared <see cref="SecretTypeAttribute"/> type (Vault's
    /// <c>Secret.Response</c>): <paramref name="data"/> goes to the client, <paramref name="internalData"/>
    /// stays with Vault and comes back on renew and revoke, with the type under <c>secret_type</c>.
    /// The type's default TTL applies unless the lease's TTL is set.
    /// </summary>
    public static Response WithSecret(string secretType, JsonObject data, JsonObject? internalData = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretType);
        ArgumentNullException.ThrowIfNull(data);
        var internals = internalData is null ? new JsonObject() : (JsonObject)internalData.DeepClone();
        internals[SecretType.InternalDataKey] = secretType;
        return new Response { Data = data, Secret = new Secret { InternalData = internals } };
    }

    /// <summary>A list response: <c>{"keys": [...]}</c> (Vault's <c>logical.ListResponse</c>).</summary>
    public static Response List(IEnumerable<string> keys)
    {
        var array = new JsonArray();
        foreach (var key in keys)
        {
            array.Add((JsonNode)JsonValue.Create(key));
        }

        return new Response { Data = new JsonObject { ["keys"] = array } };
    }

    /// <summary>
    /// A list response with extra information per key (Vault's <c>logical.ListResponseWithInfo</c>):
    /// <c>{"keys": [...], "key_info": {key: {...}}}</c>; keys without info are still listed.
    /// </summary>
    public static Response ListWithInfo(IEnumerable<string> keys, IReadOnlyDictionary<string, JsonObject> keyInfo)
    {
        var response = List(keys);
        var info = new JsonObject();
        foreach (var (key, value) in keyInfo)
        {
            info[key] = value.DeepClone();
        }

        response.Data!["key_info"] = info;
        return response;
    }
}

/// <summary>Wrapping information (Vault's <c>logical.ResponseWrapInfo</c>).</summary>
public sealed record ResponseWrapInfo
{
    /// <summary>How long the wrapping token lives.</summary>
    public TimeSpan Ttl { get; init; }
    /// <summary>The wrapping token.</summary>
    public string Token { get; init; } = "";
    /// <summary>The wrapping token's accessor.</summary>
    public string Accessor { get; init; } = "";
    /// <summary>When the wrapping token was created.</summary>
    public DateTimeOffset CreationTime { get; init; }
    /// <summary>The accessor of a wrapped token.</summary>
    public string WrappedAccessor { get; init; } = "";
    /// <summary>The entity of a wrapped token.</summary>
    public string WrappedEntityId { get; init; } = "";
    /// <summary>The wrapping format.</summary>
    public string Format { get; init; } = "";
    /// <summary>The path that created the wrapped response.</summary>
    public string CreationPath { get; init; } = "";
    /// <summary>Whether the wrapped response is seal-wrapped.</summary>
    public bool SealWrap { get; init; }
}
