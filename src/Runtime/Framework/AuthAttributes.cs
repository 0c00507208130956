namespace VaultPathGen;

/// <summary>
/// Marks a partial class as a Vault auth method (a credential backend, Go's
/// <c>logical.TypeCredential</c>). The source generator implements <see cref="IBackend"/> for it like
/// for a <see cref="SecretsEngineAttribute"/> class; its login handlers return a
/// <see cref="Response"/> carrying an <see cref="Auth"/>, and its login paths are listed as
/// unauthenticated with <see cref="PathsSpecialAttribute"/>. See docs/auth-methods.md.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuthMethodAttribute : Attribute
{
    /// <summary>Backend help text; the class's XML <c>&lt;summary&gt;</c> is used when not set.</summary>
    public string? Help { get; set; }

    /// <summary>Reject unknown request parameters (HTTP 400) instead of warning about them.</summary>
    public bool StrictFields { get; set; }

    /// <summary>
    /// A <c>System.Text.Json.Serialization.JsonSerializerContext</c> with type information for
    /// handlers that return typed objects.
    /// </summary>
    public Type? JsonContext { get; set; }
}

/// <summary>
/// Renews a token this auth method issued (Go's <c>Backend.AuthRenew</c>): Vault sends
/// <see cref="Operation.Renew"/> with the token's <see cref="Auth"/>, whatever the path. The method
/// returns a <see cref="Response"/> or an <see cref="Auth"/> (or a task of one), usually the request's
/// auth with a new TTL and max TTL; throwing or returning an error response refuses the renewal. It may
/// take the <see cref="Request"/>, the <see cref="Auth"/>, <see cref="IStorage"/>,
/// <see cref="BackendConfig"/>, a <c>CancellationToken</c> and a logger.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AuthRenewAttribute : Attribute
{
}
