using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>
/// Vault's coercion of request input to field types (<c>framework.FieldData</c>), one method per
/// type. Input is the decoded JSON value; a C# null is JSON <c>null</c>. On failure the error is
/// Vault's text after <c>error converting input for field "f": </c>; it never contains the input
/// value, which may be secret.
/// </summary>
public static class FieldCoercion
{
    /// <summary>Types for which JSON null means "absent" (the default applies): durations and time.</summary>
    public static bool NullMeansAbsent(FieldType type) => type is FieldType.DurationSecond or FieldType.SignedDurationSecond or FieldType.Time;

    /// <summary>TypeString.</summary>
    public static bool TryString(JsonNode? input, out string value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeLowerCaseString.</summary>
    public static bool TryLowerCaseString(JsonNode? input, out string value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeNameString.</summary>
    public static bool TryNameString(JsonNode? input, out string value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeInt and TypeInt64 (Vault's int is 64-bit).</summary>
    public static bool TryInt(JsonNode? input, out long value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeFloat.</summary>
    public static bool TryFloat(JsonNode? input, out double value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeBool.</summary>
    public static bool TryBool(JsonNode? input, out bool value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeDurationSecond (non-negative) and TypeSignedDurationSecond, in whole seconds.</summary>
    public static bool TryDurationSecond(JsonNode? input, bool allowNegative, out long seconds, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeTime, in UTC.</summary>
    public static bool TryTime(JsonNode? input, out DateTimeOffset value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeMap.</summary>
    public static bool TryMap(JsonNode? input, out JsonObject value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeSlice.</summary>
    public static bool TrySlice(JsonNode? input, out JsonArray value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeStringSlice.</summary>
    public static bool TryStringSlice(JsonNode? input, out string[] value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeCommaStringSlice.</summary>
    public static bool TryCommaStringSlice(JsonNode? input, out string[] value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeCommaIntSlice.</summary>
    public static bool TryCommaIntSlice(JsonNode? input, out long[] value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeKVPairs.</summary>
    public static bool TryKVPairs(JsonNode? input, out Dictionary<string, string> value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();
    /// <summary>TypeHeader: keys canonicalised like Go's <c>http.CanonicalHeaderKey</c>.</summary>
    public static bool TryHeader(JsonNode? input, out Dictionary<string, string[]> value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();

    /// <summary>
    /// Any type, boxed: the canonical result of the typed method above (string, long, double, bool,
    /// long seconds, DateTimeOffset, JsonObject, JsonArray, string[], long[], dictionaries).
    /// </summary>
    public static bool TryCoerce(FieldType type, JsonNode? input, out object? value, [NotNullWhen(false)] out string? error) => throw new NotImplementedException();

    /// <summary>The canonical result as JSON, e.g. for help, OpenAPI and typed defaults.</summary>
    public static JsonNode? ToJson(FieldType type, object? canonicalValue) => throw new NotImplementedException();
}
