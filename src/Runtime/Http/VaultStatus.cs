using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VaultPathGen.Http;

/// <summary>
/// Vault's rules for turning a backend's result into an HTTP status and error list: the behaviour of
/// <c>logical.RespondErrorCommon</c> and <c>AdjustErrorStatusCode</c> (sdk/logical/response_util.go),
/// of <c>request</c>, <c>respondLogical</c> and <c>respondRaw</c> (http/handler.go, http/logical.go)
/// and of <c>handleHelp</c> (http/help.go). Shared by the test host, the dev-mode HTTP front and the
/// plugin transport so they can never disagree.
/// </summary>
public static class VaultStatus
{
    private const string RawStatusKey = "http_status_code";
    private const string RawContentTypeKey = "http_content_type";
    private const string RawBodyKey = "http_raw_body";

    /// <summary>
    /// The HTTP answer for <paramref name="operation"/> when the backend (or core) produced
    /// <paramref name="response"/> and/or <paramref name="error"/>. An exception that is not a
    /// <see cref="LogicalException"/> is treated as an error of no known kind with its message, which is
    /// what Vault sees when a plugin reports an unexpected failure.
    /// </summary>
    public static VaultHttpOutcome Evaluate(Operation operation, Response? response, Exception? error)
    {
        ReturnedErrors.MoveToError(ref response, ref error);
        response = DropHeaderOnlyResponse(response);

        if (operation == Operation.Help && error is null)
        {
            // handleHelp only looks at the error: an error response to help is still a 200.
            return response is null
                ? new VaultHttpOutcome(VaultHttpOutcomeKind.NoContent, 204)
                : new VaultHttpOutcome(VaultHttpOutcomeKind.Data, 200);
        }

        if (error is null && !IsVaultError(response))
        {
            var refused = CheckEmptyResult(operation, response);
            if (refused is not null)
            {
                return refused;
            }

            return Success(response);
        }

        return Failure(response, error);
    }

    /// <summary>
    /// Vault's <c>Response.IsError</c>: the data holds a non-null <c>error</c> and nothing else but,
    /// optionally, a non-null <c>data</c>. Stricter than <see cref="Response.IsError"/>: a response with
    /// more keys next to <c>error</c> is a success to Vault.
    /// </summary>
    public static bool IsVaultError(Response? response)
    {
        if (response?.Data is not { } data || data["error"] is null)
        {
            return false;
        }

        return data.Count == 1 || (data.Count == 2 && data["data"] is not null);
    }

