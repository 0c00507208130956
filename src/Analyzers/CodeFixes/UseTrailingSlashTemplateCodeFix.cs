using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VaultPathGen.Analyzers.Model;

namespace VaultPathGen.Analyzers.CodeFixes
{
    /// <summary>
    /// Rewrites a list handler's template to accept the trailing '/' of list requests (VPG0103), in
    /// every [Path] and [PathOptions] of the class that names it, so the path stays one path.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTrailingSlashTemplateCodeFix))]
    public sealed class UseTrailingSlashTemplateCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ListPathWithoutTrailingSlashId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var type = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
                if (type is null
                    || !diagnostic.Properties.TryGetValue(DiagnosticDescriptors.TemplateProperty, out var template) || template is null
                    || !diagnostic.Properties.TryGetValue(DiagnosticDescriptors.SuggestionProperty, out var suggestion) || suggestion is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Use \"" + suggestion + "\"", ct => ReplaceAsync(context.Document, type, template, suggestion, ct), nameof(UseTrailingSlashTemplateCodeFix)),
                    diagnostic);
            }
        }

        /// <summary>Rewrites <paramref name="template"/> in every [Path] and [PathOptions] of <paramref name="type"/>.</summary>
        internal static async Task<Document> ReplaceAsync(Document document, ClassDeclarationSyntax type, string template, string suggestion, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return document;
            }

            var literals = type.DescendantNodes().OfType<AttributeSyntax>()
                .Where(a => IsPathAttribute(semanticModel.GetSymbolInfo(a, cancellationToken).Symbol))
                .Select(a => a.ArgumentList?.Arguments.FirstOrDefault()?.Expression)
                .OfType<LiteralExpressionSyntax>()
                .Where(l => l.Token.ValueText == template)
                .ToList();
            var replacement = SyntaxFactory.ParseExpression(StubWriter.Literal(suggestion));
            return document.WithSyntaxRoot(root.ReplaceNodes(literals, (original, _) => replacement.WithTriviaFrom(original)));
        }

        private static bool IsPathAttribute(ISymbol? constructor)
        {
            var name = constructor?.ContainingType?.ToDisplayString();
            return name == BackendModel.PathAttribute || name == BackendModel.PathOptionsAttribute;
        }
    }
}
