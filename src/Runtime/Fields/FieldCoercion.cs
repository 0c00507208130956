using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>
/// Vault's coercion of request input to field types (<c>framework.FieldData</c>), one method per
/// type. Input is the decoded JSON value; a C# null is JSON <c>null</c>. On failure the error is
/// Vault's text after <c>error converting input for field "f": </c>; it never contains the input
/// value, which may be secret.
/// </summary>
/// <remarks>
/// An external plugin gets request data as JSON decoded into Go <c>float64</c> numbers
/// (<c>sdk/plugin/pb/translation.go</c>), so numbers follow float64 rules (4.2 → 4 for Int,
/// 1e21 → "1000000000000000000000" for String). Integer literals are the exception: they stay
/// exact instead of being rounded to 53 bits, which is what Vault's own json.Number paths do.
/// A JSON <c>null</c> for a duration or time means "absent" (<see cref="NullMeansAbsent"/>): the
/// typed methods then return the zero value and <see cref="TryCoerce"/> returns a null value so
/// the caller can apply the default.
/// </remarks>
public static class FieldCoercion
{
    /// <summary>Types for which JSON null means "absent" (the default applies): durations and time.</summary>
    public static bool NullMeansAbsent(FieldType type) => type is FieldType.DurationSecond or FieldType.SignedDurationSecond or FieldType.Time;

    /// <summary>TypeString.</summary>
    public static bool TryString(JsonNode? input, out string value, [NotNullWhen(false)] out string? error)
    {
        if (!TryRead(input, out var scalar, out error))
        {
            value = string.Empty;
            return false;
        }

        return TryStringOf(scalar, out value, out error);
    }

    /// <summary>TypeLowerCaseString.</summary>
    public static bool TryLowerCaseString(JsonNode? input, out string value, [NotNullWhen(false)] out string? error)
    {
        if (!TryString(input, out value, out error))
        {
            return false;
        }

        value = GoToLower(value);
        return true;
    }

    /// <summary>TypeNameString.</summary>
    public static bool TryNameString(JsonNode? input, out string value, [NotNullWhen(false)] out string? error)
    {
        if (!TryString(input, out value, out error))
        {
            return false;
        }

        if (!VaultParse.IsValidName(value))
        {
            value = string.Empty;
            error = "field does not match the formatting rules";
            return false;
        }

        return true;
    }

    /// <summary>TypeInt and TypeInt64 (Vault's int is 64-bit).</summary>
    public static bool TryInt(JsonNode? input, out long value, [NotNullWhen(false)] out string? error)
    {
        if (!TryRead(input, out var scalar, out error))
        {
            value = 0;
            return false;
        }

        return TryIntOf(scalar, out value, out error);
    }

    /// <summary>TypeFloat.</summary>
    public static bool TryFloat(JsonNode? input, out double value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        if (!TryRead(input, out var scalar, out error))
        {
            return false;
        }

        switch (scalar.Kind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.Bool:
                value = scalar.Bool ? 1 : 0;
                return true;
            case JsonKind.Number:
                return TryNumberToDouble(scalar.Text, out value, out error);
            case JsonKind.String:
                if (scalar.Text.Length == 0 || VaultParse.TryParseFloat(scalar.Text, out value))
                {
                    return true;
                }

                error = "cannot parse as float: invalid syntax";
                return false;
            default:
                error = Unconvertible("float", scalar.Kind);
                return false;
        }
    }

    /// <summary>TypeBool.</summary>
    public static bool TryBool(JsonNode? input, out bool value, [NotNullWhen(false)] out string? error)
    {
        value = false;
        if (!TryRead(input, out var scalar, out error))
        {
            return false;
        }

        switch (scalar.Kind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.Bool:
                value = scalar.Bool;
                return true;
            case JsonKind.Number:
                if (!TryNumberToDouble(scalar.Text, out var number, out error))
                {
                    return false;
                }

                value = number != 0;
                return true;
            case JsonKind.String:
                if (scalar.Text.Length == 0 || VaultParse.TryParseBool(scalar.Text, out value))
                {
                    return true;
                }

                error = "cannot parse as bool: invalid syntax";
                return false;
            default:
                error = Unconvertible("bool", scalar.Kind);
                return false;
        }
    }

