namespace VaultPathGen;

/// <summary>Vault's error kinds (<c>pb.ProtoError.err_type</c>); the numbers are the wire values.</summary>
public enum ErrorType
{
    /// <summary>An error of no known kind (HTTP 500, message kept).</summary>
    Unknown = 0,
    /// <summary>An error caused by the caller (<c>errutil.UserError</c>).</summary>
    UserError = 1,
    /// <summary>An internal error (<c>errutil.InternalError</c>).</summary>
    InternalError = 2,
    /// <summary>An error with its own HTTP status (<c>logical.CodedError</c>).</summary>
    CodedError = 3,
    /// <summary><c>logical.ErrInvalidRequest</c>-style bad request (400).</summary>
    BadRequest = 4,
    /// <summary><c>logical.ErrUnsupportedOperation</c> (405).</summary>
    UnsupportedOperation = 5,
    /// <summary><c>logical.ErrUnsupportedPath</c> (404).</summary>
    UnsupportedPath = 6,
    /// <summary><c>logical.ErrInvalidRequest</c> (400).</summary>
    InvalidRequest = 7,
    /// <summary><c>logical.ErrPermissionDenied</c> (403).</summary>
    PermissionDenied = 8,
    /// <summary><c>logical.ErrMultiAuthzPending</c>.</summary>
    MultiAuthzPending = 9,
    /// <summary><c>logical.ErrUnrecoverable</c>.</summary>
    Unrecoverable = 10,
}

/// <summary>
/// An error a handler returns to Vault (Vault's <c>error</c> result of a handler). Throw one from a
/// handler; the runtime turns it into the right Vault error and HTTP status. For an error the caller
/// should see as a 400 with a message, prefer returning <see cref="Response.Error(string)"/>.
/// </summary>
public class LogicalException : Exception
{
    /// <summary>Creates an error of the given kind.</summary>
    public LogicalException(ErrorType type, string message, int statusCode = 0)
        : base(message)
    {
        Type = type;
        StatusCode = statusCode;
    }

    /// <summary>The kind of error, sent to Vault as <c>err_type</c>.</summary>
    public ErrorType Type { get; }

    /// <summary>For <see cref="ErrorType.CodedError"/>, the HTTP status; otherwise 0.</summary>
    public int StatusCode { get; }

    /// <summary>Vault's fixed text for <see cref="ErrorType.UnsupportedPath"/>.</summary>
    public const string UnsupportedPathMessage = "unsupported path";

    /// <summary>Vault's fixed text for <see cref="ErrorType.UnsupportedOperation"/>.</summary>
    public const string UnsupportedOperationMessage = "unsupported operation";

    /// <summary>No route matches the request path (HTTP 404).</summary>
    public static LogicalException UnsupportedPath() => new(ErrorType.UnsupportedPath, UnsupportedPathMessage);

    /// <summary>The path exists but does not serve this operation (HTTP 405).</summary>
    public static LogicalException UnsupportedOperation() => new(ErrorType.UnsupportedOperation, UnsupportedOperationMessage);

    /// <summary>An error with its own HTTP status (Vault's <c>logical.CodedError</c>).</summary>
    public static LogicalException Coded(int statusCode, string message) => new(ErrorType.CodedError, message, statusCode);

    /// <summary>The caller's request is malformed (HTTP 400; Vault shows its fixed text "invalid request", not the message).</summary>
    public static LogicalException InvalidRequest(string message) => new(ErrorType.InvalidRequest, message);

    /// <summary>The caller may not do this (HTTP 403).</summary>
    public static LogicalException PermissionDenied() => new(ErrorType.PermissionDenied, "permission denied");

    /// <summary>
    /// An error caused by the caller's input. Vault answers 400 only when an existence check throws it;
    /// from a handler it is a 500 with the message (Vault's <c>RespondErrorCommon</c> has no case for it).
    /// </summary>
    public static LogicalException User(string message) => new(ErrorType.UserError, message);

    /// <summary>An internal failure (HTTP 500).</summary>
    public static LogicalException Internal(string message) => new(ErrorType.InternalError, message);
}
