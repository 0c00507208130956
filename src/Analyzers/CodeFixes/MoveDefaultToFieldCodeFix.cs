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
    /// <summary>Turns a parameter's C# default into the field default, [Field(Default = …)] (VPG0108).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveDefaultToFieldCodeFix))]
    public sealed class MoveDefaultToFieldCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ParameterDefaultIgnoredId);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var parameter = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault();
                if (root is null || parameter?.Default is null || !(parameter.Parent is ParameterListSyntax list))
                {
                    continue;
                }

                var value = parameter.Default.Value.WithoutTrivia();
                var defaultArgument = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals("Default"), null, value);
                var existing = parameter.AttributeLists.SelectMany(l => l.Attributes)
                    .FirstOrDefault(a => a.Name.ToString() is "Field" or "FieldAttribute" or "VaultPathGen.Field" or "VaultPathGen.FieldAttribute" or "global::VaultPathGen.Field");
                ParameterSyntax newParameter;
                if (existing != null)
                {
                    var arguments = existing.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
                    newParameter = parameter.ReplaceNode(existing, existing.WithArgumentList(arguments.AddArguments(defaultArgument)));
                }
                else
                {
                    var attribute = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("Field"), SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(defaultArgument)));
                    newParameter = parameter.WithoutLeadingTrivia()
                        .AddAttributeLists(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).WithTrailingTrivia(SyntaxFactory.Space))
                        .WithLeadingTrivia(parameter.GetLeadingTrivia());
                }

                // C# wants optional parameters last: the C# default stays when a later parameter has one.
                var later = list.Parameters.Skip(list.Parameters.IndexOf(parameter) + 1).Any(p => p.Default != null);
                if (!later)
                {
                    newParameter = newParameter.WithDefault(null).WithIdentifier(newParameter.Identifier.WithoutTrivia());
                }

                var document = context.Document.WithSyntaxRoot(root.ReplaceNode(parameter, newParameter.WithTrailingTrivia(parameter.GetTrailingTrivia())));
                context.RegisterCodeFix(
                    CodeAction.Create("Make it the field default: [Field(Default = " + value + ")]", _ => Task.FromResult(document), nameof(MoveDefaultToFieldCodeFix)),
                    diagnostic);
            }
        }
    }
}