    /// <summary>TypeDurationSecond (non-negative) and TypeSignedDurationSecond, in whole seconds.</summary>
    public static bool TryDurationSecond(JsonNode? input, bool allowNegative, out long seconds, [NotNullWhen(false)] out string? error)
    {
        seconds = 0;
        if (!TryRead(input, out var scalar, out error))
        {
            return false;
        }

        bool ok;
        switch (scalar.Kind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.String:
                ok = VaultParse.TryParseDurationSeconds(scalar.Text, out seconds, out error);
                break;
            case JsonKind.Number:
                // Go converts the float64 to time.Duration first, which truncates toward zero.
                if (!TryNumberToDouble(scalar.Text, out var number, out error))
                {
                    return false;
                }

                var truncated = Math.Truncate(number);
                if (Math.Abs(truncated) > VaultParse.MaxDurationSeconds)
                {
                    error = "duration out of range";
                    return false;
                }

                seconds = (long)truncated;
                ok = true;
                break;
            default:
                error = "could not parse duration from input";
                return false;
        }

        if (!ok)
        {
            seconds = 0;
            error ??= "could not parse duration from input";
            return false;
        }

        if (!allowNegative && seconds < 0)
        {
            seconds = 0;
            error = "cannot provide a negative duration";
            return false;
        }

        return true;
    }

    /// <summary>TypeTime, in UTC.</summary>
    public static bool TryTime(JsonNode? input, out DateTimeOffset value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (!TryRead(input, out var scalar, out error))
        {
            return false;
        }

        switch (scalar.Kind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.String:
                if (VaultParse.TryParseTime(scalar.Text, out value))
                {
                    return true;
                }

                error = "could not parse string as date and time";
                return false;
            default:
                // ParseAbsoluteTime has no float64 case: JSON numbers are refused like bools.
                error = "could not parse time from input type";
                return false;
        }
    }

    /// <summary>TypeMap.</summary>
    public static bool TryMap(JsonNode? input, out JsonObject value, [NotNullWhen(false)] out string? error)
    {
        value = new JsonObject();
        input = Normalize(input);
        error = null;

        var merged = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (!TryMergeObjects(input, merged, out error))
        {
            return false;
        }

        foreach (var (key, node) in merged)
        {
            value[key] = node?.DeepClone();
        }

        return true;
    }

    /// <summary>TypeSlice.</summary>
    public static bool TrySlice(JsonNode? input, out JsonArray value, [NotNullWhen(false)] out string? error)
    {
        value = new JsonArray();
        input = Normalize(input);
        error = null;

        switch (input)
        {
            case null:
                return true;
            case JsonArray array:
                foreach (var item in array)
                {
                    value.Add(item?.DeepClone());
                }

                return true;
            case JsonObject obj when obj.Count == 0:
                return true;
            default:
                value.Add(input.DeepClone());
                return true;
        }
    }

    /// <summary>TypeStringSlice.</summary>
    public static bool TryStringSlice(JsonNode? input, out string[] value, [NotNullWhen(false)] out string? error)
    {
        value = [];
        if (!TryListOfStrings(input, splitStrings: false, emptyStringIsEmptyList: true, out var items, out error))
        {
            return false;
        }

        value = TrimAll(items);
        return true;
    }

    /// <summary>TypeCommaStringSlice.</summary>
    public static bool TryCommaStringSlice(JsonNode? input, out string[] value, [NotNullWhen(false)] out string? error)
    {
        value = [];
        if (!TryListOfStrings(input, splitStrings: true, emptyStringIsEmptyList: true, out var items, out error))
        {
            return false;
        }

        value = TrimAll(items);
        return true;
    }

