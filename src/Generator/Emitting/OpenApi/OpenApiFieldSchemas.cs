using System.Text.RegularExpressions;
using VaultPathGen.Generator.Model;
using VaultPathGen.Routing;

namespace VaultPathGen.Generator.Emitting.OpenApi
{
    /// <summary>
    /// Vault's field type → OpenAPI schema mapping (sdk/framework/openapi.go, <c>convertType</c>),
    /// plus what Vault leaves out: value types of maps, key-value pairs and headers, and sensitive
    /// fields marked for clients.
    /// </summary>
    internal static class OpenApiFieldSchemas
    {
        /// <summary>Vault's <c>TypeNameString</c> pattern, anchored and written so ECMAScript's unicode mode accepts it.</summary>
        public const string NamePattern = @"^\w([-\w.]*\w)?$";

        public const string NameWithAtPattern = @"^\w([-\w.@]*\w)?$";

        private static readonly Regex Whitespace = new Regex(@"\s+");

        /// <summary>Vault's <c>cleanString</c>: trimmed, whitespace runs made one space.</summary>
        public static string Clean(string s) => Whitespace.Replace(s.Trim(), " ");

        /// <summary>The schema of a body property or parameter value.</summary>
        public static JsonObj For(FieldSpec field, bool withDescription)
        {
            var s = new JsonObj();
            string? format = null;
            string? pattern = null;
            string? items = null;
            JsonTree? additional = null;
            switch (field.Type)
            {
                case FieldType.NameString:
                    s.Set("type", "string");
                    pattern = NamePattern;
                    break;
                case FieldType.LowerCaseString:
                    s.Set("type", "string");
                    format = "lowercase";
                    break;
                case FieldType.Int:
                    s.Set("type", "integer");
                    break;
                case FieldType.Int64:
                    s.Set("type", "integer");
                    format = "int64";
                    break;
                case FieldType.DurationSecond:
                case FieldType.SignedDurationSecond:
                    s.Set("type", "string");
                    format = "duration";
                    break;
                case FieldType.Bool:
                    s.Set("type", "boolean");
                    break;
                case FieldType.Map:
                    s.Set("type", "object");
                    format = "map";
                    additional = JsonTree.Bool(true);
                    break;
                case FieldType.KVPairs:
                    s.Set("type", "object");
                    format = "kvpairs";
                    additional = new JsonObj().Set("type", "string");
                    break;
                case FieldType.Header:
                    s.Set("type", "object");
                    format = "header";
                    additional = new JsonObj().Set("type", "array").Set("items", new JsonObj().Set("type", "string"));
                    break;
                case FieldType.Slice:
                    s.Set("type", "array");
                    items = "object";
                    break;
                case FieldType.StringSlice:
                case FieldType.CommaStringSlice:
                    s.Set("type", "array");
                    items = "string";
                    break;
                case FieldType.CommaIntSlice:
                    s.Set("type", "array");
                    items = "integer";
                    break;
                case FieldType.Time:
                    s.Set("type", "string");
                    format = "date-time";
                    break;
                case FieldType.Float:
                    s.Set("type", "number");
                    format = "float";
                    break;
                default:
                    s.Set("type", "string");
                    break;
            }

            if (withDescription && field.Description.Length > 0)
            {
                s.Set("description", Clean(field.Description));
            }

            if (additional != null)
            {
                s.Set("additionalProperties", additional);
            }

            if (items != null)
            {
                s.Set("items", new JsonObj().Set("type", items));
            }

            var sensitive = field.Sensitive || field.Display?.Sensitive == true;
            if (sensitive && format is null && (field.Type == FieldType.String || field.Type == FieldType.LowerCaseString || field.Type == FieldType.NameString))
            {
                format = "password";
            }

            if (format != null)
            {
                s.Set("format", format);
            }

            if (pattern != null)
            {
                s.Set("pattern", pattern);
            }

            if (field.AllowedJson.Count > 0)
            {
                var values = new JsonArr();
                foreach (var v in field.AllowedJson)
                {
                    values.Add(JsonTree.Raw(v));
                }

                s.Set("enum", values);
            }

            if (field.DefaultJson != null)
            {
                s.Set("default", JsonTree.Raw(field.DefaultJson));
            }

            if (field.Deprecated)
            {
                s.Set("deprecated", JsonTree.Bool(true));
            }

            if (OpenApiDisplayAttributes.For(field.Display, sensitive) is { } display)
            {
                s.Set(OpenApiDisplayAttributes.Key, display);
            }

            return s;
        }

        /// <summary>The schema of a path capture: a string, with the name pattern for name captures.</summary>
        public static JsonObj ForCapture(FieldSpec? field, int partKind)
        {
            var s = field is null ? new JsonObj().Set("type", "string") : For(field, withDescription: false);
            switch ((TemplatePartKind)partKind)
            {
                case TemplatePartKind.Name:
                    s.Set("pattern", NamePattern);
                    break;
                case TemplatePartKind.NameWithAt:
                    s.Set("pattern", NameWithAtPattern);
                    break;
            }

            return s;
        }
    }
}
