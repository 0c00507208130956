using VaultPathGen.Generator.Helpers;

namespace VaultPathGen.Generator.Model
{
    /// <summary>The field's <c>[DisplayAttributes]</c>, for its schema's <c>x-vault-displayAttrs</c>.</summary>
    internal sealed partial record FieldSpec
    {
        public DisplaySpec? Display { get; init; }
    }

    /// <summary>The path's <c>[DisplayAttributes]</c>: shown on its entries, and operationId hints for its operations.</summary>
    internal sealed partial record PathSpec
    {
        public DisplaySpec? Display { get; init; }
    }

    /// <summary>The handler's declared responses (<c>[OperationResponse]</c>, <c>[ResponseField]</c>), by status code.</summary>
    internal sealed partial record HandlerSpec
    {
        public EquatableArray<ResponseSpec> Responses { get; init; }
    }

    /// <summary>Vault's <c>DisplayAttributes</c>; <see cref="ValueJson"/> is the sample value as JSON.</summary>
    internal sealed record DisplaySpec(
        string? Name,
        string? Description,
        string? ValueJson,
        bool Sensitive,
        bool Navigation,
        string? ItemType,
        string? Group,
        string? Action,
        string? EditType,
        string? OperationPrefix,
        string? OperationVerb,
        string? OperationSuffix)
    {
        /// <summary>Whether anything but the operation hints is set: Vault leaves the object out otherwise.</summary>
        public bool HasShownAttributes =>
            Name != null || Description != null || ValueJson != null || Sensitive || Navigation || ItemType != null || Group != null || Action != null || EditType != null;

        public bool HasOperationHints => OperationPrefix != null || OperationVerb != null || OperationSuffix != null;
    }

    /// <summary>One declared response: Vault's <c>Response</c> with its <c>Fields</c>.</summary>
    internal sealed record ResponseSpec(int StatusCode, string Description, EquatableArray<FieldSpec> Fields);
}
