using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using VaultPathGen.Analyzers.Model;

namespace VaultPathGen.Analyzers
{
    /// <summary>
    /// An analyzer of backend classes ([SecretsEngine] or [AuthMethod]): registration and the backend
    /// filter live here once, so each analyzer only says what it checks.
    /// </summary>
    public abstract class BackendTypeAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
            RegisterMore(context);
        }

        /// <summary>Registers actions beyond the backend class check; none by default.</summary>
        private protected virtual void RegisterMore(AnalysisContext context)
        {
        }

        /// <summary>Checks one backend class.</summary>
        private protected abstract void AnalyzeBackend(SymbolAnalysisContext context, INamedTypeSymbol type);

        private void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (BackendModel.IsBackend(type))
            {
                AnalyzeBackend(context, type);
            }
        }
    }
}
