using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using VaultPathGen.Analyzers.Model;

namespace VaultPathGen.Analyzers
{
    /// <summary>
    /// Checks a backend's [PathsSpecial] entries with the rules Vault matches them by, and what an
    /// [AuthMethod] needs for logins to work: an unauthenticated login path, alias lookahead where
    /// Vault sends it, and token renewal.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SpecialPathsAnalyzer : BackendTypeAnalyzer
    {
        private const string PathsSpecialAttribute = "VaultPathGen.PathsSpecialAttribute";
        private const string AuthRenewAttribute = "VaultPathGen.AuthRenewAttribute";
        private const int AliasLookahead = 7;

        private static readonly (string Property, SpecialPathKind Kind, string Label)[] Lists =
        {
            ("Root", SpecialPathKind.Root, "root"),
            ("Unauthenticated", SpecialPathKind.Unauthenticated, "unauthenticated"),
            ("LocalStorage", SpecialPathKind.LocalStorage, "local storage"),
            ("SealWrapStorage", SpecialPathKind.SealWrapStorage, "seal-wrap storage"),
            ("WriteForwardedStorage", SpecialPathKind.WriteForwardedStorage, "write-forwarded storage"),
        };

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.InvalidSpecialPath,
            DiagnosticDescriptors.SpecialPathMatchesNothing,
            DiagnosticDescriptors.AuthMethodWithoutLoginPath,
            DiagnosticDescriptors.AliasLookaheadNotUnauthenticated,
            DiagnosticDescriptors.AuthMethodWithoutRenew);

        private protected override void AnalyzeBackend(SymbolAnalysisContext context, INamedTypeSymbol type)
        {
            var attributes = type.GetAttributes();
            var isAuthMethod = attributes.Any(a => a.AttributeClass?.ToDisplayString() == BackendModel.AuthMethodAttribute);
            var special = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == PathsSpecialAttribute);
            var model = BackendModel.Build(type, context.CancellationToken);
            var unauthenticated = new List<string>();
            if (special != null)
            {
                var syntax = special.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
                foreach (var (property, kind, label) in Lists)
                {
                    foreach (var (pattern, location) in Entries(special, syntax, property))
                    {
                        var error = SpecialPathMatcher.Validate(kind, pattern);
                        if (error != null)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidSpecialPath, location, pattern, label, error));
                            continue;
                        }

                        if (kind == SpecialPathKind.Unauthenticated)
                        {
                            unauthenticated.Add(pattern);
                        }

                        if ((kind == SpecialPathKind.Root || kind == SpecialPathKind.Unauthenticated) && !ReachesAPath(model, kind, pattern))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SpecialPathMatchesNothing, location, char.ToUpperInvariant(label[0]) + label.Substring(1), pattern, type.Name));
                        }
                    }
                }
            }

            var identifier = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(context.CancellationToken)).OfType<ClassDeclarationSyntax>().FirstOrDefault()?.Identifier.GetLocation()
                ?? type.Locations.FirstOrDefault() ?? Location.None;
            if (isAuthMethod && unauthenticated.Count == 0 && special?.NamedArguments.Any(a => a.Key == "Unauthenticated") != true)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AuthMethodWithoutLoginPath, identifier, type.Name));
            }

            if (isAuthMethod && !type.GetMembers().OfType<IMethodSymbol>().Any(m => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AuthRenewAttribute)))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AuthMethodWithoutRenew, identifier, type.Name));
            }

            CheckAliasLookahead(context, model, unauthenticated);
        }

        private static void CheckAliasLookahead(SymbolAnalysisContext context, BackendModel model, List<string> unauthenticated)
        {
            var matcher = new SpecialPathMatcher(SpecialPathKind.Unauthenticated, unauthenticated);
            foreach (var handler in model.Handlers)
            {
                var use = handler.Operations.FirstOrDefault(o => o.Value == AliasLookahead);
                if (use is null)
                {
                    continue;
                }

                foreach (var template in handler.Templates)
                {
                    var examples = template.Parsed?.Variants.Select(v => v.ExamplePath()).ToList();
                    if (examples != null && !examples.Any(matcher.Matches))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AliasLookaheadNotUnauthenticated, use.Location, handler.Method.Name, template.Template));
                    }
                }
            }
        }

        /// <summary>
        /// Whether some path the backend serves is matched by the entry. Tried on sample paths built
        /// from the entry; a backend with raw regex paths is given the benefit of the doubt.
        /// </summary>
        private static bool ReachesAPath(BackendModel model, SpecialPathKind kind, string pattern)
        {
            if (model.Handlers.Any(h => h.HasPattern))
            {
                return true;
            }

            var templates = model.Paths.Where(p => p.Parsed != null).Select(p => p.Parsed!).ToList();
            var matcher = new SpecialPathMatcher(kind, new[] { pattern });
            var stem = string.Join("/", pattern.TrimEnd('*').Split('/').Select(s => s == "+" ? "x" : s));
            var candidates = new List<string> { stem, stem + "x", stem + "x/x", stem + "/x" };
            candidates.AddRange(templates.SelectMany(t => t.Variants).Select(v => v.ExamplePath()));
            return candidates.Where(matcher.Matches).Any(c => templates.Any(t => t.TryMatch(c, out _)));
        }

        private static IEnumerable<(string Pattern, Location Location)> Entries(AttributeData attribute, AttributeSyntax? syntax, string property)
        {
            foreach (var arg in attribute.NamedArguments)
            {
                if (arg.Key != property || arg.Value.IsNull || arg.Value.Kind != TypedConstantKind.Array)
                {
                    continue;
                }

                var expressions = BackendModel.ElementExpressions(syntax?.ArgumentList?.Arguments.FirstOrDefault(x => x.NameEquals?.Name.Identifier.ValueText == property)?.Expression);
                var values = arg.Value.Values;
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i].Value is string pattern)
                    {
                        var location = expressions != null && expressions.Count == values.Length ? expressions[i].GetLocation() : syntax?.GetLocation() ?? Location.None;
                        yield return (pattern, location);
                    }
                }
            }
        }
    }
}
