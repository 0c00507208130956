using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>Reads what a backend declares beyond its paths: auth method, <c>[AuthRenew]</c>, <c>[PathsSpecial]</c>.</summary>
    internal static class AuthParser
    {
        public const string AuthMethodAttribute = "VaultPathGen.AuthMethodAttribute";
        private const string SecretsEngineAttribute = "VaultPathGen.SecretsEngineAttribute";
        private const string AuthRenewAttribute = "VaultPathGen.AuthRenewAttribute";
        private const string PathsSpecialAttribute = "VaultPathGen.PathsSpecialAttribute";

        /// <summary>Whether the class carries both backend attributes (reported once, by the secrets engine pipeline).</summary>
        public static bool HasBothKinds(INamedTypeSymbol type)
        {
            var names = type.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString()).ToList();
            return names.Contains(AuthMethodAttribute) && names.Contains(SecretsEngineAttribute);
        }

        public static SpecialPathsSpec ParseSpecialPaths(INamedTypeSymbol type)
        {
            var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == PathsSpecialAttribute);
            if (attribute is null)
            {
                return SpecialPathsSpec.Empty;
            }

            EquatableArray<string> List(string name)
            {
                foreach (var arg in attribute.NamedArguments)
                {
                    if (arg.Key == name && !arg.Value.IsNull && arg.Value.Kind == TypedConstantKind.Array)
                    {
                        return arg.Value.Values.Select(v => v.Value as string).Where(v => v != null).Select(v => v!).ToEquatableArray();
                    }
                }

                return EquatableArray<string>.Empty;
            }

            return new SpecialPathsSpec(List("Root"), List("Unauthenticated"), List("LocalStorage"), List("SealWrapStorage"), List("WriteForwardedStorage"));
        }

        /// <summary>The auth method's model, or null for a secrets engine (which must not declare <c>[AuthRenew]</c>).</summary>
        public static AuthMethodSpec? ParseAuthMethod(INamedTypeSymbol type, bool isAuthMethod, Action<string, Location?, string[]> report)
        {
            AuthRenewSpec? renew = null;
            string? first = null;
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (!method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AuthRenewAttribute))
                {
                    continue;
                }

                var location = method.Locations.FirstOrDefault();
                if (!isAuthMethod)
                {
                    report(DiagnosticDescriptors.AuthRenewOnSecretsEngineId, location, new[] { method.Name, type.Name });
                    continue;
                }

                if (first != null)
                {
                    report(DiagnosticDescriptors.DuplicateAuthRenewId, location, new[] { first, method.Name });
                    continue;
                }

                first = method.Name;
                renew = ParseRenew(method, report);
            }

            return isAuthMethod ? new AuthMethodSpec(renew) : null;
        }

        private static AuthRenewSpec? ParseRenew(IMethodSymbol method, Action<string, Location?, string[]> report)
        {
            var location = method.Locations.FirstOrDefault();
            var type = method.ReturnType;
            var isAsync = false;
            var original = type.OriginalDefinition.ToDisplayString();
            if (original == "System.Threading.Tasks.Task<TResult>" || original == "System.Threading.Tasks.ValueTask<TResult>")
            {
                isAsync = true;
                type = ((INamedTypeSymbol)type).TypeArguments[0];
            }

            var returned = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (returned != "global::VaultPathGen.Response" && returned != "global::VaultPathGen.Auth")
            {
                report(DiagnosticDescriptors.InvalidAuthRenewId, location, new[] { method.Name, "must return Response or Auth, or a Task or ValueTask of one" });
                return null;
            }

            var parameters = new List<ParameterSpec>();
            foreach (var p in method.Parameters)
            {
                var typeName = p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                var kind = KindOf(p.Type, typeName);
                if (kind is null)
                {
                    report(DiagnosticDescriptors.InvalidAuthRenewId, p.Locations.FirstOrDefault(), new[]
                    {
                        method.Name,
                        "cannot take parameter '" + p.Name + "' of type '" + p.Type.ToDisplayString() + "'; it may take the Request, the Auth, IStorage, ISystemView, BackendConfig, CancellationToken and a logger",
                    });
                    return null;
                }

                parameters.Add(new ParameterSpec(p.Name, kind.Value, typeName, null, FieldType.Invalid, ValueConversion.Identity, false, false, null, null));
            }

            return new AuthRenewSpec(method.Name, method.IsStatic, isAsync, returned == "global::VaultPathGen.Auth", parameters.ToEquatableArray());
        }

        private static ParameterKind? KindOf(ITypeSymbol type, string name)
        {
            switch (name)
            {
                case "global::VaultPathGen.Request": return ParameterKind.Request;
                case "global::VaultPathGen.Auth": return ParameterKind.Auth;
                case "global::VaultPathGen.IStorage": return ParameterKind.Storage;
                case "global::VaultPathGen.BackendConfig": return ParameterKind.Config;
                case "global::VaultPathGen.ISystemView": return ParameterKind.SystemView;
                case "global::System.Threading.CancellationToken": return ParameterKind.CancellationToken;
                case "global::Microsoft.Extensions.Logging.ILogger": return ParameterKind.Logger;
            }

            return type is INamedTypeSymbol named && named.IsGenericType && named.ConstructedFrom.ToDisplayString() == "Microsoft.Extensions.Logging.ILogger<TCategoryName>"
                ? ParameterKind.TypedLogger
                : (ParameterKind?)null;
        }
    }
}
