namespace VaultPathGen;

/// <summary>
/// Overrides parts of a handler's OpenAPI operationId, as Vault's <c>DisplayAttributes</c>
/// <c>OperationPrefix</c>, <c>OperationVerb</c> and <c>OperationSuffix</c> do, with Vault's rules:
/// the id is <c>prefix-verb-suffix</c>, lower case; the prefix defaults to the mount type only when
/// neither prefix nor verb is set; the suffix defaults to the path's words only when the verb is
/// not set. A suffix may name one value per expanded path, separated by <c>|</c>
/// (<c>roles[/&lt;name&gt;]</c> expands to <c>roles</c>, then <c>roles/{name}</c>). See docs/openapi.md.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OperationIdAttribute : Attribute
{
    /// <summary>Replaces the mount type at the start of the id.</summary>
    public string? Prefix { get; set; }

    /// <summary>Replaces the operation (<c>read</c>, <c>write</c>, <c>list</c>…).</summary>
    public string? Verb { get; set; }

    /// <summary>Replaces the path's words; <c>|</c> separates one suffix per expanded path.</summary>
    public string? Suffix { get; set; }
}
