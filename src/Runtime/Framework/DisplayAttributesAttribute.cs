namespace VaultPathGen;

/// <summary>
/// Hints for UIs and documentation generators, as Vault's <c>DisplayAttributes</c>: written into
/// the OpenAPI document as <c>x-vault-displayAttrs</c> where Vault writes them. On a field
/// parameter they go on the field's schema; on the backend class with a path's template (or the
/// name of its <c>[PathPattern]</c> method) they go on that path's entries, and the operation
/// hints (<see cref="OperationPrefix"/>, <see cref="OperationVerb"/>, <see cref="OperationSuffix"/>)
/// name every operation of the path that its <c>[OperationId]</c> does not; on a handler only the
/// operation hints count (Vault never shows an operation's other display attributes). The hints
/// themselves never appear in the document. See docs/openapi.md.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DisplayAttributesAttribute : Attribute
{
    /// <summary>Display attributes of a field or handler.</summary>
    public DisplayAttributesAttribute()
    {
    }

    /// <summary>Display attributes of the path with this template (or <c>[PathPattern]</c> method name), on the backend class.</summary>
    public DisplayAttributesAttribute(string path) => Path = path;

    /// <summary>The path these attributes describe, when on the backend class.</summary>
    public string? Path { get; }

    /// <summary>A label or heading for the field or path.</summary>
    public string? Name { get; set; }

    /// <summary>Tooltip text beside the label, when it should differ from the field's description.</summary>
    public string? Description { get; set; }

    /// <summary>A sample value to show; for display only, unrelated to the field's default.</summary>
    public object? Value { get; set; }

    /// <summary>Mask the value in the UI.</summary>
    public bool Sensitive { get; set; }

    /// <summary>Show the path as a navigation tab.</summary>
    public bool Navigation { get; set; }

    /// <summary>The kind of item the path works on (<c>Role</c>).</summary>
    public string? ItemType { get; set; }

    /// <summary>The UI group the field belongs in.</summary>
    public string? Group { get; set; }

    /// <summary>The verb a UI shows for the path's operation (<c>Generate</c>).</summary>
    public string? Action { get; set; }

    /// <summary>The form control a field needs: <c>textarea</c> or <c>file</c>.</summary>
    public string? EditType { get; set; }

    /// <summary>The first part of the operationIds (the mount type by default).</summary>
    public string? OperationPrefix { get; set; }

    /// <summary>The verb of the operationIds (the operation by default).</summary>
    public string? OperationVerb { get; set; }

    /// <summary>The last part of the operationIds (the path's words by default); <c>|</c> separates one per expanded path.</summary>
    public string? OperationSuffix { get; set; }
}
