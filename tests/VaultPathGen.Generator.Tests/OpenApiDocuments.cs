using System.Text;
using System.Text.Json.Nodes;

namespace VaultPathGen.Generator.Tests;

/// <summary>Reads the document constant out of the generated <c>*.OpenApi.g.cs</c> source.</summary>
internal static class OpenApiDocuments
{
    public static JsonObject Of(GeneratorOutcome outcome, string mountType)
    {
        var source = outcome.Sources.Single(s => s.Key.EndsWith(".OpenApi.g.cs", StringComparison.Ordinal)).Value;
        var json = new StringBuilder();
        foreach (var line in source.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('"')))
        {
            json.Append(Unescape(line[1..line.LastIndexOf('"')]));
        }

        return (JsonObject)JsonNode.Parse(GeneratorInternals.ApplyMountType(json.ToString(), mountType))!;
    }

    /// <summary>The C# escapes SymbolDisplay.FormatLiteral writes.</summary>
    private static string Unescape(string literal)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '\\')
            {
                sb.Append(literal[i]);
                continue;
            }

            var e = literal[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '0': sb.Append('\0'); break;
                case 'u':
                    sb.Append((char)Convert.ToInt32(literal.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                default: sb.Append(e); break;
            }
        }

        return sb.ToString();
    }
}
