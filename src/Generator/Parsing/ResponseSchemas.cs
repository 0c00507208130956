using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using VaultPathGen.Generator.Emitting.OpenApi;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>
    /// The OpenAPI schema of a handler's typed result, read from the type's symbols the way
    /// System.Text.Json's source generator serializes it: public readable properties (and fields
    /// with <c>[JsonInclude]</c> or <c>IncludeFields</c>), <c>[JsonIgnore]</c>, <c>[JsonPropertyName]</c>,
    /// the context's naming policy, enums as numbers unless a string enum converter applies.
    /// Computed here, while symbols are at hand, and kept as JSON text in the model.
    /// </summary>
    internal sealed class ResponseSchemas
    {
        private const int MaxDepth = 8;
        private readonly int _namingPolicy;
        private readonly bool _includeFields;
        private readonly bool _stringEnums;
        private readonly HashSet<ITypeSymbol> _visiting = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);

        private ResponseSchemas(int namingPolicy, bool includeFields, bool stringEnums)
        {
            _namingPolicy = namingPolicy;
            _includeFields = includeFields;
            _stringEnums = stringEnums;
        }

        /// <summary>Reads the options of <paramref name="context"/>'s <c>[JsonSourceGenerationOptions]</c>.</summary>
        public static ResponseSchemas ForContext(INamedTypeSymbol? context)
        {
            int naming = 0;
            bool includeFields = false, stringEnums = false;
            var options = context?.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute");
            if (options != null)
            {
                foreach (var arg in options.NamedArguments)
                {
                    switch (arg.Key)
                    {
                        case "PropertyNamingPolicy": naming = arg.Value.Value is int n ? n : 0; break;
                        case "IncludeFields": includeFields = arg.Value.Value is true; break;
                        case "UseStringEnumConverter": stringEnums = arg.Value.Value is true; break;
                    }
                }
            }

            return new ResponseSchemas(naming, includeFields, stringEnums);
        }

        public string SchemaJson(ITypeSymbol type) => Schema(type, 0).ToJson();

        private JsonObj Schema(ITypeSymbol type, int depth)
        {
            if (type is INamedTypeSymbol nullable && nullable.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return Schema(nullable.TypeArguments[0], depth).Set("nullable", JsonTree.Bool(true));
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Char:
                    return Type("string");
                case SpecialType.System_Boolean:
                    return Type("boolean");
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                    return Type("integer").Set("format", "int32");
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                    return Type("integer").Set("format", "int64");
                case SpecialType.System_Single:
                    return Type("number").Set("format", "float");
                case SpecialType.System_Double:
                    return Type("number").Set("format", "double");
                case SpecialType.System_Decimal:
                    return Type("number");
                case SpecialType.System_DateTime:
                    return Type("string").Set("format", "date-time");
                case SpecialType.System_Object:
                    return new JsonObj();
            }

            switch (type.ToDisplayString())
            {
                case "System.DateTimeOffset": return Type("string").Set("format", "date-time");
                case "System.DateOnly": return Type("string").Set("format", "date");
                case "System.TimeSpan":
                case "System.TimeOnly":
                    return Type("string");
                case "System.Guid": return Type("string").Set("format", "uuid");
                case "System.Uri": return Type("string").Set("format", "uri");
                case "System.Text.Json.Nodes.JsonObject": return Type("object").Set("additionalProperties", JsonTree.Bool(true));
                case "System.Text.Json.Nodes.JsonArray": return Type("array").Set("items", new JsonObj());
                case "System.Text.Json.Nodes.JsonNode":
                case "System.Text.Json.JsonElement":
                case "System.Text.Json.JsonDocument":
                    return new JsonObj();
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType.SpecialType == SpecialType.System_Byte
                    ? Type("string").Set("format", "byte")
                    : Type("array").Set("items", Element(array.ElementType, depth));
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return Enum(type);
            }

            var dictionary = Interface(type, "System.Collections.Generic.IDictionary<TKey, TValue>") ?? Interface(type, "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>");
            if (dictionary != null)
            {
                return Type("object").Set("additionalProperties", Element(dictionary.TypeArguments[1], depth));
            }

            var enumerable = Interface(type, "System.Collections.Generic.IEnumerable<T>");
            if (enumerable != null)
            {
                return Type("array").Set("items", Element(enumerable.TypeArguments[0], depth));
            }

            return Object(type, depth);
        }

        private JsonObj Element(ITypeSymbol type, int depth)
        {
            var schema = Schema(type, depth + 1);
            if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
            {
                schema.Set("nullable", JsonTree.Bool(true));
            }

            return schema;
        }

        private JsonObj Object(ITypeSymbol type, int depth)
        {
            if (depth > MaxDepth || !_visiting.Add(type))
            {
                // A recursive type: described once, then as any object.
                return Type("object");
            }

            var properties = new JsonObj();
            var required = new List<string>();
            var hasExtensionData = false;
            var chain = new List<ITypeSymbol>();
            for (var t = type; t != null && t.SpecialType != SpecialType.System_Object && t.SpecialType != SpecialType.System_ValueType; t = t.BaseType)
            {
                chain.Insert(0, t);
            }

            foreach (var t in chain)
            {
                foreach (var member in t.GetMembers())
                {
                    ITypeSymbol memberType;
                    if (member is IPropertySymbol property && !property.IsStatic && !property.IsIndexer && property.DeclaredAccessibility == Accessibility.Public
                        && property.GetMethod != null && property.GetMethod.DeclaredAccessibility == Accessibility.Public && !property.IsOverride)
                    {
                        memberType = property.Type;
                    }
                    else if (member is IFieldSymbol field && !field.IsStatic && !field.IsConst && field.DeclaredAccessibility == Accessibility.Public && !field.IsImplicitlyDeclared
                        && (_includeFields || HasAttribute(field, "JsonIncludeAttribute")))
                    {
                        memberType = field.Type;
                    }
                    else
                    {
                        continue;
                    }

                    if (IgnoredAlways(member))
                    {
                        continue;
                    }

                    if (HasAttribute(member, "JsonExtensionDataAttribute"))
                    {
                        hasExtensionData = true;
                        continue;
                    }

                    var name = Attribute(member, "JsonPropertyNameAttribute")?.ConstructorArguments.FirstOrDefault().Value as string ?? ConvertName(member.Name);
                    var schema = Schema(memberType, depth + 1);
                    if (memberType.IsReferenceType && memberType.NullableAnnotation == NullableAnnotation.Annotated)
                    {
                        schema.Set("nullable", JsonTree.Bool(true));
                    }

                    properties.Set(name, schema);
                    if (HasAttribute(member, "JsonRequiredAttribute") || (member is IPropertySymbol { IsRequired: true }) || (member is IFieldSymbol { IsRequired: true }))
                    {
                        required.Add(name);
                    }
                }
            }

            _visiting.Remove(type);
            var result = Type("object");
            if (properties.Count > 0)
            {
                result.Set("properties", properties);
            }

            if (hasExtensionData)
            {
                result.Set("additionalProperties", JsonTree.Bool(true));
            }

            if (required.Count > 0)
            {
                result.Set("required", new JsonArr(required.Select(JsonTree.Str)));
            }

            return result;
        }

        private JsonObj Enum(ITypeSymbol type)
        {
            var asString = _stringEnums || Attribute(type, "JsonConverterAttribute")?.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol converter
                && converter.Name.StartsWith("JsonStringEnumConverter", System.StringComparison.Ordinal);
            if (!asString)
            {
                return Type("integer");
            }

            var values = new JsonArr();
            foreach (var member in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst))
            {
                values.Add(JsonTree.Str(Attribute(member, "JsonStringEnumMemberNameAttribute")?.ConstructorArguments.FirstOrDefault().Value as string ?? member.Name));
            }

            return Type("string").Set("enum", values);
        }

        private static bool IgnoredAlways(ISymbol member)
        {
            var ignore = Attribute(member, "JsonIgnoreAttribute");
            if (ignore is null)
            {
                return false;
            }

            // JsonIgnoreCondition.Always is 1 and the default; the others still write the member sometimes.
            var condition = ignore.NamedArguments.FirstOrDefault(a => a.Key == "Condition").Value.Value;
            return condition is null || condition is 1;
        }

        private static AttributeData? Attribute(ISymbol symbol, string name) =>
            symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == name && a.AttributeClass.ContainingNamespace?.ToDisplayString() == "System.Text.Json.Serialization");

        private static bool HasAttribute(ISymbol symbol, string name) => Attribute(symbol, name) != null;

        private static INamedTypeSymbol? Interface(ITypeSymbol type, string definition)
        {
            if (type is INamedTypeSymbol named && named.OriginalDefinition.ToDisplayString() == definition)
            {
                return named;
            }

            return type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.ToDisplayString() == definition);
        }

        private static JsonObj Type(string type) => new JsonObj().Set("type", type);

        /// <summary>System.Text.Json's <c>JsonKnownNamingPolicy</c>: 1 camel, 2/3 snake lower/upper, 4/5 kebab lower/upper.</summary>
        private string ConvertName(string name)
        {
            switch (_namingPolicy)
            {
                case 1: return CamelCase(name);
                case 2: return Separated(name, '_', lower: true);
                case 3: return Separated(name, '_', lower: false);
                case 4: return Separated(name, '-', lower: true);
                case 5: return Separated(name, '-', lower: false);
                default: return name;
            }
        }

        /// <summary>System.Text.Json's camel case: the leading run of capitals lowered, keeping the capital that starts the next word.</summary>
        internal static string CamelCase(string name)
        {
            if (name.Length == 0 || !char.IsUpper(name[0]))
            {
                return name;
            }

            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (i == 1 && !char.IsUpper(chars[i]))
                {
                    break;
                }

                var hasNext = i + 1 < chars.Length;
                if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
                {
                    if (chars[i + 1] == ' ')
                    {
                        chars[i] = char.ToLowerInvariant(chars[i]);
                    }

                    break;
                }

                chars[i] = char.ToLowerInvariant(chars[i]);
            }

            return new string(chars);
        }

        /// <summary>System.Text.Json's snake and kebab case (<c>JsonSeparatorNamingPolicy</c>).</summary>
        internal static string Separated(string name, char separator, bool lower)
        {
            const int notStarted = 0, upper = 1, lowerOrDigit = 2, space = 3;
            var sb = new StringBuilder(name.Length + 8);
            var state = notStarted;
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                switch (char.GetUnicodeCategory(c))
                {
                    case System.Globalization.UnicodeCategory.UppercaseLetter:
                        if (state == lowerOrDigit || state == space)
                        {
                            sb.Append(separator);
                        }
                        else if (state == upper && i + 1 < name.Length && char.IsLower(name[i + 1]))
                        {
                            sb.Append(separator);
                        }

                        sb.Append(lower ? char.ToLowerInvariant(c) : c);
                        state = upper;
                        break;
                    case System.Globalization.UnicodeCategory.LowercaseLetter:
                    case System.Globalization.UnicodeCategory.DecimalDigitNumber:
                        if (state == space)
                        {
                            sb.Append(separator);
                        }

                        sb.Append(lower ? c : char.ToUpperInvariant(c));
                        state = lowerOrDigit;
                        break;
                    case System.Globalization.UnicodeCategory.SpaceSeparator:
                        if (state != notStarted)
                        {
                            state = space;
                        }

                        break;
                    default:
                        sb.Append(c);
                        state = notStarted;
                        break;
                }
            }

            return sb.ToString();
        }
    }
}
