using System.Text;
using System.Text.Json.Nodes;
using VaultPathGen.Http;

namespace VaultPathGen.Testing;

/// <summary>
/// The result of one request through <see cref="VaultTestHost"/>: what a Vault client would see
/// (status, data, warnings, errors) and what happened inside (operation sent, raw response, exception).
/// </summary>
public sealed class HostResponse
{
    internal HostResponse(CoreResult result)
    {
        Result = result;
    }

    /// <summary>Everything core recorded about the request.</summary>
    public CoreResult Result { get; }

    /// <summary>The HTTP status Vault would answer with.</summary>
    public int StatusCode => Result.Outcome.StatusCode;

    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The operation the backend received: for a write, create or update as the existence check decided.</summary>
    public Operation Operation => Result.Operation;

    /// <summary>The path the backend received (for a list, with the trailing slash).</summary>
    public string Path => Result.Request.Path;

    /// <summary>The request as sent to the backend.</summary>
    public Request Request => Result.Request;

    /// <summary>The response, or null when there was none.</summary>
    public Response? Response => Result.Response;

    /// <summary>The lease id the host gave an issued secret, or null when the response carries none.</summary>
    public string? LeaseId => Result.Response?.Secret?.LeaseId is { Length: > 0 } id ? id : null;

    /// <summary>The response data, or null.</summary>
    public JsonObject? Data => Result.Response?.Data;

    /// <summary>The response's warnings.</summary>
    public IReadOnlyList<string> Warnings => Result.Response?.Warnings ?? (IReadOnlyList<string>)[];

    /// <summary>The <c>errors</c> list Vault would send; empty for a success (and for some errors, like a 404 read).</summary>
    public IReadOnlyList<string> Errors => Result.Outcome.Errors;

    /// <summary>The error body Vault would send, <c>{"errors": [...]}</c>, or null for a success.</summary>
    public JsonObject? ErrorBody => Result.Outcome.ErrorBody();

    /// <summary>The exception the backend threw, if any; it never escapes the host.</summary>
    public Exception? Exception => Result.Exception;

    /// <summary>The existence check's answer, when one ran.</summary>
    public ExistenceCheckResult? ExistenceCheck => Result.ExistenceCheck;

    /// <summary>For a 307, where Vault redirects to.</summary>
    public string? RedirectLocation => Result.Outcome.RedirectLocation;

    /// <summary>The full HTTP answer.</summary>
    public VaultHttpOutcome Outcome => Result.Outcome;

    /// <summary>Throws unless the status is 2xx; the message carries errors and any exception.</summary>
    /// <exception cref="InvalidOperationException">The status is not 2xx.</exception>
    public HostResponse EnsureSuccess() => IsSuccess ? this : throw new InvalidOperationException(Describe("expected a 2xx status"));

    /// <summary>Throws unless the status is <paramref name="statusCode"/>.</summary>
    /// <exception cref="InvalidOperationException">The status differs.</exception>
    public HostResponse EnsureStatus(int statusCode)
        => StatusCode == statusCode ? this : throw new InvalidOperationException(Describe($"expected status {statusCode}"));

    /// <inheritdoc />
    public override string ToString() => Describe(null);

    private string Describe(string? expectation)
    {
        var text = new StringBuilder();
        if (expectation is not null)
        {
            text.Append(expectation).Append(", got: ");
        }

        text.Append(StatusCode).Append(' ').Append(Operation.ToWireName()).Append(' ').Append(Path);
        if (Errors.Count > 0)
        {
            text.Append(" errors: [").Append(string.Join(", ", Errors)).Append(']');
        }

        if (Warnings.Count > 0)
        {
            text.Append(" warnings: [").Append(string.Join(", ", Warnings)).Append(']');
        }

        if (Exception is not null)
        {
            text.AppendLine().Append("backend threw: ").Append(Exception);
        }

        return text.ToString();
    }
}
