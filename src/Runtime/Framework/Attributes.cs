namespace VaultPathGen;

/// <summary>
/// Marks a partial class as a Vault secrets engine. The source generator implements
/// <see cref="IBackend"/> for it from its <see cref="PathAttribute"/> handlers.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SecretsEngineAttribute : Attribute
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
/// Declares the path a handler serves. A method may carry several. Template syntax:
/// literal text; <c>&lt;name&gt;</c> one name (<c>\w</c>, <c>-</c>, <c>.</c>, starting and ending with <c>\w</c>);
/// <c>&lt;name@&gt;</c> the same with <c>@</c> allowed; <c>&lt;path*&gt;</c> anything including
/// slashes, possibly empty; <c>&lt;path+&gt;</c> the same but not empty; <c>[...]</c> an optional
/// group at the end, e.g. <c>roles[/&lt;name&gt;]</c> or <c>keys[/]</c>. See docs/paths.md.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class PathAttribute : Attribute
{
    /// <summary>A templated path.</summary>
    public PathAttribute(string template) => Template = template;

    /// <summary>The template.</summary>
    public string Template { get; }
}

/// <summary>
/// A regular-expression path, for what templates cannot express: the argument is the NAME of a
/// <c>[GeneratedRegex]</c> method of the backend (<c>[PathPattern(nameof(DataPath))]</c>), not the
/// pattern itself. Named groups (<c>(?&lt;name&gt;…)</c>) bind handler parameters; anchor the pattern
/// at both ends like Vault's (<c>^…\z</c>). Regex paths are tried after every template, in ordinal
/// order of their method names. See docs/paths.md.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class PathPatternAttribute : Attribute
{
    /// <summary>A path matched by the <c>[GeneratedRegex]</c> method named <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The name of a <c>[GeneratedRegex]</c> method of the backend, e.g. <c>nameof(DataPath)</c>.</param>
    public PathPatternAttribute(string pattern) => Pattern = pattern;

    /// <summary>The name of the <c>[GeneratedRegex]</c> method.</summary>
    public string Pattern { get; }
}

/// <summary>The operations a handler serves on its paths.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OperationAttribute : Attribute
{
    /// <summary>Declares the operations.</summary>
    public OperationAttribute(params Operation[] operations) => Operations = operations;

    /// <summary>The operations.</summary>
    public Operation[] Operations { get; }

    /// <summary>Operation summary; the method's XML <c>&lt;summary&gt;</c> is used when not set.</summary>
    public string? Summary { get; set; }

    /// <summary>Whether the operation is deprecated.</summary>
    public bool Deprecated { get; set; }

    /// <summary>On a performance standby, let Vault forward the operation to the active node (it writes storage).</summary>
    public bool ForwardPerformanceStandby { get; set; }

    /// <summary>On a performance secondary, let Vault forward the operation to the primary, unless the mount is local.</summary>
    public bool ForwardPerformanceSecondary { get; set; }
}

/// <summary>
/// Marks a method as the existence check for its <see cref="PathAttribute"/> paths: it returns
/// <c>bool</c> (or a task of one) saying whether the item exists, so Vault sends create or update.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ExistenceCheckAttribute : Attribute
{
}

/// <summary>Options for a path: help (the first handler's XML docs are used when absent), arbitrary input, deprecation, promised operations.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PathOptionsAttribute : Attribute
{
    /// <summary>Options for the path declared with <paramref name="template"/>.</summary>
    public PathOptionsAttribute(string template) => Template = template;

    /// <summary>
    /// The template the options are for, exactly as declared on the handlers, or the name of the
    /// <see cref="PathPatternAttribute"/> regex method (<c>nameof(DataPath)</c>).
    /// </summary>
    public string Template { get; }

    /// <summary>One-line help.</summary>
    public string? Synopsis { get; set; }

    /// <summary>Longer help.</summary>
    public string? Description { get; set; }

    /// <summary>Accept any parameters on this path without warning.</summary>
    public bool TakesArbitraryInput { get; set; }

    /// <summary>Whether the path is deprecated.</summary>
    public bool Deprecated { get; set; }

    /// <summary>
    /// The operations the path promises to serve. Documentation for readers and a contract for the
    /// analyzers: an operation listed here with no handler is diagnostic VPG0101.
    /// </summary>
    public Operation[]? Operations { get; set; }
}

/// <summary>
/// Field metadata for a handler parameter. The wire name is the parameter name in snake_case
/// (<c>maxVersions</c> → <c>max_versions</c>) unless <see cref="Name"/> is set.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class FieldAttribute : Attribute
{
    /// <summary>Field metadata with the conventional name.</summary>
    public FieldAttribute()
    {
    }

    /// <summary>Field metadata with an explicit wire name.</summary>
    public FieldAttribute(string name) => Name = name;

    /// <summary>The wire name.</summary>
    public string? Name { get; set; }

    /// <summary>The Vault type, where the C# type allows several.</summary>
    public FieldType Type { get; set; }

    /// <summary>Description; the method's XML <c>&lt;param&gt;</c> text is used when not set.</summary>
    public string? Description { get; set; }

    /// <summary>The default when the field is absent; checked against the type at compile time.</summary>
    public object? Default { get; set; }

    /// <summary>Reject the request (HTTP 400) when the field is absent.</summary>
    public bool Required { get; set; }

    /// <summary>The only accepted values; enforced.</summary>
    public object[]? AllowedValues { get; set; }

    /// <summary>The value is secret: never logged or echoed in errors.</summary>
    public bool Sensitive { get; set; }

    /// <summary>The field is deprecated.</summary>
    public bool Deprecated { get; set; }

    /// <summary>The field is sent as a query parameter (documentation and OpenAPI).</summary>
    public bool Query { get; set; }
}

/// <summary>
/// Runs once after the mount is set up, when storage is writable (Vault's <c>InitializeFunc</c>).
/// The method returns nothing (or a task) and may take <see cref="IStorage"/>,
/// <see cref="BackendConfig"/>, <c>CancellationToken</c> and a logger.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class InitializeAttribute : Attribute
{
}

/// <summary>Runs when the mount goes away (Vault's <c>Clean</c>); same signature rules as <see cref="InitializeAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class CleanAttribute : Attribute
{
}

/// <summary>
/// Runs when a storage key changed outside this process (Vault's <c>Invalidate</c>): the method's
/// <c>string</c> parameter receives the key.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class InvalidateAttribute : Attribute
{
}

/// <summary>
/// Runs on Vault's periodic rollback tick, about once a minute (Vault's <c>PeriodicFunc</c>). May
/// take the <see cref="Request"/> or its <see cref="IStorage"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PeriodicAttribute : Attribute
{
}
