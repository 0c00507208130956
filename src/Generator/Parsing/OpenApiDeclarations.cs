using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>
    /// What a backend declares for its OpenAPI document alone: <c>[DisplayAttributes]</c> on fields,
    /// paths and handlers, and declared responses (<c>[OperationResponse]</c>, <c>[ResponseField]</c>).
    /// Reports VPG0051–VPG0054.
    /// </summary>
    internal static class OpenApiDeclarations
    {
        private const string DisplayAttribute = "VaultPathGen.DisplayAttributesAttribute";
        private const string ResponseAttribute = "VaultPathGen.OperationResponseAttribute";
        private const string ResponseFieldAttribute = "VaultPathGen.ResponseFieldAttribute";

        /// <summary>A field with its parameter's <c>[DisplayAttributes]</c>; operation hints on a field do nothing (VPG0054).</summary>
        public static FieldSpec WithDisplay(IParameterSymbol parameter, FieldSpec field, Action<string, Location?, string[]> report, System.Threading.CancellationToken ct)
        {
            DisplaySpec? display = null;
            foreach (var a in Attributes(parameter.GetAttributes(), DisplayAttribute))
            {
                var spec = Read(a);
                if (PathArgument(a) != null || spec.HasOperationHints || display != null)
                {
                    var why = display != null ? "a field takes one [DisplayAttributes]"
                        : PathArgument(a) != null ? "a path's display attributes go on the backend class"
                        : "operationId hints apply to paths and handlers, not to fields";
                    report(DiagnosticDescriptors.IneffectiveDisplayAttributesId, Where(a, ct), new[] { "on parameter '" + parameter.Name + "'", why });
                }

                display ??= spec with { OperationPrefix = null, OperationVerb = null, OperationSuffix = null };
            }

            return display is null ? field : field with { Display = display };
        }

        /// <summary>
        /// A handler's declarations: the operation hints of its <c>[DisplayAttributes]</c> (its
        /// <c>[OperationId]</c> wins a part both set), and its declared responses.
        /// </summary>
        public static HandlerSpec WithDeclarations(IMethodSymbol method, HandlerSpec spec, Action<string, Location?, string[]> report, System.Threading.CancellationToken ct)
        {
            foreach (var a in Attributes(method.GetAttributes(), DisplayAttribute))
            {
                var d = Read(a);
                var where = "on handler '" + method.Name + "'";
                if (PathArgument(a) != null)
                {
                    report(DiagnosticDescriptors.IneffectiveDisplayAttributesId, Where(a, ct), new[] { where, "a path's display attributes go on the backend class, with the path's template" });
                    continue;
                }

                if (d.HasShownAttributes)
                {
                    report(DiagnosticDescriptors.IneffectiveDisplayAttributesId, Where(a, ct), new[] { where, "Vault shows an operation's operationId hints only; put the others on the path (the backend class) or on fields" });
                }

                if ((d.OperationPrefix != null && spec.OperationIdPrefix != null) || (d.OperationVerb != null && spec.OperationIdVerb != null) || (d.OperationSuffix != null && spec.OperationIdSuffix != null))
                {
                    report(DiagnosticDescriptors.IneffectiveDisplayAttributesId, Where(a, ct), new[] { where, "[OperationId] sets the same part of the operationId" });
                }

                spec = spec with
                {
                    OperationIdPrefix = spec.OperationIdPrefix ?? d.OperationPrefix,
                    OperationIdVerb = spec.OperationIdVerb ?? d.OperationVerb,
                    OperationIdSuffix = spec.OperationIdSuffix ?? d.OperationSuffix,
                };
            }

            var responses = ReadResponses(method, spec, report, ct);
            return responses.Count == 0 ? spec : spec with { Responses = responses.ToEquatableArray() };
        }

        /// <summary>
        /// The <c>[DisplayAttributes(path)]</c> of the backend class, by path key; <paramref name="keyOf"/>
        /// gives the key of a template or regex method name, null when no path has it (VPG0054).
        /// </summary>
        public static Dictionary<string, DisplaySpec> ForPaths(INamedTypeSymbol type, Func<string, string?> keyOf, Action<string, Location?, string[]> report, System.Threading.CancellationToken ct)
        {
            var result = new Dictionary<string, DisplaySpec>();
            foreach (var a in Attributes(type.GetAttributes(), DisplayAttribute))
            {
                var path = PathArgument(a);
                var where = path is null ? "on the backend class" : "for path '" + path + "'";
                var key = path is null ? null : keyOf(path);
                if (key is null)
                {
                    report(DiagnosticDescriptors.IneffectiveDisplayAttributesId, Where(a, ct), new[] { where, path is null ? "on the backend class they need the template of the path they describe" : "no path of the backend has that template or [PathPattern] method name" });
                }
                else if (result.ContainsKey(key))
                {
                    report(DiagnosticDescriptors.IneffectiveDisplayAttributesId, Where(a, ct), new[] { where, "the path already has [DisplayAttributes]" });
                }
                else
                {
                    result[key] = Read(a);
                }
            }

            return result;
        }

        private static List<ResponseSpec> ReadResponses(IMethodSymbol method, HandlerSpec spec, Action<string, Location?, string[]> report, System.Threading.CancellationToken ct)
        {
            var declared = new SortedDictionary<int, (string Description, List<FieldSpec> Fields, AttributeData Attribute)>();
            foreach (var a in Attributes(method.GetAttributes(), ResponseAttribute))
            {
                if (a.ConstructorArguments.Length != 2 || !(a.ConstructorArguments[0].Value is int code))
                {
                    continue;
                }

                if (code < 100 || code > 599)
                {
                    report(DiagnosticDescriptors.InvalidResponseId, Where(a, ct), new[] { method.Name, code.ToString(System.Globalization.CultureInfo.InvariantCulture), "an HTTP status code is between 100 and 599" });
                }
                else if (declared.ContainsKey(code))
                {
                    report(DiagnosticDescriptors.InvalidResponseId, Where(a, ct), new[] { method.Name, code.ToString(System.Globalization.CultureInfo.InvariantCulture), "the handler already declares a response with that code" });
                }
                else
                {
                    declared[code] = (a.ConstructorArguments[1].Value as string ?? "", new List<FieldSpec>(), a);
                }
            }

            foreach (var a in Attributes(method.GetAttributes(), ResponseFieldAttribute))
            {
                if (a.ConstructorArguments.Length != 3 || !(a.ConstructorArguments[0].Value is int code) || !(a.ConstructorArguments[2].Value is int type))
                {
                    continue;
                }

                var name = a.ConstructorArguments[1].Value as string ?? "";
                string? problem = null;
                if (!declared.TryGetValue(code, out var response))
                {
                    problem = "the handler declares no [OperationResponse(" + code.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", …)] for it to belong to";
                }
                else if (!NamingConvention.IsValidFieldName(name))
                {
                    problem = "a field name is made of letters, digits, '_' and '-'";
                }
                else if (response.Fields.Any(f => f.Name == name))
                {
                    problem = "the response already has a field with that name";
                }
                else if (type <= (int)FieldType.Invalid || !Enum.IsDefined(typeof(FieldType), type))
                {
                    problem = "its type is not one of Vault's field types";
                }

                if (problem != null)
                {
                    report(DiagnosticDescriptors.InvalidResponseFieldId, Where(a, ct), new[] { name, method.Name, problem });
                    continue;
                }

                string? description = null;
                bool required = false, deprecated = false, sensitive = false;
                foreach (var arg in a.NamedArguments)
                {
                    switch (arg.Key)
                    {
                        case "Description": description = arg.Value.Value as string; break;
                        case "Required": required = arg.Value.Value is true; break;
                        case "Deprecated": deprecated = arg.Value.Value is true; break;
                        case "Sensitive": sensitive = arg.Value.Value is true; break;
                    }
                }

                response.Fields.Add(new FieldSpec(name, (FieldType)type, description ?? "", null, required, deprecated, false, sensitive, false, EquatableArray<string>.Empty, EquatableArray<string>.Empty));
            }

            foreach (var entry in declared)
            {
                if (entry.Key == 200 && spec.ReturnKind == ReturnKind.Typed)
                {
                    report(DiagnosticDescriptors.DeclaredResponseConflictId, Where(entry.Value.Attribute, ct), new[] { method.Name, "its 200 schema is computed from the result type '" + method.ReturnType.ToDisplayString() + "'; the declaration replaces it" });
                }
                else if (spec.ReturnKind == ReturnKind.None && entry.Value.Fields.Count > 0)
                {
                    report(DiagnosticDescriptors.DeclaredResponseConflictId, Where(entry.Value.Attribute, ct), new[] { method.Name, "it returns nothing, so Vault answers 204 with no data" });
                }
            }

            return declared.Select(d => new ResponseSpec(d.Key, d.Value.Description, d.Value.Fields.ToEquatableArray())).ToList();
        }

        private static DisplaySpec Read(AttributeData a)
        {
            string? name = null, description = null, value = null, itemType = null, group = null, action = null, editType = null, prefix = null, verb = null, suffix = null;
            bool sensitive = false, navigation = false;
            foreach (var arg in a.NamedArguments)
            {
                var text = arg.Value.Value as string;

                // Vault's empty string means "not set".
                text = string.IsNullOrEmpty(text) ? null : text;
                switch (arg.Key)
                {
                    case "Name": name = text; break;
                    case "Description": description = text; break;
                    case "Value": value = arg.Value.IsNull ? null : ConstantConversion.ToJson(arg.Value); break;
                    case "Sensitive": sensitive = arg.Value.Value is true; break;
                    case "Navigation": navigation = arg.Value.Value is true; break;
                    case "ItemType": itemType = text; break;
                    case "Group": group = text; break;
                    case "Action": action = text; break;
                    case "EditType": editType = text; break;
                    case "OperationPrefix": prefix = text; break;
                    case "OperationVerb": verb = text; break;
                    case "OperationSuffix": suffix = text; break;
                }
            }

            return new DisplaySpec(name, description, value, sensitive, navigation, itemType, group, action, editType, prefix, verb, suffix);
        }

        private static string? PathArgument(AttributeData a) =>
            a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string : null;

        private static IEnumerable<AttributeData> Attributes(IEnumerable<AttributeData> attributes, string name) =>
            attributes.Where(a => a.AttributeClass?.ToDisplayString() == name);

        private static Location? Where(AttributeData a, System.Threading.CancellationToken ct) =>
            a.ApplicationSyntaxReference?.GetSyntax(ct).GetLocation();
    }
}
