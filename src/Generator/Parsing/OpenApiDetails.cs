using System.Linq;
using Microsoft.CodeAnalysis;
using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>What the OpenAPI document needs of a handler beyond dispatch: its operationId parts and its result's schema.</summary>
    internal static class OpenApiDetails
    {
        private const string OperationIdAttribute = "VaultPathGen.OperationIdAttribute";

        public static HandlerSpec Read(IMethodSymbol method, HandlerSpec spec, ResponseSchemas schemas)
        {
            var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == OperationIdAttribute);
            if (attribute != null)
            {
                string? Named(string name) => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;
                spec = spec with { OperationIdPrefix = Named("Prefix"), OperationIdVerb = Named("Verb"), OperationIdSuffix = Named("Suffix") };
            }

            if (spec.ReturnKind == ReturnKind.Typed)
            {
                spec = spec with { ResponseSchemaJson = schemas.SchemaJson(ResultType(method)) };
            }

            return spec;
        }

        /// <summary>The result type, unwrapped from <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
        private static ITypeSymbol ResultType(IMethodSymbol method)
        {
            var type = method.ReturnType;
            var name = type.OriginalDefinition.ToDisplayString();
            if (name == "System.Threading.Tasks.Task<TResult>" || name == "System.Threading.Tasks.ValueTask<TResult>")
            {
                type = ((INamedTypeSymbol)type).TypeArguments[0];
            }

            return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        }
    }
}
