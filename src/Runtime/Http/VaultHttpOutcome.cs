using System.Text.Json.Nodes;

namespace VaultPathGen.Http;

/// <summary>The shape of the HTTP answer Vault gives for a backend's result.</summary>
public enum VaultHttpOutcomeKind
{
    /// <summary>200 with the response wrapped in Vault's envelope (for <c>help</c>, the bare data).</summary>
    Data,
    /// <summary>204: the backend returned no response.</summary>
    NoContent,
    /// <summary>An error status with a body of <c>{"errors": [...]}</c> (plus <c>data</c> when the error response had some).</summary>
    Error,
    /// <summary>307 to <see cref="VaultHttpOutcome.RedirectLocation"/>.</summary>
    Redirect,
    /// <summary>A raw response: status, content type and body chosen by the backend (<c>http_status_code</c> in the data).</summary>
    Raw,
}

/// <summary>
/// What Vault's HTTP layer answers for one request: the status and, for errors, the
/// <c>errors</c> list. Produced by <see cref="VaultStatus.Evaluate"/>.
/// </summary>
public sealed class VaultHttpOutcome
{
    internal VaultHttpOutcome(VaultHttpOutcomeKind kind, int statusCode)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    /// <summary>The kind of answer.</summary>
    public VaultHttpOutcomeKind Kind { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// For <see cref="VaultHttpOutcomeKind.Error"/>, the messages Vault sends as <c>errors</c>; empty
    /// otherwise. Vault sends an empty list for some errors (a <c>read</c> that found nothing).
    /// </summary>
    public IReadOnlyList<string> Errors { get; internal init; } = [];

    /// <summary>For an error response made with data (Vault's <c>ErrorResponseWithData</c>), that data.</summary>
    public JsonNode? ErrorData { get; internal init; }

    /// <summary>For <see cref="VaultHttpOutcomeKind.Redirect"/>, the target.</summary>
    public string? RedirectLocation { get; internal init; }

    /// <summary>For <see cref="VaultHttpOutcomeKind.Raw"/>, the body and headers.</summary>
    public RawHttpBody? Raw { get; internal init; }

    /// <summary>Whether this is an error answer.</summary>
    public bool IsError => Kind == VaultHttpOutcomeKind.Error;

    /// <summary>The JSON body Vault sends for an error (<c>{"errors": [...]}</c>), or null for other answers.</summary>
    public JsonObject? ErrorBody()
    {
        if (!IsError)
        {
            return null;
        }

        var errors = new JsonArray();
        foreach (var error in Errors)
        {
            errors.Add((JsonNode)JsonValue.Create(error));
        }

        var body = new JsonObject { ["errors"] = errors };
        if (ErrorData is not null)
        {
            body["data"] = ErrorData.DeepClone();
        }

        return body;
    }

    /// <inheritdoc />
    public override string ToString() => Errors.Count == 0
        ? $"{StatusCode} ({Kind})"
        : $"{StatusCode} ({Kind}): {string.Join("; ", Errors)}";
}

/// <summary>
/// A raw response (Vault's <c>respondRaw</c>): the backend sets the status, content type and body.
/// When the backend's raw fields are malformed Vault answers 500 with an empty body and the reason in
/// the <c>X-Vault-Raw-Error</c> header; <see cref="RawError"/> holds that reason.
/// </summary>
public sealed class RawHttpBody
{
    internal RawHttpBody(string? contentType, byte[] body, IReadOnlyDictionary<string, string> headers, string? rawError)
    {
        ContentType = contentType;
        Body = body;
        Headers = headers;
        RawError = rawError;
    }

    /// <summary>The <c>Content-Type</c> header, when one is set.</summary>
    public string? ContentType { get; }

    /// <summary>The body bytes.</summary>
    public byte[] Body { get; }

    /// <summary>Extra headers: <c>Cache-Control</c>, <c>Pragma</c>, <c>WWW-Authenticate</c>, or <c>X-Vault-Raw-Error</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Why the raw response was refused, or null.</summary>
    public string? RawError { get; }
}
