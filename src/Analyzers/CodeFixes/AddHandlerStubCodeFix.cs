using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace VaultPathGen.Analyzers.CodeFixes
{
    /// <summary>Adds a handler stub for an operation a path promises but nothing serves (VPG0101, VPG0102).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddHandlerStubCodeFix))]
    public sealed class AddHandlerStubCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.DeclaredOperationUnhandledId, DiagnosticDescriptors.CreateWithoutUpdateId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root is null
                    || !diagnostic.Properties.TryGetValue(DiagnosticDescriptors.TemplateProperty, out var template) || template is null
                    || !diagnostic.Properties.TryGetValue(DiagnosticDescriptors.OperationProperty, out var operation) || operation is null)
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add a " + operation + " handler for \"" + template + "\"",
                        ct => StubWriter.AddHandlerAsync(context.Document, node, template, operation, ct),
                        nameof(AddHandlerStubCodeFix) + operation),
                    diagnostic);
            }
        }
    }
}
