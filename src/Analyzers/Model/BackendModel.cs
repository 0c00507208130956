using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Routing;

namespace VaultPathGen.Analyzers.Model
{
    /// <summary>
    /// A backend's declarations as the generator reads them, with the syntax each came from so a
    /// diagnostic can point at the exact argument. Analyzers are not cached, so symbols are fine here.
    /// </summary>
    internal sealed class BackendModel
    {
        public const string SecretsEngineAttribute = "VaultPathGen.SecretsEngineAttribute";
        public const string AuthMethodAttribute = "VaultPathGen.AuthMethodAttribute";
        public const string PathAttribute = "VaultPathGen.PathAttribute";
        public const string PathPatternAttribute = "VaultPathGen.PathPatternAttribute";
        public const string OperationAttribute = "VaultPathGen.OperationAttribute";
        public const string ExistenceCheckAttribute = "VaultPathGen.ExistenceCheckAttribute";
        public const string PathOptionsAttribute = "VaultPathGen.PathOptionsAttribute";
        public const string FieldAttribute = "VaultPathGen.FieldAttribute";
        public const string OperationType = "VaultPathGen.Operation";

        public const int Create = 0;
        public const int Update = 2;
        public const int List = 5;

        private BackendModel(INamedTypeSymbol type, List<Handler> handlers, List<PathGroup> paths, List<PathOptions> options)
        {
            Type = type;
            Handlers = handlers;
            Paths = paths;
            Options = options;
        }

        public INamedTypeSymbol Type { get; }

        /// <summary>Methods with a [Path] or [PathPattern], handlers and existence checks alike.</summary>
        public IReadOnlyList<Handler> Handlers { get; }

        /// <summary>Template paths, one per distinct template text.</summary>
        public IReadOnlyList<PathGroup> Paths { get; }

        public IReadOnlyList<PathOptions> Options { get; }


        public static bool IsBackend(INamedTypeSymbol type) =>
            type.TypeKind == TypeKind.Class && type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is SecretsEngineAttribute or AuthMethodAttribute);

