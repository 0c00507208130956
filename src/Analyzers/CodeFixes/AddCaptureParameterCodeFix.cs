using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using VaultPathGen.Analyzers.Model;
using VaultPathGen.Routing;

namespace VaultPathGen.Analyzers.CodeFixes
{
    /// <summary>Adds a parameter for a capture no parameter binds (VPG0105).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCaptureParameterCodeFix))]
    public sealed class AddCaptureParameterCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnboundCaptureId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var method = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
                if (method is null
                    || !diagnostic.Properties.TryGetValue(DiagnosticDescriptors.CaptureProperty, out var capture) || capture is null
                    || !diagnostic.Properties.TryGetValue(DiagnosticDescriptors.TemplateProperty, out var template) || template is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Add parameter '" + capture + "'", ct => AddParameterAsync(context.Document, method, capture, template, ct), nameof(AddCaptureParameterCodeFix)),
                    diagnostic);
            }
        }

        private static async Task<Document> AddParameterAsync(Document document, MethodDeclarationSyntax method, string capture, string template, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null || !(semanticModel.GetDeclaredSymbol(method, cancellationToken) is { } symbol))
            {
                return document;
            }

            // Captures read left to right in the template, so the new one goes after the capture parameters already there.
            var captures = PathTemplate.Parse(template, out _)?.Captures ?? System.Array.Empty<string>();
            var index = 0;
            for (var i = 0; i < symbol.Parameters.Length; i++)
            {
                if (BackendModel.FieldName(symbol.Parameters[i]) is { } field && captures.Contains(field))
                {
                    index = i + 1;
                }
            }

            var parameter = SyntaxFactory.ParseParameterList("(" + StubWriter.NewCaptureParameter(capture) + ")").Parameters[0]
                .WithAdditionalAnnotations(Formatter.Annotation);
            var newMethod = method.WithParameterList(method.ParameterList.WithParameters(method.ParameterList.Parameters.Insert(index, parameter)));
            return document.WithSyntaxRoot(root.ReplaceNode(method, newMethod));
        }
    }
}
