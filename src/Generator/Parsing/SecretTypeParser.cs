using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>Reads a backend's [SecretType] declarations and its [Renew] and [Revoke] methods.</summary>
    internal sealed class SecretTypeParser
    {
        private const string SecretTypeAttribute = "VaultPathGen.SecretTypeAttribute";
        private const string RenewAttribute = "VaultPathGen.RenewAttribute";
        private const string RevokeAttribute = "VaultPathGen.RevokeAttribute";

        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly CancellationToken _cancellationToken;

        private SecretTypeParser(List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            _diagnostics = diagnostics;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The secret types of <paramref name="type"/>, in ordinal order; problems go to <paramref name="diagnostics"/>.</summary>
        public static EquatableArray<SecretTypeSpec> Parse(INamedTypeSymbol type, string? jsonContext, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken) =>
            new SecretTypeParser(diagnostics, cancellationToken).ParseTypes(type, jsonContext);

        private void Report(string id, Location? location, params string[] args) =>
            _diagnostics.Add(new DiagnosticInfo(id, LocationInfo.From(location), args.ToEquatableArray()));

        private Location? LocationOf(AttributeData attribute) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation();

        private EquatableArray<SecretTypeSpec> ParseTypes(INamedTypeSymbol type, string? jsonContext)
        {
            var declared = new Dictionary<string, (SecretTypeSpec Spec, Location? Location)>(StringComparer.Ordinal);
            foreach (var a in type.GetAttributes())
            {
                if (a.AttributeClass?.ToDisplayString() != SecretTypeAttribute || a.ConstructorArguments.Length != 1)
                {
                    continue;
                }

                var location = LocationOf(a);
                var name = a.ConstructorArguments[0].Value as string ?? "";
                if (name.Trim().Length == 0)
                {
                    Report(DiagnosticDescriptors.InvalidSecretTypeId, location, name, "needs a name");
                    continue;
                }

                if (declared.ContainsKey(name))
                {
                    Report(DiagnosticDescriptors.InvalidSecretTypeId, location, name, "is declared twice");
                    continue;
                }

                long defaultTtl = 0, maxTtl = 0;
                var renewable = true;
                var ok = true;
                foreach (var arg in a.NamedArguments)
                {
                    switch (arg.Key)
                    {
                        case "DefaultTtl": ok &= Duration(name, "DefaultTtl", arg.Value.Value as string, location, out defaultTtl); break;
                        case "MaxTtl": ok &= Duration(name, "MaxTtl", arg.Value.Value as string, location, out maxTtl); break;
                        case "Renewable": renewable = arg.Value.Value is true; break;
                    }
                }

                if (ok && maxTtl > 0 && defaultTtl > maxTtl)
                {
                    Report(DiagnosticDescriptors.InvalidSecretTypeId, location, name, "has a DefaultTtl longer than its MaxTtl");
                    ok = false;
                }

                if (ok)
                {
                    declared[name] = (new SecretTypeSpec(name, defaultTtl, maxTtl, renewable, null, null), location);
                }
            }

            foreach (var member in type.GetMembers())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (member is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary)
                {
                    foreach (var a in method.GetAttributes())
                    {
                        var attributeName = a.AttributeClass?.ToDisplayString();
                        if ((attributeName == RenewAttribute || attributeName == RevokeAttribute) && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string secretType)
                        {
                            Attach(declared, method, a, attributeName == RenewAttribute ? "Renew" : "Revoke", secretType, jsonContext);
                        }
                    }
                }
            }

            foreach (var (spec, location) in declared.Values)
            {
                if (!spec.Renewable && spec.Renew != null)
                {
                    Report(DiagnosticDescriptors.InvalidSecretTypeId, location, spec.Name, "is not renewable, but '" + spec.Renew.MethodName + "' renews it: remove Renewable = false or the method");
                }
            }

            return declared.Values.Select(d => d.Spec).OrderBy(s => s.Name, StringComparer.Ordinal).ToEquatableArray();
        }

        private bool Duration(string name, string property, string? text, Location? location, out long seconds)
        {
            if (VaultParse.TryParseDurationSeconds(text ?? "", out seconds, out var error) && seconds >= 0)
            {
                return true;
            }

            Report(DiagnosticDescriptors.InvalidSecretTypeId, location, name, "has an invalid " + property + " \"" + text + "\": " + (error ?? "durations cannot be negative"));
            return false;
        }

        private void Attach(Dictionary<string, (SecretTypeSpec Spec, Location? Location)> declared, IMethodSymbol method, AttributeData attribute, string kind, string secretType, string? jsonContext)
        {
            var location = LocationOf(attribute);
            if (!declared.TryGetValue(secretType, out var entry))
            {
                Report(DiagnosticDescriptors.UnknownSecretTypeId, location, kind, secretType, method.Name);
                return;
            }

            var existing = kind == "Renew" ? entry.Spec.Renew : entry.Spec.Revoke;
            if (existing != null)
            {
                Report(DiagnosticDescriptors.DuplicateSecretHandlerId, location, existing.MethodName, method.Name, kind, secretType);
                return;
            }

            var handler = ParseHandler(method, kind, jsonContext);
            if (handler is null)
            {
                return;
            }

            var spec = kind == "Renew" ? entry.Spec with { Renew = handler } : entry.Spec with { Revoke = handler };
            declared[secretType] = (spec, entry.Location);
        }

        private SecretHandlerSpec? ParseHandler(IMethodSymbol method, string kind, string? jsonContext)
        {
            var location = method.Locations.FirstOrDefault();
            var returnType = method.ReturnType;
            var returnName = returnType.OriginalDefinition.ToDisplayString();
            var isAsync = false;
            bool returnsResponse;
            if (method.ReturnsVoid || returnName == "System.Threading.Tasks.Task" || returnName == "System.Threading.Tasks.ValueTask")
            {
                isAsync = !method.ReturnsVoid;
                returnsResponse = false;
            }
            else
            {
                if (returnName == "System.Threading.Tasks.Task<TResult>" || returnName == "System.Threading.Tasks.ValueTask<TResult>")
                {
                    isAsync = true;
                    returnType = ((INamedTypeSymbol)returnType).TypeArguments[0];
                }

                if (returnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) != "global::VaultPathGen.Response")
                {
                    Report(DiagnosticDescriptors.InvalidSecretHandlerId, location, kind, method.Name,
                        "must return void, Response, or a Task or ValueTask of either, not '" + method.ReturnType.ToDisplayString() + "'");
                    return null;
                }

                returnsResponse = true;
            }

            var arguments = new List<SecretArgumentSpec>();
            var ok = true;
            foreach (var p in method.Parameters)
            {
                var typeName = p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                var argument = Argument(p, typeName, jsonContext, out var problem);
                if (argument is null)
                {
                    Report(DiagnosticDescriptors.InvalidSecretHandlerId, p.Locations.FirstOrDefault(), kind, method.Name, problem!);
                    ok = false;
                    continue;
                }

                arguments.Add(new SecretArgumentSpec(argument.Value, typeName));
            }

            return ok ? new SecretHandlerSpec(method.Name, method.IsStatic, isAsync, returnsResponse, arguments.ToEquatableArray()) : null;
        }

        private static SecretArgumentKind? Argument(IParameterSymbol p, string typeName, string? jsonContext, out string? problem)
        {
            problem = null;
            if (p.RefKind != RefKind.None)
            {
                problem = "cannot take parameter '" + p.Name + "' by reference";
                return null;
            }

            switch (typeName)
            {
                case "global::VaultPathGen.Request": return SecretArgumentKind.Request;
                case "global::VaultPathGen.IStorage": return SecretArgumentKind.Storage;
                case "global::System.Threading.CancellationToken": return SecretArgumentKind.CancellationToken;
                case "global::Microsoft.Extensions.Logging.ILogger": return SecretArgumentKind.Logger;
                case "global::VaultPathGen.BackendConfig": return SecretArgumentKind.Config;
                case "global::VaultPathGen.ISystemView": return SecretArgumentKind.SystemView;
                case "global::VaultPathGen.Secret": return SecretArgumentKind.Secret;
                case "global::System.Text.Json.Nodes.JsonObject": return SecretArgumentKind.InternalDataObject;
                case "global::System.TimeSpan":
                    if (p.Name == "increment")
                    {
                        return SecretArgumentKind.Increment;
                    }

                    problem = "cannot take the TimeSpan '" + p.Name + "': name it 'increment' to receive the renewal increment the client asked for";
                    return null;
            }

            if (p.Type is INamedTypeSymbol named && named.IsGenericType && named.ConstructedFrom.ToDisplayString() == "Microsoft.Extensions.Logging.ILogger<TCategoryName>")
            {
                return SecretArgumentKind.TypedLogger;
            }

            if (p.Type.TypeKind == TypeKind.Class || p.Type.TypeKind == TypeKind.Struct)
            {
                if (jsonContext != null)
                {
                    return SecretArgumentKind.InternalDataTyped;
                }

                problem = "cannot read the internal data as '" + p.Type.ToDisplayString() + "' without a JsonContext: set [SecretsEngine(JsonContext = typeof(...))] or take a JsonObject";
                return null;
            }

            problem = "cannot take parameter '" + p.Name + "' of type '" + p.Type.ToDisplayString()
                + "'; it may take the internal data (JsonObject or a JsonContext type), Secret, TimeSpan increment, Request, IStorage, ISystemView, BackendConfig, a logger and a CancellationToken";
            return null;
        }
    }
}
