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
    /// <summary>
    /// For a handler issuing an undeclared secret type (VPG0116): use one of the types the backend
    /// declares (the usual cause is a typo; a constant in the declaration is reused), or declare the
    /// type on the class.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixUndeclaredSecretTypeCodeFix))]
    public sealed class FixUndeclaredSecretTypeCodeFix : CodeFixProvider
    {
        private const string SecretTypeAttribute = "VaultPathGen.SecretTypeAttribute";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UndeclaredSecretTypeId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var argument = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
                var classDeclaration = argument?.Ancestors().OfType<ClassDeclarationSyntax>().FirstOrDefault();
                if (root is null || model is null || argument is null || classDeclaration is null
                    || !(model.GetDeclaredSymbol(classDeclaration, context.CancellationToken) is { } type)
                    || !(model.GetConstantValue(argument, context.CancellationToken).Value is string name))
                {
                    continue;
                }

                foreach (var declared in DeclaredNames(type, context.CancellationToken))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Use the declared secret type \"" + declared.Name + "\"",
                            ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argument, SyntaxFactory.ParseExpression(declared.Expression).WithTriviaFrom(argument)))),
                            nameof(FixUndeclaredSecretTypeCodeFix) + ".Use." + declared.Name),
                        diagnostic);
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Declare [SecretType(\"" + name + "\")] on " + type.Name,
                        ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(classDeclaration, Declare(classDeclaration, argument)))),
                        nameof(FixUndeclaredSecretTypeCodeFix) + ".Declare"),
                    diagnostic);
            }
        }

        /// <summary>The declared type names, each with the expression its attribute names it by.</summary>
        private static ImmutableArray<(string Name, string Expression)> DeclaredNames(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            type.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == SecretTypeAttribute && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string)
                .Select(a =>
                {
                    var name = (string)a.ConstructorArguments[0].Value!;
                    var syntax = a.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                    var expression = syntax?.ArgumentList?.Arguments.FirstOrDefault(x => x.NameEquals is null && x.NameColon is null)?.Expression.WithoutTrivia().ToString();
                    return (name, expression ?? StubWriter.Literal(name));
                })
                .ToImmutableArray();

        /// <summary>The class with <c>[SecretType(…)]</c> added after its last attribute list, naming the type as the call does.</summary>
        private static ClassDeclarationSyntax Declare(ClassDeclarationSyntax classDeclaration, ExpressionSyntax nameExpression)
        {
            var attribute = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("SecretType"))
                .WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(nameExpression.WithoutTrivia()))));
            var lists = classDeclaration.AttributeLists;
            if (lists.Count == 0)
            {
                var first = classDeclaration.GetLeadingTrivia();
                var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).WithLeadingTrivia(first)
                    .WithTrailingTrivia(SyntaxFactory.EndOfLine("\n"));
                return classDeclaration.WithoutLeadingTrivia().WithAttributeLists(SyntaxFactory.SingletonList(list));
            }

            var last = lists[lists.Count - 1];
            var indentation = last.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            var added = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
                .WithLeadingTrivia(indentation)
                .WithTrailingTrivia(last.GetTrailingTrivia());
            return classDeclaration.WithAttributeLists(lists.Insert(lists.Count, added));
        }
    }
}