    /// <summary>TypeCommaIntSlice.</summary>
    public static bool TryCommaIntSlice(JsonNode? input, out long[] value, [NotNullWhen(false)] out string? error)
    {
        value = [];
        if (!TryRead(input, out var scalar, out error))
        {
            return false;
        }

        var result = new List<long>();
        switch (scalar.Kind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.String when scalar.Text.Length == 0:
                return true;
            case JsonKind.String:
                // Split but not trimmed: "1, 2" fails on " 2", as in Vault.
                foreach (var part in scalar.Text.Split(','))
                {
                    if (!TryIntOf(Scalar.OfString(part), out var number, out error))
                    {
                        return false;
                    }

                    result.Add(number);
                }

                break;
            case JsonKind.Object:
                if (scalar.Node!.AsObject().Count == 0)
                {
                    return true;
                }

                error = Unconvertible("int", JsonKind.Object);
                return false;
            case JsonKind.Array:
                foreach (var item in scalar.Node!.AsArray())
                {
                    if (!TryRead(item, out var element, out error) || !TryIntOf(element, out var number, out error))
                    {
                        return false;
                    }

                    result.Add(number);
                }

                break;
            default:
                if (!TryIntOf(scalar, out var single, out error))
                {
                    return false;
                }

                result.Add(single);
                break;
        }

        value = [.. result];
        return true;
    }

    /// <summary>TypeKVPairs.</summary>
    public static bool TryKVPairs(JsonNode? input, out Dictionary<string, string> value, [NotNullWhen(false)] out string? error)
    {
        value = new Dictionary<string, string>(StringComparer.Ordinal);
        input = Normalize(input);
        error = null;

        // Vault first decodes into map[string]string (objects, and lists of objects merged) and
        // only when that fails reads a list of "k=v" strings.
        var merged = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (TryMergeObjects(input, merged, out _) && TryStringValues(merged, value, out error))
        {
            return true;
        }

        value.Clear();
        if (!TryListOfStrings(input, splitStrings: false, emptyStringIsEmptyList: false, out var pairs, out error))
        {
            return false;
        }

        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = equals < 0 ? "invalid key pair: expected key=value" : "invalid key pair: empty key";
                value.Clear();
                return false;
            }