    /// <summary>
    /// The message and kind a thrown exception reaches Vault with. The sentinel kinds lose their
    /// message on the way (the plugin protocol sends only the kind), so Vault reports its fixed text.
    /// </summary>
    public static (ErrorType Type, string Message, int Code) Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is not LogicalException logical)
        {
            return (ErrorType.Unknown, error.Message, 0);
        }

        var message = logical.Type switch
        {
            ErrorType.UnsupportedOperation => VaultErrorText.UnsupportedOperation,
            ErrorType.UnsupportedPath => VaultErrorText.UnsupportedPath,
            ErrorType.InvalidRequest => VaultErrorText.InvalidRequest,
            ErrorType.PermissionDenied => VaultErrorText.PermissionDenied,
            ErrorType.MultiAuthzPending => VaultErrorText.MultiAuthzPending,
            ErrorType.Unrecoverable => VaultErrorText.Unrecoverable,
            _ => logical.Message,
        };
        return (logical.Type, message, logical.StatusCode);
    }

    private static Response? DropHeaderOnlyResponse(Response? response)
    {
        // Vault writes the headers and then forgets a response that carries nothing else.
        if (response is null || response.Headers.Count == 0)
        {
            return response;
        }

        var carriesSomething = response.Secret is not null
            || response.Auth is not null
            || response.Data is { Count: > 0 }
            || !string.IsNullOrEmpty(response.Redirect)
            || response.Warnings.Count > 0
            || response.WrapInfo is not null;
        return carriesSomething ? response : null;
    }

    private static VaultHttpOutcome? CheckEmptyResult(Operation operation, Response? response)
    {
        if (operation is Operation.Read or Operation.Header)
        {
            return response is null ? NotFound(response) : null;
        }

        // A wrapped list has its keys in the cubbyhole, not in the response.
        if (operation != Operation.List || response?.WrapInfo is not null)
        {
            return null;
        }

        if (response is null)
        {
            return NotFound(response);
        }

        if (response.Data is not { Count: > 0 } data)
        {
            return response.Warnings.Count > 0 ? null : NotFound(response);
        }

        var keys = data["keys"];
        if (keys is null)
        {
            return null;
        }

        if (keys is not JsonArray array)
        {
            return EmptyError(500, response);
        }

        foreach (var key in array)
        {
            if (key is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                return EmptyError(500, response);
            }
        }

        return array.Count == 0 ? NotFound(response) : null;
    }

    private static VaultHttpOutcome Success(Response? response)
    {
        if (response is null)
        {
            return new VaultHttpOutcome(VaultHttpOutcomeKind.NoContent, 204);
        }

        if (!string.IsNullOrEmpty(response.Redirect))
        {
            return new VaultHttpOutcome(VaultHttpOutcomeKind.Redirect, 307) { RedirectLocation = response.Redirect };
        }

        if (response.Data is { } data && data.ContainsKey(RawStatusKey))
        {
            return RawOutcome(response, data);
        }

        return new VaultHttpOutcome(VaultHttpOutcomeKind.Data, 200);
    }

    private static VaultHttpOutcome Failure(Response? response, Exception? error)
    {
        var status = response is null ? 500 : 400;
        string? message = null;
        int? code = null;
        if (error is not null)
        {
            (var type, message, var errorCode) = Describe(error);
            status = StatusForError(type, message) ?? status;
            if (type == ErrorType.CodedError)
            {
                code = errorCode;
            }
        }

        if (IsVaultError(response))
        {
            // The error response's text replaces the error; a coded status does not survive that.
            var text = response!.Data!["error"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>()
                : null;
            if (text is not null)
            {
                message = text;
                code = null;
                if (text.Contains(VaultErrorText.Overloaded, StringComparison.Ordinal))
                {
                    status = 503;
                }
            }
        }

        // Vault's AdjustErrorStatusCode: known texts first, then a coded error's own status wins.
        if (message is not null)
        {
            status = AdjustedStatus(message) ?? status;
        }

        status = code ?? status;

        return new VaultHttpOutcome(VaultHttpOutcomeKind.Error, status)
        {
            Errors = message is null ? [] : [message],
            ErrorData = ErrorDataOf(response),
        };
    }

    private static int? StatusForError(ErrorType type, string message)
    {
        if (message == VaultErrorText.Overloaded)
        {
            return 503;
        }

        if (type == ErrorType.BadRequest)
        {
            return 400;
        }

        return message switch
        {
            VaultErrorText.PermissionDenied => 403,
            VaultErrorText.InvalidWrappingToken => 400,
            VaultErrorText.UnsupportedOperation => 405,
            VaultErrorText.UnsupportedPath => 404,
            VaultErrorText.InvalidRequest => 400,
            VaultErrorText.UpstreamRateLimited => 502,
            VaultErrorText.RateLimitQuotaExceeded => 429,
            VaultErrorText.LeaseCountQuotaExceeded => 429,
            VaultErrorText.MissingRequiredState => 412,
            VaultErrorText.PathFunctionalityRemoved => 404,
            VaultErrorText.RelativePath => 400,
            VaultErrorText.InvalidCredentials => 400,
            _ => null,
        };
    }

    private static int? AdjustedStatus(string message) => message switch
    {
        VaultErrorText.Overloaded or VaultErrorText.Sealed or VaultErrorText.ApiLocked => 503,
        VaultErrorText.RequestBodyTooLarge => 413,
        _ => null,
    };

    private static VaultHttpOutcome NotFound(Response? response) => EmptyError(404, response);

    private static VaultHttpOutcome EmptyError(int status, Response? response)
        => new(VaultHttpOutcomeKind.Error, status) { ErrorData = ErrorDataOf(response) };

    private static JsonNode? ErrorDataOf(Response? response) => response?.Data?["data"];

    private static VaultHttpOutcome RawOutcome(Response response, JsonObject data)
    {
        if (response.Secret is not null || response.Auth is not null)
        {
            return RawFailure("raw responses cannot contain secrets or auth");
        }

        if (data[RawStatusKey] is not JsonValue statusValue
            || statusValue.GetValueKind() != JsonValueKind.Number
            || !double.TryParse(statusValue.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var statusNumber))
        {
            return RawFailure("cannot decode status code");
        }

        var status = (int)statusNumber;
        var hasBody = status != 204;

        string? contentType = null;
        if (data.TryGetPropertyValue(RawContentTypeKey, out var contentTypeNode))
        {
            if (contentTypeNode is not JsonValue ct || ct.GetValueKind() != JsonValueKind.String)
            {
                return RawFailure("cannot decode content type");
            }

            contentType = ct.GetValue<string>();
        }
        else if (hasBody)
        {
            return RawFailure("no content type given");
        }

        byte[] body = [];
        if (hasBody && data.TryGetPropertyValue(RawBodyKey, out var bodyNode))
        {
            if (bodyNode is not JsonValue bodyValue || bodyValue.GetValueKind() != JsonValueKind.String)
            {
                return RawFailure("cannot decode body");
            }

            // Vault tries base64 first because a Go []byte crosses the plugin boundary as base64.
            var text = bodyValue.GetValue<string>();
            var buffer = new byte[text.Length];
            body = Convert.TryFromBase64String(text, buffer, out var written)
                ? buffer.AsSpan(0, written).ToArray()
                : Encoding.UTF8.GetBytes(text);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        CopyStringHeader(data, "http_raw_cache_control", "Cache-Control", headers);
        CopyStringHeader(data, "http_raw_pragma", "Pragma", headers);
        CopyStringHeader(data, "http_www_authenticate", "WWW-Authenticate", headers);

        return new VaultHttpOutcome(VaultHttpOutcomeKind.Raw, status)
        {
            Raw = new RawHttpBody(string.IsNullOrEmpty(contentType) ? null : contentType, body, headers, null),
        };
    }

    private static void CopyStringHeader(JsonObject data, string key, string header, Dictionary<string, string> headers)
    {
        if (data[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            headers[header] = value.GetValue<string>();
        }
    }

    private static VaultHttpOutcome RawFailure(string reason) => new(VaultHttpOutcomeKind.Raw, 500)
    {
        Raw = new RawHttpBody(null, [], new Dictionary<string, string> { ["X-Vault-Raw-Error"] = reason }, reason),
    };
}
