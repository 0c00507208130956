using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace VaultPathGen.Analyzers.CodeFixes
{
    /// <summary>Makes a backend class, or the types around it, partial (the generator's VPG0001 and VPG0003).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix))]
    public sealed class MakePartialCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.BackendNotPartialId, DiagnosticDescriptors.ContainingTypeNotPartialId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var declaration = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
                if (declaration is null)
                {
                    continue;
                }

                var targets = diagnostic.Id == DiagnosticDescriptors.BackendNotPartialId
                    ? new List<TypeDeclarationSyntax> { declaration }
                    : declaration.Ancestors().OfType<TypeDeclarationSyntax>().Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)).ToList();
                if (targets.Count == 0)
                {
                    continue;
                }

                var title = targets.Count == 1 ? "Make '" + targets[0].Identifier.ValueText + "' partial" : "Make the containing types partial";
                context.RegisterCodeFix(CodeAction.Create(title, ct => MakePartialAsync(context.Document, targets, ct), nameof(MakePartialCodeFix) + diagnostic.Id), diagnostic);
            }
        }

        private static async Task<Document> MakePartialAsync(Document document, List<TypeDeclarationSyntax> targets, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var target in targets)
            {
                editor.ReplaceNode(target, (node, generator) => generator.WithModifiers(node, generator.GetModifiers(node).WithPartial(true)));
            }

            return editor.GetChangedDocument();
        }
    }
}