            value[pair[..equals]] = pair[(equals + 1)..];
        }

        return true;
    }

    /// <summary>TypeHeader: keys canonicalised like Go's <c>http.CanonicalHeaderKey</c>.</summary>
    public static bool TryHeader(JsonNode? input, out Dictionary<string, string[]> value, [NotNullWhen(false)] out string? error)
    {
        value = new Dictionary<string, string[]>(StringComparer.Ordinal);
        input = Normalize(input);
        error = null;

        var header = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        // 1. A map (or a list of maps, merged), as the API sends it.
        var merged = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (TryMergeObjects(input, merged, out _))
        {
            if (!TryAddHeaderValues(merged, header, numbersAsText: false, out error))
            {
                return false;
            }

            value = Freeze(header);
            return true;
        }

        switch (input)
        {
            // 2. A string holding a JSON object, optionally base64-encoded.
            case JsonValue when TryRead(input, out var scalar, out _) && scalar.Kind == JsonKind.String:
                if (!TryDecodeHeaderString(scalar.Text, out var decoded))
                {
                    error = "header string is not a JSON object or base64 of one";
                    return false;
                }

                if (!TryAddHeaderValues(decoded, header, numbersAsText: true, out error))
                {
                    return false;
                }

                value = Freeze(header);
                return true;

            // 3. A list of "Key:value" strings, as the CLI sends it.
            case JsonArray array:
                foreach (var item in array)
                {
                    if (!TryRead(item, out var element, out error))
                    {
                        return false;
                    }

                    if (element.Kind != JsonKind.String)
                    {
                        error = "invalid key pair: expected a string";
                        return false;
                    }

                    var colon = element.Text.IndexOf(':', StringComparison.Ordinal);
                    if (colon <= 0)
                    {
                        error = colon < 0 ? "invalid key pair: expected key:value" : "invalid key pair: empty key";
                        return false;
                    }

                    AddHeader(header, element.Text[..colon], element.Text[(colon + 1)..]);
                }

                value = Freeze(header);
                return true;

            default:
                error = "header not provided in an expected format";
                return false;
        }
    }

    /// <summary>
    /// Any type, boxed: the canonical result of the typed method above (string, long, double, bool,
    /// long seconds, DateTimeOffset, JsonObject, JsonArray, string[], long[], dictionaries).
    /// For durations and time a JSON null gives <c>true</c> with a null value: the field is absent.
    /// </summary>
    public static bool TryCoerce(FieldType type, JsonNode? input, out object? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (NullMeansAbsent(type) && Normalize(input) is null)
        {
            error = null;
            return true;
        }

        bool ok;
        switch (type)
        {
            case FieldType.String:
                ok = TryString(input, out var s, out error);
                value = s;
                break;
            case FieldType.LowerCaseString:
                ok = TryLowerCaseString(input, out var lower, out error);
                value = lower;
                break;
            case FieldType.NameString:
                ok = TryNameString(input, out var name, out error);
                value = name;
                break;
            case FieldType.Int:
            case FieldType.Int64:
                ok = TryInt(input, out var i, out error);
                value = i;
                break;
            case FieldType.Float:
                ok = TryFloat(input, out var f, out error);
                value = f;
                break;
            case FieldType.Bool:
                ok = TryBool(input, out var b, out error);
                value = b;
                break;
            case FieldType.DurationSecond:
            case FieldType.SignedDurationSecond:
                ok = TryDurationSecond(input, type == FieldType.SignedDurationSecond, out var seconds, out error);
                value = seconds;
                break;
            case FieldType.Time:
                ok = TryTime(input, out var time, out error);
                value = time;
                break;
            case FieldType.Map:
                ok = TryMap(input, out var map, out error);
                value = map;
                break;
            case FieldType.Slice:
                ok = TrySlice(input, out var slice, out error);
                value = slice;
                break;
            case FieldType.StringSlice:
                ok = TryStringSlice(input, out var strings, out error);
                value = strings;
                break;
            case FieldType.CommaStringSlice:
                ok = TryCommaStringSlice(input, out var commaStrings, out error);
                value = commaStrings;
                break;
            case FieldType.CommaIntSlice:
                ok = TryCommaIntSlice(input, out var ints, out error);
                value = ints;
                break;
            case FieldType.KVPairs:
                ok = TryKVPairs(input, out var pairs, out error);
                value = pairs;
                break;
            case FieldType.Header:
                ok = TryHeader(input, out var header, out error);
                value = header;
                break;
            default:
                error = "unknown field type";
                return false;
        }

        if (!ok)
        {
            value = null;
            error ??= "invalid input";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The canonical result as JSON, e.g. for help, OpenAPI and typed defaults.</summary>
    /// <exception cref="ArgumentException">The value is not a canonical value of <paramref name="type"/>.</exception>
    public static JsonNode? ToJson(FieldType type, object? canonicalValue)
    {
        if (canonicalValue is null)
        {
            return null;
        }

        switch (type)
        {
            case FieldType.String or FieldType.LowerCaseString or FieldType.NameString when canonicalValue is string s:
                return JsonValue.Create(s);
            case FieldType.Int or FieldType.Int64 when TryGetInt64(canonicalValue, out var i):
                return JsonValue.Create(i);
            case FieldType.Float when canonicalValue is double or float or long or int:
                var d = Convert.ToDouble(canonicalValue, CultureInfo.InvariantCulture);
                if (!double.IsFinite(d))
                {
                    throw new ArgumentException("A float field value must be finite.", nameof(canonicalValue));
                }

                return JsonValue.Create(d);
            case FieldType.Bool when canonicalValue is bool b:
                return JsonValue.Create(b);
            case FieldType.DurationSecond or FieldType.SignedDurationSecond when canonicalValue is TimeSpan span:
                return JsonValue.Create(span.Ticks / TimeSpan.TicksPerSecond);
            case FieldType.DurationSecond or FieldType.SignedDurationSecond when TryGetInt64(canonicalValue, out var seconds):
                return JsonValue.Create(seconds);
            case FieldType.Time when canonicalValue is DateTimeOffset time:
                return JsonValue.Create(FormatTime(time));
            case FieldType.Time when canonicalValue is DateTime dateTime:
                return JsonValue.Create(FormatTime(new DateTimeOffset(dateTime.ToUniversalTime(), TimeSpan.Zero)));
            case FieldType.Map when canonicalValue is JsonObject obj:
                return obj.DeepClone();
            case FieldType.Slice when canonicalValue is JsonArray array:
                return array.DeepClone();
            case FieldType.StringSlice or FieldType.CommaStringSlice when canonicalValue is IEnumerable<string> strings:
                var stringArray = new JsonArray();
                foreach (var item in strings)
                {
                    stringArray.Add((JsonNode?)JsonValue.Create(item));
                }

                return stringArray;
            case FieldType.CommaIntSlice when canonicalValue is IEnumerable<long> or IEnumerable<int>:
                var intArray = new JsonArray();
                var longs = canonicalValue as IEnumerable<long> ?? ((IEnumerable<int>)canonicalValue).Select(x => (long)x);
                foreach (var item in longs)
                {
                    intArray.Add((JsonNode?)JsonValue.Create(item));
                }

                return intArray;
            case FieldType.KVPairs when canonicalValue is IEnumerable<KeyValuePair<string, string>> pairs:
                var pairObject = new JsonObject();
                foreach (var (key, item) in pairs)
                {
                    pairObject[key] = JsonValue.Create(item);
                }

                return pairObject;
            case FieldType.Header when canonicalValue is IEnumerable<KeyValuePair<string, string[]>> header:
                var headerObject = new JsonObject();
                foreach (var (key, items) in header)
                {
                    var values = new JsonArray();
                    foreach (var item in items)
                    {
                        values.Add((JsonNode?)JsonValue.Create(item));
                    }

                    headerObject[key] = values;
                }

                return headerObject;
            default:
                throw new ArgumentException($"A {canonicalValue.GetType().Name} is not a canonical value of field type {type}.", nameof(canonicalValue));
        }
    }

    /// <summary>Go's <c>http.CanonicalHeaderKey</c>: <c>content-type</c> → <c>Content-Type</c>; keys with non-token characters are left alone.</summary>
    public static string CanonicalHeaderKey(string key)
    {
        foreach (var c in key)
        {
            if (!IsHeaderTokenChar(c))
            {
                return key;
            }
        }

        var chars = key.ToCharArray();
        var upper = true;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (upper && c is >= 'a' and <= 'z')
            {
                c = (char)(c - 32);
            }
            else if (!upper && c is >= 'A' and <= 'Z')
            {
                c = (char)(c + 32);
            }

            chars[i] = c;
            upper = c == '-';
        }

        return new string(chars);
    }

    private static bool IsHeaderTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    private enum JsonKind
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object,
    }

    // One JSON value seen the same way whether it came from parsed text or from a C# primitive.
    // Text is the string value, or a number's JSON literal (kept as text so integers stay exact).
    private readonly record struct Scalar(JsonKind Kind, bool Bool, string Text, JsonNode? Node)
    {
        public static Scalar OfString(string text) => new(JsonKind.String, false, text, null);
    }

    // A JsonValue can wrap a JSON null element (JsonValue.Create(element)); treat it as C# null.
    private static JsonNode? Normalize(JsonNode? input) =>
        input is JsonValue value && value.GetValueKind() == JsonValueKind.Null ? null : input;

    private static bool TryRead(JsonNode? input, out Scalar scalar, [NotNullWhen(false)] out string? error)
    {
        scalar = default;
        error = null;
        input = Normalize(input);

        switch (input)
        {
            case null:
                scalar = new Scalar(JsonKind.Null, false, string.Empty, null);
                return true;
            case JsonObject:
                scalar = new Scalar(JsonKind.Object, false, string.Empty, input);
                return true;
            case JsonArray:
                scalar = new Scalar(JsonKind.Array, false, string.Empty, input);
                return true;
        }

        var value = (JsonValue)input;
        if (value.TryGetValue<JsonElement>(out var element))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.True or JsonValueKind.False:
                    scalar = new Scalar(JsonKind.Bool, element.ValueKind == JsonValueKind.True, string.Empty, input);
                    return true;
                case JsonValueKind.Number:
                    scalar = new Scalar(JsonKind.Number, false, element.GetRawText(), input);
                    return true;
                case JsonValueKind.String:
                    return TryReadString(() => element.GetString()!, input, out scalar, out error);
            }
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False:
                scalar = new Scalar(JsonKind.Bool, value.GetValueKind() == JsonValueKind.True, string.Empty, input);
                return true;
            case JsonValueKind.Number:
                if ((value.TryGetValue<double>(out var d) && !double.IsFinite(d)) || (value.TryGetValue<float>(out var f) && !float.IsFinite(f)))
                {
                    error = "number is not finite";
                    return false;
                }

                scalar = new Scalar(JsonKind.Number, false, value.ToJsonString(), input);
                return true;
            case JsonValueKind.String:
                if (value.TryGetValue<string>(out var s))
                {
                    scalar = Scalar.OfString(s) with { Node = input };
                    return true;
                }

                if (value.TryGetValue<char>(out var c))
                {
                    scalar = Scalar.OfString(c.ToString()) with { Node = input };
                    return true;
                }

                // Other primitives that serialise as strings (Guid, DateTime, enums with a converter).
                using (var document = JsonDocument.Parse(value.ToJsonString()))
                {
                    var text = document.RootElement.GetString()!;
                    scalar = Scalar.OfString(text) with { Node = input };
                    return true;
                }

            default:
                error = "unsupported JSON value";
                return false;
        }
    }

    private static bool TryReadString(Func<string> read, JsonNode node, out Scalar scalar, [NotNullWhen(false)] out string? error)
    {
        try
        {
            scalar = Scalar.OfString(read()) with { Node = node };
            error = null;
            return true;
        }
        catch (InvalidOperationException)
        {
            scalar = default;
            error = "string is not valid Unicode";
            return false;
        }
    }

    private static string Unconvertible(string expected, JsonKind got) =>
        $"expected type '{expected}', got unconvertible type '{KindName(got)}'";

    private static string KindName(JsonKind kind) => kind switch
    {
        JsonKind.Null => "null",
        JsonKind.Bool => "bool",
        JsonKind.Number => "number",
        JsonKind.String => "string",
        JsonKind.Array => "array",
        _ => "object",
    };

    private static bool IsIntegerLiteral(string text)
    {
        var start = text.Length > 0 && text[0] == '-' ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryNumberToDouble(string literal, out double value, [NotNullWhen(false)] out string? error)
    {
        if (double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            error = null;
            return true;
        }

        // Go cannot decode such a number into a float64 at all.
        value = 0;
        error = "number out of range";
        return false;
    }

    private static bool TryStringOf(Scalar scalar, out string value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (scalar.Kind)
        {
            case JsonKind.Null:
                value = string.Empty;
                return true;
            case JsonKind.String:
                value = scalar.Text;
                return true;
            case JsonKind.Bool:
                value = scalar.Bool ? "1" : "0";
                return true;
            case JsonKind.Number when IsIntegerLiteral(scalar.Text):
                value = scalar.Text;
                return true;
            case JsonKind.Number:
                if (!TryNumberToDouble(scalar.Text, out var number, out error))
                {
                    value = string.Empty;
                    return false;
                }

                value = VaultParse.FormatFloat(number);
                return true;
            default:
                value = string.Empty;
                error = Unconvertible("string", scalar.Kind);
                return false;
        }
    }

    private static bool TryIntOf(Scalar scalar, out long value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        error = null;
        switch (scalar.Kind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.Bool:
                value = scalar.Bool ? 1 : 0;
                return true;
            case JsonKind.String:
                if (scalar.Text.Length == 0)
                {
                    return true;
                }

                if (VaultParse.TryParseInt(scalar.Text, 0, out value, out var outOfRange))
                {
                    return true;
                }

                error = outOfRange ? "cannot parse as int: value out of range" : "cannot parse as int: invalid syntax";
                return false;
            case JsonKind.Number when IsIntegerLiteral(scalar.Text):
                if (long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
                {
                    return true;
                }

                error = "number out of range for int";
                return false;
            case JsonKind.Number:
                if (!TryNumberToDouble(scalar.Text, out var number, out error))
                {
                    return false;
                }

                // Go's int64(float64) truncates toward zero; outside the int64 range it is undefined, so refuse.
                var truncated = Math.Truncate(number);
                if (truncated is < -9223372036854775808.0 or >= 9223372036854775808.0)
                {
                    error = "number out of range for int";
                    return false;
                }

                value = (long)truncated;
                return true;
            default:
                error = Unconvertible("int", scalar.Kind);
                return false;
        }
    }

    // mapstructure's weak decode into []string: a list's elements are stringified, an empty object
    // is an empty list, any other single value becomes a one-element list.
    private static bool TryListOfStrings(JsonNode? input, bool splitStrings, bool emptyStringIsEmptyList, out List<string> items, [NotNullWhen(false)] out string? error)
    {
        items = [];
        if (!TryRead(input, out var scalar, out error))
        {
            return false;
        }

        switch (scalar.Kind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.String when scalar.Text.Length == 0 && emptyStringIsEmptyList:
                return true;
            case JsonKind.String when splitStrings:
                items.AddRange(scalar.Text.Split(','));
                return true;
            case JsonKind.Object:
                if (scalar.Node!.AsObject().Count == 0)
                {
                    return true;
                }

                error = Unconvertible("string", JsonKind.Object);
                return false;
            case JsonKind.Array:
                foreach (var item in scalar.Node!.AsArray())
                {
                    if (!TryRead(item, out var element, out error) || !TryStringOf(element, out var text, out error))
                    {
                        return false;
                    }

                    items.Add(text);
                }

                return true;
            default:
                if (!TryStringOf(scalar, out var single, out error))
                {
                    return false;
                }

                items.Add(single);
                return true;
        }
    }

    private static string[] TrimAll(List<string> items)
    {
        var result = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            result[i] = items[i].Trim();
        }

        return result;
    }

    // mapstructure's weak decode into a map: an object is copied, a list is merged element by
    // element (nested lists too, nulls skipped), null gives an empty map; anything else fails.
    private static bool TryMergeObjects(JsonNode? input, Dictionary<string, JsonNode?> into, [NotNullWhen(false)] out string? error)
    {
        input = Normalize(input);
        error = null;

        switch (input)
        {
            case null:
                return true;
            case JsonObject obj:
                foreach (var (key, node) in Properties(obj))
                {
                    into[key] = node;
                }

                return true;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (!TryMergeObjects(item, into, out error))
                    {
                        return false;
                    }
                }

                return true;
            default:
                TryRead(input, out var scalar, out _);
                error = $"expected a map, got '{KindName(scalar.Kind)}'";
                return false;
        }
    }

    // Go's JSON decoder keeps the last of duplicate keys; JsonObject throws on them when enumerated.
    private static List<KeyValuePair<string, JsonNode?>> Properties(JsonObject obj)
    {
        List<KeyValuePair<string, JsonNode?>> list;
        try
        {
            list = [.. obj];
        }
        catch (ArgumentException)
        {
            var lastWins = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            using var document = JsonDocument.Parse(obj.ToJsonString());
            foreach (var property in document.RootElement.EnumerateObject())
            {
                lastWins[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }

            list = [.. lastWins];
        }

        return list;
    }

    private static bool TryStringValues(Dictionary<string, JsonNode?> source, Dictionary<string, string> into, [NotNullWhen(false)] out string? error)
    {
        foreach (var (key, node) in source)
        {
            if (!TryRead(node, out var scalar, out error) || !TryStringOf(scalar, out var text, out error))
            {
                return false;
            }

            into[key] = text;
        }

        error = null;
        return true;
    }

    private static bool TryAddHeaderValues(Dictionary<string, JsonNode?> source, Dictionary<string, List<string>> header, bool numbersAsText, [NotNullWhen(false)] out string? error)
    {
        foreach (var (key, node) in source)
        {
            if (!TryRead(node, out var scalar, out error))
            {
                return false;
            }

            switch (scalar.Kind)
            {
                case JsonKind.String:
                    AddHeader(header, key, scalar.Text);
                    break;
                case JsonKind.Number when numbersAsText:
                    AddHeader(header, key, scalar.Text);
                    break;
                case JsonKind.Array:
                    foreach (var item in scalar.Node!.AsArray())
                    {
                        if (!TryRead(item, out var element, out error))
                        {
                            return false;
                        }

                        if (element.Kind == JsonKind.String || (numbersAsText && element.Kind == JsonKind.Number))
                        {
                            AddHeader(header, key, element.Text);
                            continue;
                        }

                        error = "received non-string value for header";
                        return false;
                    }

                    break;
                default:
                    error = "header values must be strings or lists of strings";
                    return false;
            }
        }

        error = null;
        return true;
    }

    private static void AddHeader(Dictionary<string, List<string>> header, string key, string value)
    {
        key = CanonicalHeaderKey(key);
        if (!header.TryGetValue(key, out var values))
        {
            values = [];
            header[key] = values;
        }

        values.Add(value);
    }

    private static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> header)
    {
        var result = new Dictionary<string, string[]>(header.Count, StringComparer.Ordinal);
        foreach (var (key, values) in header)
        {
            result[key] = [.. values];
        }

        return result;
    }

    // Vault tries base64 first and falls back to the raw text; either way the JSON must be an
    // object (or null). Its decoder reads one value and ignores anything after it, and keeps
    // numbers as json.Number, which TypeHeader accepts as text.
    private static bool TryDecodeHeaderString(string text, out Dictionary<string, JsonNode?> values)
    {
        values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        var bytes = Convert.TryFromBase64String(text, buffer, out var written)
            ? buffer.AsSpan(0, written).ToArray()
            : Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
        {
            return false;
        }

        JsonNode? node;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            using var document = JsonDocument.ParseValue(ref reader);
            node = JsonNode.Parse(document.RootElement.GetRawText());
        }
        catch (JsonException)
        {
            return false;
        }

        return node switch
        {
            null => true,
            JsonObject obj => TryMergeObjects(obj, values, out _),
            _ => false,
        };
    }

    // Go's strings.ToLower maps rune by rune with Unicode's simple mappings; .NET's invariant
    // mapping matches except that it leaves U+0130 (İ) alone where Go gives 'i'.
    private static string GoToLower(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var rune in s.EnumerateRunes())
        {
            sb.Append(rune.Value == 0x130 ? new Rune('i') : Rune.ToLowerInvariant(rune));
        }

        return sb.ToString();
    }

    private static bool TryGetInt64(object value, out long result)
    {
        switch (value)
        {
            case long l:
                result = l;
                return true;
            case int i:
                result = i;
                return true;
            default:
                result = 0;
                return false;
        }
    }

    // Go's time.Time JSON form (RFC 3339 with the fraction's trailing zeros dropped), always in UTC.
    private static string FormatTime(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return text.TrimEnd('.') + "Z";
    }
}
