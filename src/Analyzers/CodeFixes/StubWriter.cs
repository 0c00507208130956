using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using VaultPathGen.Analyzers.Model;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Routing;

namespace VaultPathGen.Analyzers.CodeFixes
{
    /// <summary>
    /// Writes new handler and existence-check methods into a backend class, in the style of the
    /// handlers already there: same template, capture parameters copied from a sibling so their
    /// types and [Field] metadata agree, and a body that throws until someone writes it.
    /// </summary>
    internal static class StubWriter
    {
        private static readonly string[] Verbs =
            { "Read", "Write", "Create", "Update", "Patch", "Delete", "List", "Get", "Put", "Set", "Remove", "Handle", "Check" };

        private static readonly char[] WordSeparators = { '/', '-', '.', '_', ':', '@' };

        /// <summary>Adds a handler for <paramref name="operation"/> on <paramref name="template"/>, after the path's last method.</summary>
        public static Task<Document> AddHandlerAsync(Document document, SyntaxNode anyNodeInClass, string template, string operation, CancellationToken cancellationToken) =>
            AddAsync(document, anyNodeInClass, template, (backend, group, unit, nullable) =>
            {
                var op = OperationNames.Value(operation);
                var name = UniqueName(backend.Type, operation + Suffix(group, template));
                var sb = new StringBuilder();
                sb.Append("/// <summary>").Append(Xml(OperationNames.WireName(op))).Append(" on <c>").Append(Xml(template)).Append("</c>: not implemented yet.</summary>\n");
                var parameters = CaptureParameters(backend, group, sb);
                sb.Append("[Path(").Append(Literal(template)).Append("), Operation(").Append(OperationReference(unit, backend.Type, operation)).Append(")]\n");
                sb.Append("public global::System.Threading.Tasks.Task<global::VaultPathGen.Response").Append(nullable ? "?" : "").Append("> ")
                    .Append(name).Append('(').Append(parameters).Append(") => throw new global::System.NotImplementedException();\n");
                return (sb.ToString(), false);
            }, cancellationToken);

        /// <summary>Adds an existence check for <paramref name="template"/>, before the path's first method.</summary>
        public static Task<Document> AddExistenceCheckAsync(Document document, SyntaxNode anyNodeInClass, string template, CancellationToken cancellationToken) =>
            AddAsync(document, anyNodeInClass, template, (backend, group, unit, nullable) =>
            {
                var name = UniqueName(backend.Type, Suffix(group, template) + "Exists");
                var sb = new StringBuilder();
                sb.Append("/// <summary>Whether the item at <c>").Append(Xml(template)).Append("</c> exists, so Vault sends create or update.</summary>\n");
                var parameters = CaptureParameters(backend, group, sb);
                sb.Append("[Path(").Append(Literal(template)).Append("), ExistenceCheck]\n");
                sb.Append("public bool ").Append(name).Append('(').Append(parameters).Append(") => throw new global::System.NotImplementedException();\n");
                return (sb.ToString(), true);
            }, cancellationToken);

        private static async Task<Document> AddAsync(Document document, SyntaxNode anyNodeInClass, string template,
            System.Func<BackendModel, PathGroup?, CompilationUnitSyntax, bool, (string Text, bool Before)> write, CancellationToken cancellationToken)
        {
            var classDeclaration = anyNodeInClass.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (classDeclaration is null || root is null || semanticModel is null || !(semanticModel.GetDeclaredSymbol(classDeclaration, cancellationToken) is { } type))
            {
                return document;
            }

            var backend = BackendModel.Build(type, cancellationToken);
            var group = backend.Paths.FirstOrDefault(p => p.Template == template);
            var nullable = semanticModel.GetNullableContext(classDeclaration.SpanStart).AnnotationsEnabled();
            var (text, before) = write(backend, group, (CompilationUnitSyntax)root, nullable);
            if (!(ParseMethod(root, text, out var newline) is { } method))
            {
                return document;
            }

            var siblings = classDeclaration.Members.OfType<MethodDeclarationSyntax>()
                .Where(m => group != null && group.Members.Any(h => h.Method.DeclaringSyntaxReferences.Any(r => r.Span == m.Span && r.SyntaxTree == m.SyntaxTree)))
                .ToList();
            SyntaxNode newClass;
            if (siblings.Count == 0)
            {
                newClass = classDeclaration.AddMembers(WithBlankLineBefore(method, newline, classDeclaration.Members.Count > 0));
            }
            else if (before)
            {
                newClass = classDeclaration.InsertNodesBefore(siblings[0], new[] { method.WithTrailingTrivia(method.GetTrailingTrivia().Add(SyntaxFactory.EndOfLine(newline))) });
            }
            else
            {
                newClass = classDeclaration.InsertNodesAfter(siblings[siblings.Count - 1], new[] { WithBlankLineBefore(method, newline, true) });
            }

            return document.WithSyntaxRoot(root.ReplaceNode(classDeclaration, newClass));
        }

