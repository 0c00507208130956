namespace VaultPathGen;

/// <summary>Whether a backend is a secrets engine or an auth method (Vault's <c>logical.BackendType</c>).</summary>
public enum BackendType
{
    /// <summary>Unknown.</summary>
    Unknown = 0,
    /// <summary>A secrets engine (<c>TypeLogical</c>).</summary>
    Logical = 1,
    /// <summary>An auth method (<c>TypeCredential</c>).</summary>
    Credential = 2,
}

/// <summary>
/// The description of a backend kept as data: its paths, fields and operations. Generated from the
/// declarations; read by help, OpenAPI and the plugin transport.
/// </summary>
public sealed class BackendDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    public BackendDescriptor(string name, BackendType type, string help, IReadOnlyList<PathDescriptor> paths, SpecialPaths specialPaths, bool strictFields = false)
    {
        Name = name;
        Type = type;
        Help = help;
        Paths = paths;
        SpecialPaths = specialPaths;
        StrictFields = strictFields;
    }

    /// <summary>The backend's name (its C# class name).</summary>
    public string Name { get; }

    /// <summary>Secrets engine or auth method.</summary>
    public BackendType Type { get; }

    /// <summary>Backend help text.</summary>
    public string Help { get; }

    /// <summary>The paths, in routing precedence order.</summary>
    public IReadOnlyList<PathDescriptor> Paths { get; }

    /// <summary>Paths with special treatment by Vault.</summary>
    public SpecialPaths SpecialPaths { get; }

    /// <summary>When true, unknown request parameters are rejected instead of warned about.</summary>
    public bool StrictFields { get; }

    /// <summary>
    /// The backend's OpenAPI 3.0 document as compiled, with placeholders for the mount type; read it
    /// through <see cref="OpenApi.BackendOpenApi"/>. Empty when the backend was not generated.
    /// </summary>
    public string OpenApi { get; init; } = "";
}

/// <summary>One path of a backend (Vault's <c>framework.Path</c>).</summary>
public sealed class PathDescriptor
{
    /// <summary>Creates a path descriptor.</summary>
    public PathDescriptor(string template, string pattern, IReadOnlyList<FieldSchema> fields, IReadOnlyList<OperationDescriptor> operations, string synopsis, string description, bool hasExistenceCheck, bool takesArbitraryInput = false, bool deprecated = false)
    {
        Template = template;
        Pattern = pattern;
        Fields = fields;
        Operations = operations;
        Synopsis = synopsis;
        Description = description;
        HasExistenceCheck = hasExistenceCheck;
        TakesArbitraryInput = takesArbitraryInput;
        Deprecated = deprecated;
    }

    /// <summary>The template as declared, e.g. <c>kv/&lt;key&gt;</c>, or the raw regex.</summary>
    public string Template { get; }

    /// <summary>The equivalent Vault (Go) regex, for help and for comparison with Vault plugins.</summary>
    public string Pattern { get; }

    /// <summary>The path's fields, captures first, then in ordinal order of name.</summary>
    public IReadOnlyList<FieldSchema> Fields { get; }

    /// <summary>The operations the path serves.</summary>
    public IReadOnlyList<OperationDescriptor> Operations { get; }

    /// <summary>One-line help.</summary>
    public string Synopsis { get; }

    /// <summary>Longer help.</summary>
    public string Description { get; }

    /// <summary>Whether the path has an existence check (so Vault can send create).</summary>
    public bool HasExistenceCheck { get; }

    /// <summary>Whether unknown parameters are expected (no warning, no strict rejection).</summary>
    public bool TakesArbitraryInput { get; }

    /// <summary>Whether the path is deprecated.</summary>
    public bool Deprecated { get; }

    /// <summary>The keys of this path in the backend's OpenAPI document (<c>/roles/{name}</c>).</summary>
    public IReadOnlyList<string> OpenApiPaths { get; init; } = [];

    /// <summary>The path as help shows it: the template, or what a regex path expands to.</summary>
    public string DisplayPath { get; init; } = "";

    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    public FieldSchema? FindField(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>Whether the path serves <paramref name="operation"/>.</summary>
    public bool Supports(Operation operation)
    {
        foreach (var op in Operations)
        {
            if (op.Operation == operation)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One operation of a path (Vault's <c>framework.OperationHandler</c> properties).</summary>
public sealed record OperationDescriptor(Operation Operation, string Summary, string Description, string HandlerName, bool Deprecated = false)
{
    /// <summary>Fields this operation requires.</summary>
    public IReadOnlyList<string> RequiredFields { get; init; } = [];

    /// <summary>Forwarded to the active node when it reaches a performance standby.</summary>
    public bool ForwardPerformanceStandby { get; init; }

    /// <summary>Forwarded to the primary when it reaches a performance secondary (unless the mount is local).</summary>
    public bool ForwardPerformanceSecondary { get; init; }
}

/// <summary>A field of a path (Vault's <c>framework.FieldSchema</c>).</summary>
public sealed record FieldSchema(string Name, FieldType Type, string Description)
{
    /// <summary>The default, as a JSON literal (e.g. <c>"1h"</c> or <c>10</c>), or null.</summary>
    public string? DefaultJson { get; init; }

    /// <summary>Whether some operation requires the field.</summary>
    public bool Required { get; init; }

    /// <summary>Whether the field is deprecated.</summary>
    public bool Deprecated { get; init; }

    /// <summary>Whether the field is sent as a query parameter.</summary>
    public bool Query { get; init; }

    /// <summary>Whether the value is secret: never logged, never echoed in errors.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Whether the field is a path capture.</summary>
    public bool IsCapture { get; init; }

    /// <summary>Allowed values, as JSON literals; empty means any.</summary>
    public IReadOnlyList<string> AllowedValuesJson { get; init; } = [];
}

/// <summary>Paths Vault treats specially (Vault's <c>logical.Paths</c>).</summary>
public sealed record SpecialPaths
{
    /// <summary>Paths that need sudo.</summary>
    public IReadOnlyList<string> Root { get; init; } = [];
    /// <summary>Paths reachable without a token.</summary>
    public IReadOnlyList<string> Unauthenticated { get; init; } = [];
    /// <summary>Paths whose storage is not replicated.</summary>
    public IReadOnlyList<string> LocalStorage { get; init; } = [];
    /// <summary>Paths whose storage is seal-wrapped.</summary>
    public IReadOnlyList<string> SealWrapStorage { get; init; } = [];
    /// <summary>Paths whose writes are forwarded.</summary>
    public IReadOnlyList<string> WriteForwardedStorage { get; init; } = [];
    /// <summary>Paths that take binary (non-JSON) bodies.</summary>
    public IReadOnlyList<string> Binary { get; init; } = [];
    /// <summary>Paths with limited request handling.</summary>
    public IReadOnlyList<string> Limited { get; init; } = [];
    /// <summary>Paths readable from a snapshot.</summary>
    public IReadOnlyList<string> AllowSnapshotRead { get; init; } = [];

    /// <summary>No special paths.</summary>
    public static SpecialPaths None { get; } = new();
}
