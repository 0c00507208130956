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
    /// <summary>Adds a parameter for a capture (VPG0105) or regex named group (VPG0111) no parameter binds.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCaptureParameterCodeFix))]
    public sealed class AddCaptureParameterCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnboundCaptureId, DiagnosticDescriptors.UnboundRegexGroupId);

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
            // A documented method gets a <param> line first, so the new field does not trade VPG0105 for VPG0110.
            var inserted = 0;
            var docComment = method.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();
            if (docComment != null && !docComment.Content.OfType<XmlElementSyntax>().Any(e => e.StartTag.Name.ToString() == "param"
                && e.StartTag.Attributes.OfType<XmlNameAttributeSyntax>().Any(a => a.Identifier.Identifier.ValueText == capture)))
            {
                var indentation = method.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var newline = text.Lines.Count > 1 ? text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(text.Lines[0].End, text.Lines[0].EndIncludingLineBreak)) : "\n";
                var xmlName = capture.Replace("&", "&amp;").Replace("\"", "&quot;");
                var line = indentation + "/// <param name=\"" + xmlName + "\">The " + xmlName + " from the path.</param>" + newline;
                document = document.WithText(text.Replace(docComment.FullSpan.End, 0, line));
                inserted = line.Length;
                root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                method = root?.FindToken(method.ParameterList.OpenParenToken.SpanStart + inserted).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault()!;
                if (root is null || method is null)
                {
                    return document;
                }
            }

            var newMethod = method.WithParameterList(method.ParameterList.WithParameters(method.ParameterList.Parameters.Insert(index, parameter)));
            return document.WithSyntaxRoot(root.ReplaceNode(method, newMethod));
        }
    }
}
