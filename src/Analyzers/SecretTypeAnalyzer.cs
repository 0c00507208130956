using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using VaultPathGen.Analyzers.Model;

namespace VaultPathGen.Analyzers
{
    /// <summary>
    /// Secret types that generate but cannot work as a lease should: a type nothing revokes, a
    /// renewable type nothing renews, and a handler issuing a type the backend does not declare.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SecretTypeAnalyzer : BackendTypeAnalyzer
    {
        private const string SecretTypeAttribute = "VaultPathGen.SecretTypeAttribute";
        private const string RenewAttribute = "VaultPathGen.RenewAttribute";
        private const string RevokeAttribute = "VaultPathGen.RevokeAttribute";
        private const string ResponseType = "VaultPathGen.Response";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.SecretTypeWithoutRevoke,
            DiagnosticDescriptors.UndeclaredSecretType,
            DiagnosticDescriptors.RenewableWithoutRenew);

        private protected override void RegisterMore(AnalysisContext context)
        {
            context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        }

        private protected override void AnalyzeBackend(SymbolAnalysisContext context, INamedTypeSymbol type)
        {
            var renewed = HandledTypes(type, RenewAttribute);
            var revoked = HandledTypes(type, RevokeAttribute);
            foreach (var (attribute, name) in Declarations(type))
            {
                var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation();
                if (!revoked.Contains(name))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretTypeWithoutRevoke, location, name));
                }

                var renewable = !attribute.NamedArguments.Any(a => a.Key == "Renewable" && a.Value.Value is false);
                if (renewable && !renewed.Contains(name))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RenewableWithoutRenew, location, name));
                }
            }
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name != "WithSecret" || method.ContainingType?.ToDisplayString() != ResponseType || invocation.Arguments.Length == 0)
            {
                return;
            }

            var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
            if (argument?.Value.ConstantValue is not { HasValue: true, Value: string name })
            {
                return;
            }

            // Only handlers of a backend: a helper elsewhere may serve several backends.
            var backend = context.ContainingSymbol.ContainingType;
            if (backend is null || !BackendModel.IsBackend(backend))
            {
                return;
            }

            if (!Declarations(backend).Any(d => d.Name == name))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UndeclaredSecretType, argument.Value.Syntax.GetLocation(), name, backend.Name));
            }
        }

        private static IEnumerable<(AttributeData Attribute, string Name)> Declarations(INamedTypeSymbol type) =>
            type.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == SecretTypeAttribute && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string)
                .Select(a => (a, (string)a.ConstructorArguments[0].Value!));

        private static HashSet<string> HandledTypes(INamedTypeSymbol type, string attributeName)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                foreach (var a in method.GetAttributes())
                {
                    if (a.AttributeClass?.ToDisplayString() == attributeName && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string name)
                    {
                        names.Add(name);
                    }
                }
            }

            return names;
        }
    }
}
