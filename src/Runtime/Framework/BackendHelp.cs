using System.Text;
using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>Help responses built from a backend's descriptor, shaped like Vault's.</summary>
public static class BackendHelp
{
    /// <summary>Help for the backend as a whole (a help request on the empty path).</summary>
    public static Response Root(BackendDescriptor backend) => Root(backend, null);

    /// <summary>
    /// Help for the backend as a whole, with its OpenAPI document under <c>openapi</c> named for the
    /// mount type the request gives (<c>requestResponsePrefix</c>), as Vault's backends answer it.
    /// </summary>
    public static Response Root(BackendDescriptor backend, Request? request)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var sb = new StringBuilder();
        sb.Append("## DESCRIPTION\n\n").Append(backend.Help.Trim()).Append("\n\n## PATHS\n\n");
        sb.Append("The following paths are supported by this backend. To view help for\n");
        sb.Append("any of the paths below, use the help command with any route matching\n");
        sb.Append("the path pattern. Note that depending on the policy of your auth token,\n");
        sb.Append("you may or may not be able to access certain paths.\n\n");
        foreach (var path in backend.Paths.OrderBy(Readable, StringComparer.Ordinal))
        {
            sb.Append("    ").Append(Readable(path)).Append('\n');
            sb.Append("        ").Append(path.Synopsis.Trim()).Append("\n\n");
        }

        return HelpResponse(sb.ToString(), OpenApi.BackendOpenApi.Document(backend, OpenApi.BackendOpenApi.MountTypeOf(request)));
    }

    /// <summary>Help for one path.</summary>
    public static Response ForPath(BackendDescriptor backend, PathDescriptor path) => ForPath(backend, path, null);

    /// <summary>
    /// Help for one path: its readable route, synopsis, parameters with types, defaults and
    /// descriptions, operations; with the path's OpenAPI document under <c>openapi</c>.
    /// </summary>
    public static Response ForPath(BackendDescriptor backend, PathDescriptor path, Request? request)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(path);
        var sb = new StringBuilder();
        sb.Append("Request:        ").Append(Readable(path)).Append('\n');
        sb.Append("Matching Route: ").Append(path.Pattern).Append("\n\n");
        sb.Append(path.Synopsis.Trim()).Append("\n\n");
        if (path.Fields.Count > 0)
        {
            sb.Append("## PARAMETERS\n\n");
            foreach (var field in path.Fields.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                sb.Append("    ").Append(field.Name).Append(" (").Append(FieldFacts(field)).Append(")\n");
                if (field.Description.Length > 0)
                {
                    sb.Append("        ").Append(field.Deprecated ? "(DEPRECATED) " : "").Append(field.Description.Trim().Replace("\n", "\n        ", StringComparison.Ordinal)).Append('\n');
                }

                sb.Append('\n');
            }
        }

        if (path.Operations.Count > 0)
        {
            sb.Append("## OPERATIONS\n\n");
            foreach (var operation in path.Operations)
            {
                sb.Append("    ").Append(operation.Operation.ToWireName());
                if (operation.Summary.Length > 0)
                {
                    sb.Append(": ").Append(operation.Summary.Trim());
                }

                sb.Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append("## DESCRIPTION\n\n").Append((path.Description.Length > 0 ? path.Description : path.Synopsis).Trim()).Append('\n');
        return HelpResponse(sb.ToString(), OpenApi.BackendOpenApi.ForPath(backend, path, OpenApi.BackendOpenApi.MountTypeOf(request)));
    }

    /// <summary>The route as a reader writes it: the template, or what a regex path expands to.</summary>
    private static string Readable(PathDescriptor path) => path.DisplayPath.Length > 0 ? path.DisplayPath : path.Template;

    /// <summary>Type, then what a caller must know: path capture, required, default, allowed values.</summary>
    private static string FieldFacts(FieldSchema field)
    {
        var facts = new List<string> { TypeName(field.Type) };
        if (field.IsCapture)
        {
            facts.Add("in the path");
        }

        if (field.Required)
        {
            facts.Add("required");
        }

        if (field.DefaultJson is not null)
        {
            facts.Add("default: " + field.DefaultJson);
        }

        if (field.AllowedValuesJson.Count > 0)
        {
            facts.Add("one of: " + string.Join(", ", field.AllowedValuesJson));
        }

        if (field.Query)
        {
            facts.Add("query");
        }

        return string.Join(", ", facts);
    }

    /// <summary>Vault's name for a field type, as help and OpenAPI show it.</summary>
    public static string TypeName(FieldType type) => type switch
    {
        FieldType.String => "string",
        FieldType.Int => "int",
        FieldType.Int64 => "int64",
        FieldType.Bool => "bool",
        FieldType.Map => "map",
        FieldType.DurationSecond => "duration (sec)",
        FieldType.SignedDurationSecond => "signed duration (sec)",
        FieldType.Slice => "slice",
        FieldType.StringSlice => "slice",
        FieldType.CommaStringSlice => "slice",
        FieldType.LowerCaseString => "lowercase string",
        FieldType.NameString => "name string",
        FieldType.KVPairs => "keypair",
        FieldType.CommaIntSlice => "slice",
        FieldType.Header => "header",
        FieldType.Float => "float",
        FieldType.Time => "time",
        _ => "unknown type",
    };

    private static Response HelpResponse(string text, JsonObject openApi)
        => Response.WithData(new JsonObject { ["help"] = text, ["see_also"] = null, ["openapi"] = openApi });
}
