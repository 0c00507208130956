using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VaultPathGen.Analyzers.CodeFixes
{
    /// <summary>
    /// Lets the create handler serve update too (VPG0102): the usual intent, since create and update
    /// on one path normally write the same item.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddUpdateOperationCodeFix))]
    public sealed class AddUpdateOperationCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.CreateWithoutUpdateId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root is null || !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax create))
                {
                    continue;
                }

                // Written the way Create is written: Update, Operation.Update or VaultPathGen.Operation.Update.
                var update = create is MemberAccessExpressionSyntax access
                    ? (ExpressionSyntax)access.WithName(SyntaxFactory.IdentifierName("Update"))
                    : SyntaxFactory.IdentifierName("Update").WithTriviaFrom(create);
                SyntaxNode? newRoot = null;
                if (create.Parent is AttributeArgumentSyntax argument && argument.Parent is AttributeArgumentListSyntax list)
                {
                    newRoot = root.ReplaceNode(list, list.WithArguments(list.Arguments.Insert(list.Arguments.IndexOf(argument) + 1, SyntaxFactory.AttributeArgument(update.WithoutTrivia()))));
                }
                else if (create.Parent is InitializerExpressionSyntax initializer)
                {
                    newRoot = root.ReplaceNode(initializer, initializer.WithExpressions(initializer.Expressions.Insert(initializer.Expressions.IndexOf(create) + 1, update.WithoutTrivia())));
                }

                if (newRoot != null)
                {
                    var document = context.Document.WithSyntaxRoot(newRoot);
                    context.RegisterCodeFix(
                        CodeAction.Create("Handle update here too", _ => Task.FromResult(document), nameof(AddUpdateOperationCodeFix)),
                        diagnostic);
                }
            }
        }
    }
}