        /// <summary>
        /// <paramref name="text"/> (written with <c>\n</c>) as a method in the file's own line endings,
        /// marked to be formatted and its <c>global::</c> names simplified; null when it does not parse.
        /// </summary>
        internal static MethodDeclarationSyntax? ParseMethod(SyntaxNode root, string text, out string newline)
        {
            newline = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString();
            newline = newline.Length == 0 ? "\n" : newline;
            return SyntaxFactory.ParseMemberDeclaration(text.Replace("\n", newline)) is MethodDeclarationSyntax method
                ? method.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation)
                : null;
        }

        internal static MethodDeclarationSyntax WithBlankLineBefore(MethodDeclarationSyntax method, string newline, bool blank) =>
            blank ? method.WithLeadingTrivia(method.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(newline))) : method;

        /// <summary>
        /// A parameter per capture: a sibling's parameter for it when there is one (same type and
        /// [Field] metadata, so the path's field keeps one type), else a string; fresh ones get a
        /// <c>&lt;param&gt;</c> line in <paramref name="docs"/>.
        /// </summary>
        private static string CaptureParameters(BackendModel backend, PathGroup? group, StringBuilder docs)
        {
            var parameters = new List<string>();
            foreach (var capture in group?.Parsed?.Captures ?? System.Array.Empty<string>())
            {
                var sibling = group!.Members.SelectMany(m => m.Method.Parameters).FirstOrDefault(p => BackendModel.FieldName(p) == capture);
                var syntax = sibling?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as ParameterSyntax;
                if (syntax != null)
                {
                    parameters.Add(syntax.WithDefault(null).WithoutTrivia().NormalizeWhitespace().ToString());
                    continue;
                }

                docs.Append("/// <param name=\"").Append(Xml(capture)).Append("\">The ").Append(Xml(capture)).Append(" from the path.</param>\n");
                parameters.Add(NewCaptureParameter(capture));
            }

            return string.Join(", ", parameters);
        }

        /// <summary><c>string name</c>, with [Field("name")] when the conventional snake_case name would differ.</summary>
        public static string NewCaptureParameter(string capture)
        {
            var identifier = SyntaxFacts.GetKeywordKind(capture) != SyntaxKind.None ? "@" + capture : capture;

            return NamingConvention.ToSnakeCase(capture) == capture ? "string " + identifier : "[Field(" + Literal(capture) + ")] string " + identifier;
        }

        /// <summary>The word after the verb of a sibling handler (<c>ReadSecret</c> → <c>Secret</c>), else the template's words.</summary>
        private static string Suffix(PathGroup? group, string template)
        {
            foreach (var member in group?.Members ?? new List<Handler>())
            {
                var name = member.Method.Name;
                foreach (var verb in Verbs)
                {
                    if (name.Length > verb.Length && name.StartsWith(verb, System.StringComparison.Ordinal) && char.IsUpper(name[verb.Length]))
                    {
                        return name.Substring(verb.Length);
                    }
                }
            }

            var sb = new StringBuilder();
            var parsed = PathTemplate.Parse(template, out _);
            foreach (var part in parsed?.Parts ?? System.Array.Empty<TemplatePart>())
            {
                if (part.Kind != TemplatePartKind.Literal)
                {
                    continue;
                }

                foreach (var word in part.Text.Split(WordSeparators, System.StringSplitOptions.RemoveEmptyEntries))
                {
                    if (word.All(char.IsLetterOrDigit))
                    {
                        sb.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
                    }
                }
            }

            return sb.Length > 0 && !char.IsDigit(sb[0]) ? sb.ToString() : "Path";
        }

        internal static string UniqueName(INamedTypeSymbol type, string name)
        {
            var candidate = name;
            for (var i = 2; type.GetMembers(candidate).Length > 0 || candidate == type.Name; i++)
            {
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        /// <summary>
        /// <c>Update</c> where the file has <c>using static VaultPathGen.Operation;</c> and no member of
        /// the class hides the enum member (attribute arguments bind in the class's scope), else <c>Operation.Update</c>.
        /// </summary>
        public static string OperationReference(CompilationUnitSyntax unit, INamedTypeSymbol type, string operation)
        {
            var usingStatic = unit.Usings.Concat(unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().SelectMany(n => n.Usings))
                .Any(u => u.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && u.Name?.ToString().Replace("global::", "") == "VaultPathGen.Operation");
            var hidden = type.GetMembers(operation).Length > 0;
            return usingStatic && !hidden ? operation : "Operation." + operation;
        }

        public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        internal static string Xml(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
    }
}
