using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VaultPathGen.Analyzers.CodeFixes
{
    /// <summary>Declares a renewable secret type with no renew method not renewable (VPG0117): adds <c>Renewable = false</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkNotRenewableCodeFix))]
    public sealed class MarkNotRenewableCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.RenewableWithoutRenewId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var attribute = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
                if (attribute?.ArgumentList is null || root is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Set Renewable = false", ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, NotRenewable(attribute)))), nameof(MarkNotRenewableCodeFix)),
                    diagnostic);
            }
        }

        private static AttributeSyntax NotRenewable(AttributeSyntax attribute)
        {
            var list = attribute.ArgumentList!;
            var existing = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Renewable");
            var value = SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression);
            if (existing != null)
            {
                return attribute.ReplaceNode(existing.Expression, value.WithTriviaFrom(existing.Expression));
            }

            var argument = SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Renewable"), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
                null,
                value);
            var separators = list.Arguments.GetSeparators().Append(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            return attribute.WithArgumentList(list.WithArguments(SyntaxFactory.SeparatedList(list.Arguments.Add(argument), separators)));
        }
    }
}
