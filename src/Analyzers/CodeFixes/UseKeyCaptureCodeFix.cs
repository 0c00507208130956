using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VaultPathGen.Analyzers.Model;
using VaultPathGen.Routing;

namespace VaultPathGen.Analyzers.CodeFixes
{
    /// <summary>
    /// For a path no request reaches (the generator's VPG0025), makes the <c>&lt;n+&gt;</c> or
    /// <c>&lt;n*&gt;</c> captures of the template that takes its paths <c>&lt;n**&gt;</c>, when the
    /// same proof the generator runs shows that this gives the path its requests back.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseKeyCaptureCodeFix))]
    public sealed class UseKeyCaptureCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnreachablePathId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                // The generator's diagnostics carry no properties: the template is read back from the [Path] it points at.
                var attribute = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
                var type = attribute?.Ancestors().OfType<ClassDeclarationSyntax>().FirstOrDefault();
                if (semanticModel is null || type is null || !(attribute!.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal)
                    || !(semanticModel.GetDeclaredSymbol(type, context.CancellationToken) is INamedTypeSymbol symbol))
                {
                    continue;
                }

                var shadowed = literal.Token.ValueText;
                var ordered = BackendModel.Build(symbol, context.CancellationToken).Paths
                    .Where(p => p.Parsed != null)
                    .SelectMany(p => p.Parsed!.Variants)
                    .OrderBy(v => v, TemplateVariant.Precedence)
                    .ToList();
                if (TemplateReachability.FindShadow(ordered, shadowed, false, context.CancellationToken) is { } shadow
                    && TemplateReachability.KeyRewrite(ordered, shadow.Winner.TemplateText, shadowed, false, context.CancellationToken) is { } rewritten)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Use \"" + rewritten + "\" so \"" + shadowed + "\" is reached",
                            ct => UseTrailingSlashTemplateCodeFix.ReplaceAsync(context.Document, type, shadow.Winner.TemplateText, rewritten, ct),
                            nameof(UseKeyCaptureCodeFix)),
                        diagnostic);
                }
            }
        }
    }
}
