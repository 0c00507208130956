namespace VaultPathGen;

/// <summary>
/// Declares a response of a handler for the OpenAPI document, as an entry of Vault's
/// <c>OperationProperties.Responses</c>: a status code and its description, with the fields of its
/// <c>data</c> declared by <see cref="ResponseFieldAttribute"/>s of the same code. For handlers
/// returning <see cref="Response"/> or a <c>JsonObject</c>, whose shape the generator cannot see;
/// a typed result's schema is computed without one. Declared responses replace the default ones
/// (<c>200 OK</c>, or <c>204</c> for a delete). See docs/openapi.md.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class OperationResponseAttribute : Attribute
{
    /// <summary>A response with this HTTP status code and description.</summary>
    public OperationResponseAttribute(int statusCode, string description)
    {
        StatusCode = statusCode;
        Description = description;
    }

    /// <summary>The HTTP status code (100–599).</summary>
    public int StatusCode { get; }

    /// <summary>What the response means.</summary>
    public string Description { get; }
}
