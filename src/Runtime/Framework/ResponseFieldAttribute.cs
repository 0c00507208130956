namespace VaultPathGen;

/// <summary>
/// A field in the <c>data</c> of a declared response (<see cref="OperationResponseAttribute"/> with
/// the same status code), as a <c>FieldSchema</c> of Vault's <c>Response.Fields</c>. Documentation
/// only: nothing checks what the handler returns.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ResponseFieldAttribute : Attribute
{
    /// <summary>A field named <paramref name="name"/> of type <paramref name="type"/> in the response with <paramref name="statusCode"/>.</summary>
    public ResponseFieldAttribute(int statusCode, string name, FieldType type)
    {
        StatusCode = statusCode;
        Name = name;
        Type = type;
    }

    /// <summary>The status code of the response the field belongs to.</summary>
    public int StatusCode { get; }

    /// <summary>The field's name in <c>data</c>.</summary>
    public string Name { get; }

    /// <summary>The field's Vault type, which gives its OpenAPI schema as for request fields.</summary>
    public FieldType Type { get; }

    /// <summary>What the field holds.</summary>
    public string? Description { get; set; }

    /// <summary>The response always has the field.</summary>
    public bool Required { get; set; }

    /// <summary>The field is deprecated.</summary>
    public bool Deprecated { get; set; }

    /// <summary>The value is secret (shown masked, <c>format: password</c> for strings).</summary>
    public bool Sensitive { get; set; }
}
