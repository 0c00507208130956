using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VaultPathGen.Analyzers.CodeFixes
{
    /// <summary>Adds an existence check to a path with a create handler (the generator's VPG0013).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddExistenceCheckCodeFix))]
    public sealed class AddExistenceCheckCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.CreateWithoutExistenceCheckId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                // The generator's diagnostics carry no properties: the template is read back from the [Path] it points at.
                var attribute = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
                if (!(attribute?.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal))
                {
                    continue;
                }

                var template = literal.Token.ValueText;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add an existence check for \"" + template + "\"",
                        ct => StubWriter.AddExistenceCheckAsync(context.Document, attribute, template, ct),
                        nameof(AddExistenceCheckCodeFix)),
                    diagnostic);
            }
        }
    }
}
