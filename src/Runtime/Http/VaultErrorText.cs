namespace VaultPathGen.Http;

/// <summary>
/// Fixed error texts of Vault (<c>sdk/logical/error.go</c>, <c>sdk/helper/consts/error.go</c>,
/// <c>vault/core.go</c>). Vault picks HTTP statuses by comparing error texts with these, so an error
/// of any kind whose message equals one of them gets that status.
/// </summary>
public static class VaultErrorText
{
    /// <summary><c>logical.ErrUnsupportedOperation</c> (405).</summary>
    public const string UnsupportedOperation = "unsupported operation";

    /// <summary><c>logical.ErrUnsupportedPath</c> (404).</summary>
    public const string UnsupportedPath = "unsupported path";

    /// <summary><c>logical.ErrInvalidRequest</c> (400).</summary>
    public const string InvalidRequest = "invalid request";

    /// <summary><c>logical.ErrPermissionDenied</c> (403).</summary>
    public const string PermissionDenied = "permission denied";

    /// <summary><c>logical.ErrInvalidCredentials</c> (400).</summary>
    public const string InvalidCredentials = "invalid credentials";

    /// <summary><c>logical.ErrMultiAuthzPending</c> (no status of its own: 500).</summary>
    public const string MultiAuthzPending = "request needs further approval";

    /// <summary><c>logical.ErrUpstreamRateLimited</c> (502).</summary>
    public const string UpstreamRateLimited = "upstream rate limited";

    /// <summary><c>logical.ErrLeaseCountQuotaExceeded</c> (429).</summary>
    public const string LeaseCountQuotaExceeded = "lease count quota exceeded";

    /// <summary><c>logical.ErrRateLimitQuotaExceeded</c> (429).</summary>
    public const string RateLimitQuotaExceeded = "rate limit quota exceeded";

    /// <summary><c>logical.ErrUnrecoverable</c> (no status of its own: 500).</summary>
    public const string Unrecoverable = "unrecoverable error";

    /// <summary><c>logical.ErrMissingRequiredState</c> (412).</summary>
    public const string MissingRequiredState = "required index state not present";

    /// <summary><c>logical.ErrPathFunctionalityRemoved</c> (404).</summary>
    public const string PathFunctionalityRemoved = "functionality on this path has been removed";

    /// <summary><c>vault.ErrRelativePath</c> from the storage barrier (400).</summary>
    public const string RelativePath = "relative paths not supported";

    /// <summary><c>consts.ErrInvalidWrappingToken</c> (400).</summary>
    public const string InvalidWrappingToken = "wrapping token is not valid or does not exist";

    /// <summary><c>consts.ErrOverloaded</c> (503).</summary>
    public const string Overloaded = "overloaded, try again later";

    /// <summary><c>consts.ErrSealed</c> (503).</summary>
    public const string Sealed = "Vault is sealed";

    /// <summary><c>consts.ErrAPILocked</c> (503).</summary>
    public const string ApiLocked = "API access to this namespace has been locked by an administrator";

    /// <summary>Go's <c>http.MaxBytesReader</c> error (413).</summary>
    public const string RequestBodyTooLarge = "http: request body too large";

    /// <summary><c>vault.ErrInternalError</c>: what core reports when an existence check fails unexpectedly.</summary>
    public const string InternalError = "internal error";

    /// <summary>Core's answer to a create or update on a path ending in <c>/</c>.</summary>
    public const string WriteToFolder = "cannot write to a path ending in '/'";
}
