using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using VaultPathGen.Analyzers.Model;

namespace VaultPathGen.Analyzers
{
    /// <summary>
    /// Compares each backend's kind with the project's <c>VaultPluginType</c> (secret or auth), which
    /// the VaultPathGen package shows the compiler for plugin executables: the catalog type in the
    /// `vault plugin register` command printed after publish. A wrong one registers a plugin Vault
    /// then refuses to mount; the compiler knows the backend's kind, MSBuild does not.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PluginTypeAnalyzer : DiagnosticAnalyzer
    {
        private const string PluginTypeProperty = "build_property.VaultPluginType";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PluginTypeMismatch);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // Only where the package made the property visible (plugin executables); elsewhere nothing is printed.
                if (!start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(PluginTypeProperty, out var pluginType) || pluginType.Length == 0)
                {
                    return;
                }

                start.RegisterSymbolAction(symbol => Analyze(symbol, pluginType.Trim()), SymbolKind.NamedType);
            });
        }

        private static void Analyze(SymbolAnalysisContext context, string pluginType)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            var kind = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() is BackendModel.SecretsEngineAttribute or BackendModel.AuthMethodAttribute);
            if (kind == null || type.TypeKind != TypeKind.Class)
            {
                return;
            }

            var isAuth = kind.AttributeClass!.ToDisplayString() == BackendModel.AuthMethodAttribute;
            var expected = isAuth ? "auth" : "secret";
            if (string.Equals(pluginType, expected, System.StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var location = kind.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PluginTypeMismatch, location,
                type.Name, isAuth ? "an auth method" : "a secrets engine", pluginType, expected));
        }
    }
}
