using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VaultPathGen.Analyzers.CodeFixes
{
    /// <summary>Binds a look-alike parameter to its capture with [Field("capture")] (VPG0106).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BindCaptureWithFieldNameCodeFix))]
    public sealed class BindCaptureWithFieldNameCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ParameterMissesCaptureId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var parameter = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault();
                if (root is null || parameter is null || !diagnostic.Properties.TryGetValue(DiagnosticDescriptors.CaptureProperty, out var capture) || capture is null)
                {
                    continue;
                }

                var attribute = SyntaxFactory.Attribute(
                    SyntaxFactory.IdentifierName("Field"),
                    SyntaxFactory.ParseAttributeArgumentList("(" + StubWriter.Literal(capture) + ")"));
                var newParameter = parameter.WithoutLeadingTrivia()
                    .AddAttributeLists(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).WithTrailingTrivia(SyntaxFactory.Space))
                    .WithLeadingTrivia(parameter.GetLeadingTrivia());
                var document = context.Document.WithSyntaxRoot(root.ReplaceNode(parameter, newParameter));
                context.RegisterCodeFix(
                    CodeAction.Create("Bind the capture '" + capture + "' with [Field(\"" + capture + "\")]", _ => Task.FromResult(document), nameof(BindCaptureWithFieldNameCodeFix)),
                    diagnostic);
            }
        }
    }
}
