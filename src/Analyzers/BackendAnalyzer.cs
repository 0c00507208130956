using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using VaultPathGen.Analyzers.Model;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Parsing;
using VaultPathGen.Routing;

namespace VaultPathGen.Analyzers
{
    /// <summary>
    /// Declaration checks on a [SecretsEngine] class that the generator does not make because they do
    /// not stop generation: operations promised but not served, captures and parameters that do not
    /// meet, and missing help text.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BackendAnalyzer : BackendTypeAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.DeclaredOperationUnhandled,
            DiagnosticDescriptors.CreateWithoutUpdate,
            DiagnosticDescriptors.ListPathWithoutTrailingSlash,
            DiagnosticDescriptors.UnboundCapture,
            DiagnosticDescriptors.ParameterMissesCapture,
            DiagnosticDescriptors.ByRefParameter,
            DiagnosticDescriptors.ParameterDefaultIgnored,
            DiagnosticDescriptors.MissingHandlerSummary,
            DiagnosticDescriptors.MissingFieldDescription);

        private protected override void AnalyzeBackend(SymbolAnalysisContext context, INamedTypeSymbol type)
        {
            var model = BackendModel.Build(type, context.CancellationToken);
            CheckDeclaredOperations(context, model);
            CheckCreateWithoutUpdate(context, model);
            CheckListPaths(context, model);
            var docs = new Dictionary<IMethodSymbol, XmlDocs>(SymbolEqualityComparer.Default);
            foreach (var handler in model.Handlers)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                docs[handler.Method] = XmlDocs.For(handler.Method, context.CancellationToken);
            }

            foreach (var handler in model.Handlers)
            {
                CheckCaptures(context, handler);
                CheckParameters(context, handler);
                CheckHelp(context, model, handler, docs);
            }
        }

        private static void CheckDeclaredOperations(SymbolAnalysisContext context, BackendModel model)
        {
            foreach (var options in model.Options)
            {
                if (options.Path is null)
                {
                    continue;
                }

                foreach (var use in options.Operations)
                {
                    if (!options.Path.Serves(use.Value))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DeclaredOperationUnhandled, use.Location,
                            Properties(options.Template, OperationNames.Member(use.Value)), options.Template, OperationNames.WireName(use.Value)));
                    }
                }
            }
        }

        private static void CheckCreateWithoutUpdate(SymbolAnalysisContext context, BackendModel model)
        {
            foreach (var path in model.Paths)
            {
                if (path.Serves(BackendModel.Update))
                {
                    continue;
                }

                foreach (var handler in path.Members)
                {
                    foreach (var use in handler.Operations.Where(o => o.Value == BackendModel.Create))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CreateWithoutUpdate, use.Location,
                            Properties(path.Template, OperationNames.Member(BackendModel.Update)), handler.Method.Name, path.Template));
                    }
                }
            }
        }

        private static void CheckListPaths(SymbolAnalysisContext context, BackendModel model)
        {
            foreach (var handler in model.Handlers.Where(h => h.Serves(BackendModel.List)))
            {
                foreach (var use in handler.Templates)
                {
                    if (use.Parsed is null || CanEndInSlash(use.Parsed))
                    {
                        continue;
                    }

                    var hasOptional = use.Parsed.Parts.Any(p => p.IsOptional);
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticDescriptors.TemplateProperty, use.Template);
                    string advice;
                    if (hasOptional)
                    {
                        var prefix = use.Template.Substring(0, use.Template.IndexOf('[')).TrimEnd('/');
                        advice = "declare the list handler on its own path, e.g. \"" + prefix + "[/]\"";
                    }
                    else if (use.Parsed.Parts[use.Parsed.Parts.Count - 1] is { Kind: TemplatePartKind.Key } key)
                    {
                        // The folders beside a <key**> are another path; rewriting this one would take its keys away.
                        var folders = use.Template.Replace("<" + key.Text + "**>", "[<" + key.Text + "+>/]");
                        advice = "a <" + key.Text + "**> capture never ends in '/'; declare the list handler on its own path, e.g. \"" + folders + "\"";
                    }
                    else
                    {
                        var suggestion = use.Template + "[/]";
                        properties = properties.Add(DiagnosticDescriptors.SuggestionProperty, suggestion);
                        advice = "write \"" + suggestion + "\"";
                    }

                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ListPathWithoutTrailingSlash, use.LiteralLocation, properties,
                        handler.Method.Name, use.Template, use.Parsed.Variants[0].ExamplePath() + "/", advice));
                }
            }
        }

        /// <summary>Whether some form of the template matches a path ending in '/'.</summary>
        private static bool CanEndInSlash(PathTemplate template)
        {
            foreach (var variant in template.Variants)
            {
                if (variant.Parts.Count == 0)
                {
                    continue;
                }

                var last = variant.Parts[variant.Parts.Count - 1];

                if (last.Kind == TemplatePartKind.Rest || last.Kind == TemplatePartKind.Any
                    || (last.Kind == TemplatePartKind.Literal && last.Text.EndsWith("/", System.StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        private static void CheckCaptures(SymbolAnalysisContext context, Handler handler)
        {
            // FieldData reads any field by name, captures included.
            if (handler.Method.Parameters.Any(p => p.Type.ToDisplayString() == "VaultPathGen.FieldData"))
            {
                return;
            }

            var bound = new HashSet<string>(handler.Method.Parameters.Select(BackendModel.FieldName).Where(n => n != null).Select(n => n!), System.StringComparer.Ordinal);
            foreach (var use in handler.Templates)
            {
                if (use.Parsed is null)
                {
                    continue;
                }

                foreach (var capture in use.Parsed.Captures)
                {
                    if (bound.Contains(capture))
                    {
                        continue;
                    }

                    var lookalike = handler.Method.Parameters.FirstOrDefault(p =>
                        BackendModel.FieldName(p) is { } field && !use.Parsed.Captures.Contains(field) && BackendModel.FieldAttributeOf(p) is null && Loose(p.Name) == Loose(capture));
                    if (lookalike != null)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ParameterMissesCapture, lookalike.Locations.FirstOrDefault(),
                            Properties(use.Template, null).Add(DiagnosticDescriptors.CaptureProperty, capture),
                            lookalike.Name, BackendModel.FieldName(lookalike), capture, use.Template));
                        continue;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnboundCapture, use.CaptureLocation(capture),
                        Properties(use.Template, null).Add(DiagnosticDescriptors.CaptureProperty, capture),
                        capture, use.Template, handler.Method.Name));
                }
            }
        }

        private static string Loose(string name) => new string(name.Where(c => c != '_' && c != '-').Select(char.ToLowerInvariant).ToArray());

        private static void CheckParameters(SymbolAnalysisContext context, Handler handler)
        {
            foreach (var p in handler.Method.Parameters)
            {
                var refKind = p.RefKind == RefKind.Ref ? "ref" : p.RefKind == RefKind.Out ? "out" : p.RefKind == RefKind.RefReadOnlyParameter ? "ref readonly" : null;
                if (refKind != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ByRefParameter, p.Locations.FirstOrDefault(), p.Name, handler.Method.Name, refKind));
                    continue;
                }

                // With [Field(Default = …)] the author chose the field default; the C# one only serves C# callers.
                var hasFieldDefault = BackendModel.FieldAttributeOf(p)?.NamedArguments.Any(a => a.Key == "Default") == true;
                if (p.HasExplicitDefaultValue && !hasFieldDefault && BackendModel.FieldName(p) is { } field && !IsZero(p.ExplicitDefaultValue))
                {
                    var syntax = p.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) as ParameterSyntax;
                    var location = syntax?.Default?.GetLocation() ?? p.Locations.FirstOrDefault();
                    var text = syntax?.Default?.Value.ToString() ?? "...";
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ParameterDefaultIgnored, location, p.Name, field, text));
                }
            }
        }

        /// <summary>A default equal to the zero value an absent field binds anyway is harmless.</summary>
        private static bool IsZero(object? value)
        {
            switch (value)
            {
                case null: return true;
                case bool b: return !b;
                case string s: return s.Length == 0;
                case char c: return c == '\0';
                case double d: return d == 0;
                case float f: return f == 0;
                case decimal m: return m == 0;
                case System.IConvertible convertible: return convertible.ToInt64(System.Globalization.CultureInfo.InvariantCulture) == 0;
                default: return false;
            }
        }

        private static void CheckHelp(SymbolAnalysisContext context, BackendModel model, Handler handler, Dictionary<IMethodSymbol, XmlDocs> docs)
        {
            if (handler.Operations.Count > 0 && string.IsNullOrWhiteSpace(handler.SummaryArgument) && docs[handler.Method].Summary.Length == 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingHandlerSummary, handler.Method.Locations.FirstOrDefault(), handler.Method.Name));
            }

            // A path's field takes its description from whichever method on the path documents it.
            var siblings = model.Paths.Where(g => handler.Templates.Any(t => t.Template == g.Template)).SelectMany(g => g.Members).Distinct().ToList();
            if (siblings.Count == 0)
            {
                siblings.Add(handler);
            }

            foreach (var p in handler.Method.Parameters)
            {
                if (p.RefKind != RefKind.None || !(BackendModel.FieldName(p) is { } field) || Description(p, docs[handler.Method]).Length > 0)
                {
                    continue;
                }

                var described = siblings.Any(s => s.Method.Parameters.Any(q => BackendModel.FieldName(q) == field && Description(q, docs[s.Method]).Length > 0));
                if (!described)
                {
                    var path = handler.Templates.Count > 0 ? handler.Templates[0].Template : handler.Method.Name;
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingFieldDescription, p.Locations.FirstOrDefault(), field, path, p.Name));
                }
            }
        }

        private static string Description(IParameterSymbol parameter, XmlDocs docs)
        {
            var attribute = BackendModel.FieldAttributeOf(parameter);
            var description = attribute?.NamedArguments.FirstOrDefault(a => a.Key == "Description").Value.Value as string;
            return string.IsNullOrWhiteSpace(description) ? docs.Param(parameter.Name) : description!;
        }

        private static ImmutableDictionary<string, string?> Properties(string template, string? operation)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticDescriptors.TemplateProperty, template);
            return operation is null ? properties : properties.Add(DiagnosticDescriptors.OperationProperty, operation);
        }
    }
}
