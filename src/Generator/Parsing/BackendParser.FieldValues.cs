using System.Linq;
using Microsoft.CodeAnalysis;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary><c>FieldValue&lt;T&gt;</c> parameters: a field's value and whether it was sent (Vault's GetOk).</summary>
    internal sealed partial class BackendParser
    {
        private const string FieldValueType = "VaultPathGen.FieldValue<T>";

        /// <summary>
        /// Replaces <paramref name="valueType"/> by <c>T</c> when the parameter is a <c>FieldValue&lt;T&gt;</c>
        /// and gives <c>T</c>'s declaration text; false (reported) when the wrapper is itself optional
        /// or wraps an optional type.
        /// </summary>
        private bool UnwrapFieldValue(IParameterSymbol parameter, ref ITypeSymbol valueType, out string? valueTypeName)
        {
            valueTypeName = null;
            var location = parameter.Locations.FirstOrDefault();
            if (valueType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } outer && IsFieldValue(outer.TypeArguments[0]))
            {
                var wrapped = ((INamedTypeSymbol)outer.TypeArguments[0]).TypeArguments[0];
                Report(DiagnosticDescriptors.FieldValueNullableId, location, parameter.Name, parameter.Type.ToDisplayString(), "FieldValue<" + wrapped.ToDisplayString() + ">");
                return false;
            }

            if (!IsFieldValue(valueType))
            {
                return true;
            }

            var inner = ((INamedTypeSymbol)valueType).TypeArguments[0];
            var nullableValue = inner is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n ? n.TypeArguments[0]
                : inner.IsReferenceType && inner.NullableAnnotation == NullableAnnotation.Annotated ? inner.WithNullableAnnotation(NullableAnnotation.NotAnnotated)
                : null;
            if (nullableValue != null)
            {
                Report(DiagnosticDescriptors.FieldValueNullableId, location, parameter.Name, parameter.Type.ToDisplayString(),
                    "FieldValue<" + nullableValue.ToDisplayString() + ">");
                return false;
            }

            valueType = inner;
            valueTypeName = inner.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return true;
        }

        private static bool IsFieldValue(ITypeSymbol type) =>
            type is INamedTypeSymbol { IsGenericType: true } named && named.ConstructedFrom.ToDisplayString() == FieldValueType;

        /// <summary>A capture is always in the request (Vault's GetOk says so even for an omitted optional one).</summary>
        private void ReportFieldValueCaptures(PathBuilder builder)
        {
            var methods = builder.Handlers.Select(h => (h.Method, h.Spec)).Concat(builder.ExistenceChecks).Distinct();
            foreach (var (method, spec) in methods)
            {
                foreach (var p in spec.Parameters.Where(p => p.ValueTypeName != null && builder.Captures.Contains(p.FieldName!)))
                {
                    var symbol = method.Parameters.FirstOrDefault(x => x.Name == p.Name);
                    Report(DiagnosticDescriptors.FieldValueCaptureId, symbol?.Locations.FirstOrDefault(), p.Name, p.FieldName!, builder.Template, p.ValueTypeName!.Replace("global::", ""));
                }
            }
        }
    }
}
