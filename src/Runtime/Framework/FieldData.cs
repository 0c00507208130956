using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>
/// A request's input for one path (Vault's <c>framework.FieldData</c>): the body or query data
/// merged with the path captures, captures winning. Generated dispatch reads fields through it
/// and it collects Vault's warnings about replaced and unrecognised parameters.
/// </summary>
public sealed class FieldData
{
    /// <summary>Vault's warning prefix when captures replace body values.</summary>
    public const string ReplacedWarningPrefix = "Endpoint replaced the value of these parameters with the values captured from the endpoint's path: ";

    /// <summary>Vault's warning prefix for parameters the path does not declare.</summary>
    public const string IgnoredWarningPrefix = "Endpoint ignored these unrecognized parameters: ";

    private readonly JsonObject? _body;
    private Dictionary<string, string>? _captures;
    private List<string>? _replaced;

    /// <summary>Input of <paramref name="request"/> for <paramref name="path"/>.</summary>
    public FieldData(Request request, PathDescriptor path)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(path);
        _body = request.Data;
        Path = path;
    }

    /// <summary>The path whose schema applies.</summary>
    public PathDescriptor Path { get; }

    /// <summary>Records a value captured from the path; it replaces a body value of the same name.</summary>
    public void SetCapture(string name, string value)
    {
        _captures ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_body is not null && _body.TryGetPropertyValue(name, out var bodyValue) && bodyValue is not null)
        {
            (_replaced ??= []).Add(name);
        }

        _captures[name] = value;
    }

    /// <summary>Whether the field was given (by capture or body), and its raw value (null for JSON null).</summary>
    public bool TryGetRaw(string name, out JsonNode? value)
    {
        if (_captures is not null && _captures.TryGetValue(name, out var captured))
        {
            value = JsonValue.Create(captured);
            return true;
        }

        if (_body is not null && _body.TryGetPropertyValue(name, out value))
        {
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The captured value of <paramref name="name"/>, when it is a capture.</summary>
    public bool TryGetCapture(string name, out string value)
    {
        if (_captures is not null && _captures.TryGetValue(name, out var captured))
        {
            value = captured;
            return true;
        }

        value = "";
        return false;
    }

    /// <summary>Body parameters the path does not declare, sorted ordinally.</summary>
    public IReadOnlyList<string> UnknownParameters()
    {
        if (_body is null || Path.TakesArbitraryInput)
        {
            return [];
        }

        var unknown = new List<string>();
        foreach (var (key, _) in _body)
        {
            if (Path.FindField(key) is null)
            {
                unknown.Add(key);
            }
        }

        unknown.Sort(StringComparer.Ordinal);
        return unknown;
    }

    /// <summary>
    /// With strict fields, the error response for unknown parameters; null when there are none or
    /// the backend is not strict.
    /// </summary>
    public Response? RejectUnknown(bool strict)
    {
        if (!strict)
        {
            return null;
        }

        var unknown = UnknownParameters();
        return unknown.Count == 0 ? null : Response.Error("unrecognized parameters: " + GoList(unknown));
    }

    /// <summary>Vault's 400 for a value that does not convert to the field's type.</summary>
    public static Response ConversionError(string field, string error)
        => Response.Error($"Field validation failed: error converting input for field \"{field}\": {error}");

    /// <summary>The 400 for a required field that is absent.</summary>
    public static Response MissingRequired(string field)
        => Response.Error($"Field validation failed: missing required field \"{field}\"");

    /// <summary>The 400 for a value outside the field's allowed values (the value is not echoed).</summary>
    public static Response NotAllowed(string field, string allowed)
        => Response.Error($"Field validation failed: field \"{field}\" must be one of: {allowed}");

    /// <summary>
    /// Adds Vault's warnings (replaced and unrecognised parameters) to the handler's response. Unlike
    /// Vault, a handler that returned nothing still gets a response carrying the warnings, so they
    /// are never lost.
    /// </summary>
    public Response? Complete(Response? response)
    {
        var unknown = UnknownParameters();
        if (_replaced is null && unknown.Count == 0)
        {
            return response;
        }

        response ??= new Response();
        if (_replaced is not null)
        {
            _replaced.Sort(StringComparer.Ordinal);
            response.AddWarning(ReplacedWarningPrefix + GoList(_replaced));
        }

        if (unknown.Count > 0)
        {
            response.AddWarning(IgnoredWarningPrefix + GoList(unknown));
        }

        return response;
    }

    /// <summary>A list the way Go's <c>%v</c> prints a <c>[]string</c>: <c>[a b]</c>.</summary>
    private static string GoList(IEnumerable<string> items) => "[" + string.Join(' ', items) + "]";
}
