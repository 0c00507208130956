using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>
    /// XML documentation of a symbol: summary, remarks and parameter texts. Read from the comment
    /// trivia itself, so it works whether or not the project generates a documentation file.
    /// </summary>
    internal sealed class XmlDocs
    {
        private static readonly Regex Whitespace = new Regex(@"\s+");
        private readonly Dictionary<string, string> _params;

        private XmlDocs(string summary, string remarks, Dictionary<string, string> parameters)
        {
            Summary = summary;
            Remarks = remarks;
            _params = parameters;
        }

        public string Summary { get; }

        public string Remarks { get; }

        public string Param(string name) => _params.TryGetValue(name, out var text) ? text : "";

        public static XmlDocs For(ISymbol symbol, CancellationToken cancellationToken)
        {
            var xml = symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken);
            if (string.IsNullOrWhiteSpace(xml))
            {
                xml = FromTrivia(symbol, cancellationToken);
            }

            if (string.IsNullOrWhiteSpace(xml))
            {
                return new XmlDocs("", "", new Dictionary<string, string>());
            }

            try
            {
                var root = XElement.Parse("<root>" + xml + "</root>");
                var doc = root.Element("member") ?? root.Element("doc") ?? root;
                var parameters = new Dictionary<string, string>();
                foreach (var p in doc.Elements("param"))
                {
                    var name = (string?)p.Attribute("name");
                    if (name != null)
                    {
                        parameters[name] = Text(p);
                    }
                }

                return new XmlDocs(Text(doc.Element("summary")), Text(doc.Element("remarks")), parameters);
            }
            catch (System.Xml.XmlException)
            {
                return new XmlDocs("", "", new Dictionary<string, string>());
            }
        }

        private static string FromTrivia(ISymbol symbol, CancellationToken cancellationToken)
        {
            var syntax = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
            if (syntax is null)
            {
                return "";
            }

            var sb = new StringBuilder();
            foreach (var trivia in syntax.GetLeadingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
                {
                    foreach (var line in trivia.ToFullString().Split('\n'))
                    {
                        var t = line.Trim();
                        sb.Append(t.StartsWith("///", System.StringComparison.Ordinal) ? t.Substring(3) : t).Append('\n');
                    }
                }
                else if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
                {
                    var t = trivia.ToString();
                    if (t.StartsWith("///", System.StringComparison.Ordinal))
                    {
                        sb.Append(t.Substring(3)).Append('\n');
                    }
                }
            }

            return sb.ToString();
        }

        /// <summary>The element's text with <c>see cref</c> and <c>c</c> flattened and whitespace folded.</summary>
        private static string Text(XElement? element)
        {
            if (element is null)
            {
                return "";
            }

            var sb = new StringBuilder();
            foreach (var node in element.Nodes())
            {
                switch (node)
                {
                    case XText text:
                        sb.Append(text.Value);
                        break;
                    case XElement e when e.Name.LocalName == "see" || e.Name.LocalName == "seealso":
                        var target = (string?)e.Attribute("cref") ?? (string?)e.Attribute("langword") ?? (string?)e.Attribute("href") ?? e.Value;
                        sb.Append(target.Contains(":") && target.Length > 2 && target[1] == ':' ? target.Substring(2).Split('.').Last() : target);
                        break;
                    case XElement e when e.Name.LocalName == "paramref" || e.Name.LocalName == "typeparamref":
                        sb.Append((string?)e.Attribute("name"));
                        break;
                    case XElement e:
                        sb.Append(Text(e));
                        break;
                }
            }

            return Whitespace.Replace(sb.ToString(), " ").Trim();
        }
    }
}
