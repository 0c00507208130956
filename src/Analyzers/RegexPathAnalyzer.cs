using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using VaultPathGen.Analyzers.Model;

namespace VaultPathGen.Analyzers
{
    /// <summary>
    /// The template checks of VPG0105 and VPG0103 for [PathPattern] regex paths: named groups no
    /// parameter binds (VPG0111), and list handlers on a pattern that never matches a path ending
    /// in '/' (VPG0112).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RegexPathAnalyzer : BackendTypeAnalyzer
    {
        private const string GeneratedRegexAttribute = "System.Text.RegularExpressions.GeneratedRegexAttribute";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.UnboundRegexGroup,
            DiagnosticDescriptors.RegexListWithoutTrailingSlash);

        private protected override void AnalyzeBackend(SymbolAnalysisContext context, INamedTypeSymbol type)
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
            {
                foreach (var attribute in method.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == BackendModel.PathPatternAttribute))
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    if (attribute.ConstructorArguments.Length != 1 || !(attribute.ConstructorArguments[0].Value is string regexMethod)
                        || !(Resolve(type, regexMethod) is { } regex))
                    {
                        // The generator reports a pattern it cannot use (VPG0015).
                        continue;
                    }

                    var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
                    var location = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? syntax?.GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None;
                    CheckGroups(context, method, regexMethod, regex, location);
                    CheckList(context, method, regexMethod, regex, location);
                }
            }
        }

        private static void CheckGroups(SymbolAnalysisContext context, IMethodSymbol method, string regexMethod, Regex regex, Location location)
        {
            // FieldData reads any field by name, named groups included.
            if (method.Parameters.Any(p => p.Type.ToDisplayString() == "VaultPathGen.FieldData"))
            {
                return;
            }

            var bound = new HashSet<string>(method.Parameters.Select(BackendModel.FieldName).Where(n => n != null).Select(n => n!), System.StringComparer.Ordinal);
            foreach (var group in regex.GetGroupNames().Where(g => !int.TryParse(g, out _)))
            {
                if (!bound.Contains(group))
                {
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticDescriptors.TemplateProperty, regex.ToString())
                        .Add(DiagnosticDescriptors.CaptureProperty, group);
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnboundRegexGroup, location, properties, group, regexMethod, method.Name));
                }
            }
        }

        private static void CheckList(SymbolAnalysisContext context, IMethodSymbol method, string regexMethod, Regex regex, Location location)
        {
            var handler = Handler.Read(method, context.CancellationToken);
            if (handler is null || !handler.Serves(BackendModel.List) || RegexEnding.CanEndInSlash(regex.ToString(), regex.Options) != false)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RegexListWithoutTrailingSlash, location, method.Name, regexMethod, "@\"" + regex + "\""));
        }

        /// <summary>The regex of a static parameterless [GeneratedRegex] method, built here only to read it; null when there is none or it does not parse.</summary>
        private static Regex? Resolve(INamedTypeSymbol type, string methodName)
        {
            var method = type.GetMembers(methodName).OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 0 && m.IsStatic);
            var generated = method?.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == GeneratedRegexAttribute);
            if (generated is null || generated.ConstructorArguments.Length == 0 || !(generated.ConstructorArguments[0].Value is string pattern))
            {
                return null;
            }

            var options = generated.ConstructorArguments.Length > 1 && generated.ConstructorArguments[1].Value is int o ? (RegexOptions)o : RegexOptions.None;
            options &= RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.ExplicitCapture | RegexOptions.Singleline
                | RegexOptions.IgnorePatternWhitespace | RegexOptions.RightToLeft | RegexOptions.ECMAScript | RegexOptions.CultureInvariant;
            try
            {
                return new Regex(pattern, options);
            }
            catch (System.ArgumentException)
            {
                return null;
            }
        }
    }
}
