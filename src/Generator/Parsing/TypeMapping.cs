using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>How a C# parameter type maps to Vault field types (docs/field-types.md).</summary>
    internal static class TypeMapping
    {
        /// <summary>A field type a C# type may take, and how the canonical value converts to it.</summary>
        internal readonly struct Binding
        {
            public Binding(FieldType type, ValueConversion conversion)
            {
                Type = type;
                Conversion = conversion;
            }

            public FieldType Type { get; }

            public ValueConversion Conversion { get; }
        }

        /// <summary>
        /// The field types <paramref name="type"/> can bind to, the default first; empty when the type
        /// is not a field type.
        /// </summary>
        public static List<Binding> BindingsFor(ITypeSymbol type)
        {
            var result = new List<Binding>();
            var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            switch (name)
            {
                case "string":
                    Add(result, ValueConversion.Identity, FieldType.String, FieldType.LowerCaseString, FieldType.NameString);
                    break;
                case "int":
                    Add(result, ValueConversion.ToInt32, FieldType.Int, FieldType.Int64);
                    Add(result, ValueConversion.SecondsToInt32, FieldType.DurationSecond, FieldType.SignedDurationSecond);
                    break;
                case "long":
                    Add(result, ValueConversion.Identity, FieldType.Int64, FieldType.Int, FieldType.DurationSecond, FieldType.SignedDurationSecond);
                    break;
                case "bool":
                    Add(result, ValueConversion.Identity, FieldType.Bool);
                    break;
                case "double":
                    Add(result, ValueConversion.Identity, FieldType.Float);
                    break;
                case "float":
                    Add(result, ValueConversion.ToSingle, FieldType.Float);
                    break;
                case "global::System.TimeSpan":
                    Add(result, ValueConversion.SecondsToTimeSpan, FieldType.DurationSecond, FieldType.SignedDurationSecond);
                    break;
                case "global::System.DateTimeOffset":
                    Add(result, ValueConversion.Identity, FieldType.Time);
                    break;
                case "global::System.DateTime":
                    Add(result, ValueConversion.ToDateTime, FieldType.Time);
                    break;
                case "string[]":
                case "global::System.Collections.Generic.IReadOnlyList<string>":
                case "global::System.Collections.Generic.IEnumerable<string>":
                case "global::System.Collections.Generic.IReadOnlyCollection<string>":
                    Add(result, ValueConversion.Identity, FieldType.StringSlice, FieldType.CommaStringSlice);
                    break;
                case "global::System.Collections.Generic.List<string>":
                case "global::System.Collections.Generic.IList<string>":
                    Add(result, ValueConversion.ToList, FieldType.StringSlice, FieldType.CommaStringSlice);
                    break;
                case "long[]":
                case "global::System.Collections.Generic.IReadOnlyList<long>":
                case "global::System.Collections.Generic.IEnumerable<long>":
                    Add(result, ValueConversion.Identity, FieldType.CommaIntSlice);
                    break;
                case "global::System.Collections.Generic.List<long>":
                    Add(result, ValueConversion.ToInt64List, FieldType.CommaIntSlice);
                    break;
                case "int[]":
                case "global::System.Collections.Generic.IReadOnlyList<int>":
                case "global::System.Collections.Generic.IEnumerable<int>":
                    Add(result, ValueConversion.ToInt32Array, FieldType.CommaIntSlice);
                    break;
                case "global::System.Collections.Generic.List<int>":
                    Add(result, ValueConversion.ToInt32List, FieldType.CommaIntSlice);
                    break;
                case "global::System.Collections.Generic.Dictionary<string, string>":
                case "global::System.Collections.Generic.IDictionary<string, string>":
                case "global::System.Collections.Generic.IReadOnlyDictionary<string, string>":
                    Add(result, ValueConversion.Identity, FieldType.KVPairs);
                    break;
                case "global::System.Collections.Generic.Dictionary<string, string[]>":
                case "global::System.Collections.Generic.IDictionary<string, string[]>":
                case "global::System.Collections.Generic.IReadOnlyDictionary<string, string[]>":
                    Add(result, ValueConversion.Identity, FieldType.Header);
                    break;
                case "global::System.Text.Json.Nodes.JsonObject":
                    Add(result, ValueConversion.Identity, FieldType.Map);
                    break;
                case "global::System.Text.Json.Nodes.JsonArray":
                    Add(result, ValueConversion.Identity, FieldType.Slice);
                    break;
            }

            return result;
        }

        /// <summary>The C# type the runtime's coercion produces for a field type.</summary>
        public static string CanonicalType(FieldType type)
        {
            switch (type)
            {
                case FieldType.String:
                case FieldType.LowerCaseString:
                case FieldType.NameString:
                    return "string";
                case FieldType.Int:
                case FieldType.Int64:
                case FieldType.DurationSecond:
                case FieldType.SignedDurationSecond:
                    return "long";
                case FieldType.Bool:
                    return "bool";
                case FieldType.Float:
                    return "double";
                case FieldType.Time:
                    return "global::System.DateTimeOffset";
                case FieldType.Map:
                    return "global::System.Text.Json.Nodes.JsonObject";
                case FieldType.Slice:
                    return "global::System.Text.Json.Nodes.JsonArray";
                case FieldType.StringSlice:
                case FieldType.CommaStringSlice:
                    return "string[]";
                case FieldType.CommaIntSlice:
                    return "long[]";
                case FieldType.KVPairs:
                    return "global::System.Collections.Generic.Dictionary<string, string>";
                default:
                    return "global::System.Collections.Generic.Dictionary<string, string[]>";
            }
        }

        /// <summary>Vault's zero value for a field type, as a C# expression of its canonical type.</summary>
        public static string ZeroExpression(FieldType type)
        {
            switch (type)
            {
                case FieldType.String:
                case FieldType.LowerCaseString:
                case FieldType.NameString:
                    return "\"\"";
                case FieldType.Int:
                case FieldType.Int64:
                case FieldType.DurationSecond:
                case FieldType.SignedDurationSecond:
                    return "0L";
                case FieldType.Bool:
                    return "false";
                case FieldType.Float:
                    return "0d";
                case FieldType.Time:
                    return "default(global::System.DateTimeOffset)";
                case FieldType.Map:
                    return "new global::System.Text.Json.Nodes.JsonObject()";
                case FieldType.Slice:
                    return "new global::System.Text.Json.Nodes.JsonArray()";
                case FieldType.StringSlice:
                case FieldType.CommaStringSlice:
                    return "global::System.Array.Empty<string>()";
                case FieldType.CommaIntSlice:
                    return "global::System.Array.Empty<long>()";
                case FieldType.KVPairs:
                    return "new global::System.Collections.Generic.Dictionary<string, string>()";
                default:
                    return "new global::System.Collections.Generic.Dictionary<string, string[]>()";
            }
        }

        /// <summary>The runtime coercion method for a field type.</summary>
        public static string CoercionCall(FieldType type, string input, string output, string error)
        {
            var prefix = "global::VaultPathGen.FieldCoercion.";
            switch (type)
            {
                case FieldType.DurationSecond:
                    return prefix + "TryDurationSecond(" + input + ", false, out " + output + ", out " + error + ")";
                case FieldType.SignedDurationSecond:
                    return prefix + "TryDurationSecond(" + input + ", true, out " + output + ", out " + error + ")";
                case FieldType.Int64:
                    return prefix + "TryInt(" + input + ", out " + output + ", out " + error + ")";
                default:
                    return prefix + "Try" + type + "(" + input + ", out " + output + ", out " + error + ")";
            }
        }

        private static void Add(List<Binding> list, ValueConversion conversion, params FieldType[] types)
        {
            foreach (var type in types)
            {
                list.Add(new Binding(type, conversion));
            }
        }
    }
}
