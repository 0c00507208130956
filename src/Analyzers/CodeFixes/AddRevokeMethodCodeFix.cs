using System.Collections.Immutable;
using System.Linq;
using System.Text;
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
    /// Adds a <c>[Revoke]</c> method for a secret type nothing revokes (VPG0115): it names the type the
    /// way the <c>[SecretType]</c> does (a constant stays a constant) and throws until someone writes
    /// what removes the lease's grant.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRevokeMethodCodeFix))]
    public sealed class AddRevokeMethodCodeFix : CodeFixProvider
    {
        private static readonly char[] WordSeparators = { '-', '_', '.', '/', ' ' };

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.SecretTypeWithoutRevokeId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var attribute = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
                var nameArgument = attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null);
                if (attribute is null || nameArgument is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Add a revoke method", ct => AddAsync(context.Document, attribute, nameArgument.Expression, ct), nameof(AddRevokeMethodCodeFix)),
                    diagnostic);
            }
        }

        private static async Task<Document> AddAsync(Document document, AttributeSyntax attribute, ExpressionSyntax nameExpression, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var classDeclaration = attribute.Ancestors().OfType<ClassDeclarationSyntax>().FirstOrDefault();
            if (root is null || model is null || classDeclaration is null
                || !(model.GetDeclaredSymbol(classDeclaration, cancellationToken) is { } type)
                || !(model.GetConstantValue(nameExpression, cancellationToken).Value is string name))
            {
                return document;
            }

            var text = new StringBuilder()
                .Append("/// <summary>Revokes a <c>").Append(StubWriter.Xml(name)).Append("</c> lease: removes what it granted. Not implemented yet.</summary>\n")
                .Append("[Revoke(").Append(nameExpression.WithoutTrivia().ToString()).Append(")]\n")
                .Append("public global::System.Threading.Tasks.Task ").Append(StubWriter.UniqueName(type, "Revoke" + Pascal(name)))
                .Append("(global::System.Text.Json.Nodes.JsonObject internalData, global::VaultPathGen.IStorage storage, global::System.Threading.CancellationToken cancellationToken)")
                .Append(" => throw new global::System.NotImplementedException();\n")
                .ToString();
            if (!(StubWriter.ParseMethod(root, text, out var newline) is { } method))
            {
                return document;
            }

            var added = classDeclaration.AddMembers(StubWriter.WithBlankLineBefore(method, newline, classDeclaration.Members.Count > 0));
            return document.WithSyntaxRoot(root.ReplaceNode(classDeclaration, added));
        }

        /// <summary><c>db-user</c> → <c>DbUser</c>: the type name's words, for the method's name.</summary>
        private static string Pascal(string name)
        {
            var sb = new StringBuilder();
            foreach (var word in name.Split(WordSeparators, System.StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.All(char.IsLetterOrDigit))
                {
                    sb.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
                }
            }

            return sb.Length > 0 && !char.IsDigit(sb[0]) ? sb.ToString() : "Secret";
        }
    }
}
