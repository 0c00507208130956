using VaultPathGen.Generator.Helpers;

namespace VaultPathGen.Generator.Model
{
    /// <summary>Everything the emitter needs about one backend class; value-equal, no symbols.</summary>
    internal sealed partial record BackendSpec(
        string? Namespace,
        string ClassName,
        string FullName,
        string HintName,
        EquatableArray<string> ContainingTypes,
        string Help,
        bool StrictFields,
        string? JsonContextType,
        EquatableArray<PathSpec> Paths,
        EquatableArray<RouteSpec> Routes,
        EquatableArray<HookSpec> Hooks,
        SpecialPathsSpec SpecialPaths,
        AuthMethodSpec? AuthMethod);

    /// <summary>A lifecycle method: <see cref="Kind"/> is Initialize, Clean, Invalidate or Periodic.</summary>
    internal sealed record HookSpec(string Kind, string MethodName, bool IsStatic, bool IsAsync, EquatableArray<ParameterSpec> Parameters);

    /// <summary>One path of the backend: its template, fields and handlers.</summary>
    internal sealed partial record PathSpec(
        int Index,
        string Template,
        bool IsRegex,
        string VaultPattern,
        string? DotNetRegex,
        EquatableArray<string> Captures,
        EquatableArray<FieldSpec> Fields,
        EquatableArray<HandlerSpec> Handlers,
        HandlerSpec? ExistenceCheck,
        string Synopsis,
        string Description,
        bool TakesArbitraryInput,
        bool Deprecated);

    /// <summary>One linear form of a path's template, in routing order.</summary>
    internal sealed record RouteSpec(
        int PathIndex,
        EquatableArray<PartSpec> Parts,
        EquatableArray<string> OmittedCaptures);

    /// <summary>A piece of a route: <see cref="Kind"/> is a <c>TemplatePartKind</c>.</summary>
    internal sealed record PartSpec(int Kind, string Text);

    /// <summary>A field of a path: the union of what its handlers bind.</summary>
    internal sealed partial record FieldSpec(
        string Name,
        FieldType Type,
        string Description,
        string? DefaultJson,
        bool Required,
        bool Deprecated,
        bool Query,
        bool Sensitive,
        bool IsCapture,
        EquatableArray<string> AllowedJson,
        EquatableArray<string> AllowedExpressions);

    /// <summary>How a handler's result becomes a <c>Response</c>.</summary>
    internal enum ReturnKind
    {
        Response,
        None,
        JsonObject,
        Typed,
        Bool,
    }

    /// <summary>A handler method (or existence check).</summary>
    internal sealed partial record HandlerSpec(
        string MethodName,
        bool IsStatic,
        EquatableArray<int> Operations,
        string Summary,
        string Description,
        bool Deprecated,
        ReturnKind ReturnKind,
        bool IsAsync,
        string? TypedResultType,
        EquatableArray<ParameterSpec> Parameters,
        bool ForwardPerformanceStandby = false,
        bool ForwardPerformanceSecondary = false)
    {
        /// <summary>The <c>[OperationId]</c> prefix, when the handler overrides Vault's default.</summary>
        public string? OperationIdPrefix { get; init; }

        /// <summary>The <c>[OperationId]</c> verb.</summary>
        public string? OperationIdVerb { get; init; }

        /// <summary>The <c>[OperationId]</c> suffix (one per expanded path with <c>|</c>).</summary>
        public string? OperationIdSuffix { get; init; }

        /// <summary>The OpenAPI schema of a typed result as System.Text.Json writes it, as JSON text.</summary>
        public string? ResponseSchemaJson { get; init; }
    }

    /// <summary>Where a handler parameter's value comes from.</summary>
    internal enum ParameterKind
    {
        Field,
        Request,
        Storage,
        CancellationToken,
        Logger,
        TypedLogger,
        FieldData,
        Config,
        Key,
        Auth,
        SystemView,
    }

    /// <summary>How a field's canonical value becomes the parameter's C# type.</summary>
    internal enum ValueConversion
    {
        Identity,
        ToInt32,
        ToSingle,
        SecondsToTimeSpan,
        SecondsToInt32,
        ToDateTime,
        ToList,
        ToInt32Array,
        ToInt32List,
        ToInt64List,
    }

    /// <summary>A handler parameter.</summary>
    internal sealed record ParameterSpec(
        string Name,
        ParameterKind Kind,
        string TypeName,
        string? FieldName,
        FieldType FieldType,
        ValueConversion Conversion,
        bool IsNullable,
        bool Required,
        string? DefaultExpression,
        FieldSpec? Field)
    {
        /// <summary>For a <c>FieldValue&lt;T&gt;</c> parameter, <c>T</c>; <see cref="TypeName"/> is the wrapper.</summary>
        public string? ValueTypeName { get; init; }
    }
}