        public static BackendModel Build(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var handlers = new List<Handler>();
            var groups = new Dictionary<string, PathGroup>(System.StringComparer.Ordinal);
            var paths = new List<PathGroup>();
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary)
                {
                    var handler = Handler.Read(method, cancellationToken);
                    if (handler is null)
                    {
                        continue;
                    }

                    handlers.Add(handler);
                    foreach (var use in handler.Templates)
                    {
                        if (!groups.TryGetValue(use.Template, out var group))
                        {
                            group = new PathGroup(use.Template, use.Parsed);
                            groups[use.Template] = group;
                            paths.Add(group);
                        }

                        group.Members.Add(handler);
                    }
                }
            }

            var options = new List<PathOptions>();
            foreach (var a in type.GetAttributes())
            {
                if (a.AttributeClass?.ToDisplayString() == PathOptionsAttribute && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string template)
                {
                    var syntax = a.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                    var operations = new List<OperationUse>();
                    foreach (var arg in a.NamedArguments)
                    {
                        if (arg.Key == "Operations" && !arg.Value.IsNull && arg.Value.Kind == TypedConstantKind.Array)
                        {
                            var expressions = ElementExpressions(syntax?.ArgumentList?.Arguments.FirstOrDefault(x => x.NameEquals?.Name.Identifier.ValueText == "Operations")?.Expression);
                            operations.AddRange(OperationUses(arg.Value.Values, expressions, syntax));
                        }
                    }

                    groups.TryGetValue(template, out var group);
                    options.Add(new PathOptions(template, group, operations));
                }
            }

            return new BackendModel(type, handlers, paths, options);
        }

        /// <summary>The elements of an array argument: <c>new[] { … }</c>, <c>new Operation[] { … }</c> or <c>[…]</c>.</summary>
        internal static List<ExpressionSyntax>? ElementExpressions(ExpressionSyntax? expression)
        {
            switch (expression)
            {
                case ArrayCreationExpressionSyntax array when array.Initializer != null:
                    return array.Initializer.Expressions.ToList();
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return implicitArray.Initializer.Expressions.ToList();
                case CollectionExpressionSyntax collection:
                    return collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList();
                default:
                    return null;
            }
        }

        internal static List<OperationUse> OperationUses(System.Collections.Immutable.ImmutableArray<TypedConstant> values, List<ExpressionSyntax>? expressions, SyntaxNode? fallback)
        {
            var uses = new List<OperationUse>();
            var exact = expressions != null && expressions.Count == values.Length;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i].Value is int op)
                {
                    var location = exact ? expressions![i].GetLocation() : fallback?.GetLocation();
                    uses.Add(new OperationUse(op, location ?? Location.None));
                }
            }

            return uses;
        }

        /// <summary>Types handlers receive from the dispatcher rather than from request data.</summary>
        public static bool IsInjectable(ITypeSymbol type)
        {
            var name = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            switch (name)
            {
                case "global::VaultPathGen.Request":
                case "global::VaultPathGen.IStorage":
                case "global::System.Threading.CancellationToken":
                case "global::Microsoft.Extensions.Logging.ILogger":
                case "global::VaultPathGen.FieldData":
                case "global::VaultPathGen.BackendConfig":
                case "global::VaultPathGen.ISystemView":
                    return true;
            }

            return type is INamedTypeSymbol named && named.IsGenericType && named.ConstructedFrom.ToDisplayString() == "Microsoft.Extensions.Logging.ILogger<TCategoryName>";
        }

        /// <summary>The wire name a parameter binds, as the generator computes it; null for injected parameters.</summary>
        public static string? FieldName(IParameterSymbol parameter)
        {
            if (IsInjectable(parameter.Type))
            {
                return null;
            }

            var name = NamingConvention.ToSnakeCase(parameter.Name);
            var field = FieldAttributeOf(parameter);
            if (field != null)
            {
                if (field.ConstructorArguments.Length == 1 && field.ConstructorArguments[0].Value is string explicitName)
                {
                    name = explicitName;
                }

                foreach (var arg in field.NamedArguments)
                {
                    if (arg.Key == "Name" && arg.Value.Value is string named)
                    {
                        name = named;
                    }
                }
            }

            return name;
        }

        public static AttributeData? FieldAttributeOf(IParameterSymbol parameter) =>
            parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == FieldAttribute);

        /// <summary>
        /// Where the template text sits inside its string literal, or null when the literal has escapes
        /// (then offsets in the text are not offsets in the source).
        /// </summary>
        public static TextSpan? TemplateTextSpan(ExpressionSyntax? expression)
        {
            if (expression is LiteralExpressionSyntax literal)
            {
                var token = literal.Token;
                var quote = token.Text.StartsWith("@", System.StringComparison.Ordinal) ? 2 : 1;
                if (token.Text.Length - quote - 1 == token.ValueText.Length)
                {
                    return new TextSpan(token.SpanStart + quote, token.ValueText.Length);
                }
            }

            return null;
        }
    }

    /// <summary>One use of an operation in an attribute, located at its argument.</summary>
    internal sealed class OperationUse
    {
        public OperationUse(int value, Location location)
        {
            Value = value;
            Location = location;
        }

        public int Value { get; }

        public Location Location { get; }
    }

    /// <summary>A [Path("…")] on a method.</summary>
    internal sealed class TemplateUse
    {
        public TemplateUse(string template, PathTemplate? parsed, AttributeSyntax? attribute)
        {
            Template = template;
            Parsed = parsed;
            Attribute = attribute;
        }

        public string Template { get; }

        /// <summary>Null when the template is invalid (the generator reports VPG0004).</summary>
        public PathTemplate? Parsed { get; }

        public AttributeSyntax? Attribute { get; }

        public ExpressionSyntax? Literal => Attribute?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;

        public Location LiteralLocation => Literal?.GetLocation() ?? Attribute?.GetLocation() ?? Location.None;

        /// <summary>The location of the capture named <paramref name="capture"/> in the literal, e.g. <c>&lt;name&gt;</c>.</summary>
        public Location CaptureLocation(string capture)
        {
            var part = Parsed?.Parts.FirstOrDefault(p => p.IsCapture && p.Text == capture);
            var span = BackendModel.TemplateTextSpan(Literal);
            if (part is null || span is null || Literal is null)
            {
                return LiteralLocation;
            }

            var close = Template.IndexOf('>', part.Position);
            var length = close < 0 ? 1 : close - part.Position + 1;
            return Location.Create(Literal.SyntaxTree, new TextSpan(span.Value.Start + part.Position, length));
        }
    }

    /// <summary>A method that declares paths: a handler, an existence check, or both.</summary>
    internal sealed class Handler
    {
        private Handler(IMethodSymbol method, List<TemplateUse> templates, bool hasPattern, List<OperationUse> operations, bool isExistenceCheck, string? summary)
        {
            Method = method;
            Templates = templates;
            HasPattern = hasPattern;
            Operations = operations;
            IsExistenceCheck = isExistenceCheck;
            SummaryArgument = summary;
        }

        public IMethodSymbol Method { get; }

        public IReadOnlyList<TemplateUse> Templates { get; }

        /// <summary>Whether the method also has a [PathPattern] (regex) path.</summary>
        public bool HasPattern { get; }

        public IReadOnlyList<OperationUse> Operations { get; }

        public bool IsExistenceCheck { get; }

        /// <summary>[Operation(Summary = …)], when set.</summary>
        public string? SummaryArgument { get; }

        public bool Serves(int op) => Operations.Any(o => o.Value == op);

        public static Handler? Read(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var templates = new List<TemplateUse>();
            var hasPattern = false;
            var operations = new List<OperationUse>();
            var isExistenceCheck = false;
            string? summary = null;
            foreach (var a in method.GetAttributes())
            {
                switch (a.AttributeClass?.ToDisplayString())
                {
                    case BackendModel.PathAttribute:
                        if (a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string text)
                        {
                            templates.Add(new TemplateUse(text, PathTemplate.Parse(text, out _), a.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax));
                        }

                        break;
                    case BackendModel.PathPatternAttribute:
                        hasPattern = true;
                        break;
                    case BackendModel.OperationAttribute:
                        if (a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Kind == TypedConstantKind.Array)
                        {
                            var syntax = a.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                            var positional = syntax?.ArgumentList?.Arguments.Where(x => x.NameEquals is null && x.NameColon is null).Select(x => x.Expression).ToList();
                            if (positional != null && positional.Count == 1 && BackendModel.ElementExpressions(positional[0]) is { } elements)
                            {
                                positional = elements;
                            }

                            operations.AddRange(BackendModel.OperationUses(a.ConstructorArguments[0].Values, positional, syntax));
                        }

                        foreach (var arg in a.NamedArguments)
                        {
                            if (arg.Key == "Summary")
                            {
                                summary = arg.Value.Value as string;
                            }
                        }

                        break;
                    case BackendModel.ExistenceCheckAttribute:
                        isExistenceCheck = true;
                        break;
                }
            }

            if (templates.Count == 0 && !hasPattern)
            {
                return null;
            }

            return new Handler(method, templates, hasPattern, operations, isExistenceCheck, summary);
        }
    }

    /// <summary>All methods declaring one template.</summary>
    internal sealed class PathGroup
    {
        public PathGroup(string template, PathTemplate? parsed)
        {
            Template = template;
            Parsed = parsed;
        }

        public string Template { get; }

        public PathTemplate? Parsed { get; }

        public List<Handler> Members { get; } = new List<Handler>();

        public bool HasExistenceCheck => Members.Any(m => m.IsExistenceCheck);

        public bool Serves(int op) => Members.Any(m => m.Serves(op));
    }

    /// <summary>A [PathOptions("…")] on the backend.</summary>
    internal sealed class PathOptions
    {
        public PathOptions(string template, PathGroup? path, List<OperationUse> operations)
        {
            Template = template;
            Path = path;
            Operations = operations;
        }

        public string Template { get; }

        /// <summary>Null when no handler declares the template (the generator reports VPG0021).</summary>
        public PathGroup? Path { get; }

        public IReadOnlyList<OperationUse> Operations { get; }
    }
}
