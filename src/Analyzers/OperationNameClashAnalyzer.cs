using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using VaultPathGen.Generator.Helpers;

namespace VaultPathGen.Analyzers
{
    /// <summary>
    /// A method named like an operation (<c>Read</c>, <c>List</c>, <c>Delete</c>…) hides the
    /// <c>using static VaultPathGen.Operation</c> member inside its class, so <c>[Operation(Read)]</c>
    /// names the method group and the compiler says only CS1503 "cannot convert from 'method group'".
    /// Syntax only: it must speak exactly when that compile error is present.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OperationNameClashAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.MethodHidesOperation);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(AnalyzeType, SyntaxKind.ClassDeclaration, SyntaxKind.StructDeclaration, SyntaxKind.RecordDeclaration);
        }

        private static void AnalyzeType(SyntaxNodeAnalysisContext context)
        {
            var type = (TypeDeclarationSyntax)context.Node;
            var clashing = new Dictionary<string, List<MethodDeclarationSyntax>>();
            foreach (var method in type.Members.OfType<MethodDeclarationSyntax>())
            {
                var name = method.Identifier.ValueText;
                if (OperationNames.Value(name) >= 0)
                {
                    if (!clashing.TryGetValue(name, out var list))
                    {
                        clashing[name] = list = new List<MethodDeclarationSyntax>();
                    }

                    list.Add(method);
                }
            }

            if (clashing.Count == 0)
            {
                return;
            }

            var used = new HashSet<string>();
            foreach (var attribute in type.Members.SelectMany(m => m.AttributeLists).SelectMany(l => l.Attributes).Concat(type.AttributeLists.SelectMany(l => l.Attributes)))
            {
                if (attribute.ArgumentList is null)
                {
                    continue;
                }

                foreach (var argument in attribute.ArgumentList.Arguments)
                {
                    foreach (var identifier in argument.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                    {
                        // A bare name only: Operation.Read is qualified and unaffected.
                        if (!(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier) && clashing.ContainsKey(identifier.Identifier.ValueText))
                        {
                            used.Add(identifier.Identifier.ValueText);
                        }
                    }
                }
            }

            foreach (var name in used)
            {
                foreach (var method in clashing[name])
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MethodHidesOperation, method.Identifier.GetLocation(), name));
                }
            }
        }
    }
}
