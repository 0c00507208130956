using System.Text;
using VaultPathGen.Routing;

namespace VaultPathGen.Generator.Tests;

/// <summary>
/// The generated router shares the steps of neighbouring routes (a tree per first segment) instead of
/// trying each route in turn. These tests hold it to the plain semantics: over backends of random
/// templates and thousands of paths, it must pick the path and captures that trying every template
/// form in precedence order would (the reference below, built on the runtime's own
/// <see cref="TemplateVariant.TryMatch"/>), and a <c>[PathPattern]</c> only after all of them.
/// </summary>
public class RouteTreeTests
{
    private const int Backends = 6;
    private const int Slots = 8;

    private static readonly string[] Words = ["a", "ab", "b", "x-y", "rotate", "c", "ca"];
    private static readonly string[] Captures = ["<{0}>", "<{0}@>", "<{0}**>", "<{0}+>", "<{0}*>"];
    private static readonly string[] NameValues = ["a", "ab", "a-b", "a.b", "a@b", "-a", "a-", "rotate", "x-y", ""];
    private static readonly string[] TailValues = ["", "a", "a/b", "a/", "/a", "a/b/", "rotate/x"];
    private static readonly string[] Suffixes = ["", "/", "a", "/a", "-", "@b", "/rotate", "/meta"];

    /// <summary>A random template: segments of words and captures, a slash-spanning capture only last, sometimes an optional group.</summary>
    private static string RandomTemplate(Random random)
    {
        var sb = new StringBuilder();
        var segments = random.Next(1, 4);
        var capture = 0;
        for (var s = 0; s < segments; s++)
        {
            if (s > 0)
            {
                sb.Append('/');
            }

            var last = s == segments - 1;
            switch (random.Next(s == 0 ? 5 : 4))
            {
                case 0:
                case 1:
                    sb.Append(Words[random.Next(Words.Length)]);
                    break;
                case 2:
                    sb.Append(Words[random.Next(Words.Length)]).Append(string.Format(Captures[random.Next(2)], "v" + capture++));
                    break;
                default:
                    var kind = last ? random.Next(Captures.Length) : random.Next(2);
                    sb.Append(string.Format(Captures[kind], "v" + capture++));
                    if (kind >= 2 && random.Next(3) == 0)
                    {
                        sb.Append("/meta");
                    }

                    if (kind >= 2)
                    {
                        s = segments;
                    }

                    break;
            }
        }

        switch (random.Next(6))
        {
            case 0: sb.Append("[/]"); break;
            case 1: sb.Append("[/" + string.Format(Captures[random.Next(Captures.Length)], "o") + "]"); break;
            case 2: sb.Append(":go"); break;
        }

        return sb.ToString();
    }

    /// <summary>Random templates that parse and whose shapes differ (two of one shape are an error).</summary>
    private static List<string> RandomTemplates(Random random, int count)
    {
        var templates = new List<string>();
        var shapes = new HashSet<string>();
        while (templates.Count < count)
        {
            var text = RandomTemplate(random);
            if (PathTemplate.Parse(text, out _) is not { } parsed || templates.Contains(text) || parsed.Variants.Any(v => shapes.Contains(v.Shape)))
            {
                continue;
            }

            templates.Add(text);
            shapes.UnionWith(parsed.Variants.Select(v => v.Shape));
        }

        return templates;
    }

    private static string BackendSource(string name, IReadOnlyList<string> templates, bool withRegex)
    {
        var sb = new StringBuilder();
        sb.AppendLine("[SecretsEngine]");
        sb.AppendLine("public partial class " + name);
        sb.AppendLine("{");
        for (var i = 0; i < templates.Count; i++)
        {
            var captures = PathTemplate.Parse(templates[i], out _)!.Captures;
            sb.AppendLine("    [Path(\"" + templates[i] + "\"), Operation(Read), OperationId(Suffix = \"p" + i + "\")] public Response? P" + i + "(" + string.Join(", ", captures.Select(c => "string " + c)) + ") => null;");
        }

        if (withRegex)
        {
            sb.AppendLine("    [System.Text.RegularExpressions.GeneratedRegex(@\"^(?<v0>\\w+)/(?<v1>[a-z]+)/?\\z\", System.Text.RegularExpressions.RegexOptions.ECMAScript)]");
            sb.AppendLine("    private static partial System.Text.RegularExpressions.Regex Pattern();");
            sb.AppendLine("    [PathPattern(nameof(Pattern)), Operation(Read), OperationId(Suffix = \"regex\")] public Response? R(string v0, string v1) => null;");
        }

        sb.AppendLine("}");
        sb.AppendLine("public static class " + name + "Probe");
        sb.AppendLine("{");
        sb.AppendLine("    public static string[] Route(string path)");
        sb.AppendLine("    {");
        sb.AppendLine("        Span<Range> captures = stackalloc Range[" + Slots + "];");
        sb.AppendLine("        var index = " + name + ".VaultRoute(path, captures);");
        sb.AppendLine("        var result = new string[" + (Slots + 1) + "];");
        sb.AppendLine("        result[0] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);");
        sb.AppendLine("        for (var i = 0; i < " + Slots + "; i++) result[i + 1] = path[captures[i]];");
        sb.AppendLine("        return result;");
        sb.AppendLine("    }");
        sb.AppendLine("}");
        return sb.ToString();
    }

    /// <summary>
    /// Drops templates until the generator accepts the backend: random sets can hold templates that
    /// others shadow completely, which it reports as an error (and then generates nothing).
    /// </summary>
    private static List<string> Reachable(string name, List<string> templates, bool withRegex)
    {
        while (true)
        {
            var source = "namespace Samples;\n" + BackendSource(name, templates, withRegex);
            var outcome = GeneratorHarness.Run(source);
            var text = (GeneratorHarness.Usings + source).Split('\n');
            var errors = outcome.GeneratorDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
            if (errors.Count == 0)
            {
                return templates;
            }

            Assert.All(errors, e => Assert.Equal("VPG0025", e.Id));
            var lines = errors.Select(e => text[e.Location.GetLineSpan().StartLinePosition.Line]).ToList();
            var before = templates.Count;
            templates = templates.Where(t => !lines.Any(l => l.Contains("[Path(\"" + t + "\")", StringComparison.Ordinal))).ToList();
            Assert.True(templates.Count < before, "could not map the diagnostics to templates: " + string.Join("\n", errors));
        }
    }

    /// <summary>Paths near every form: captures filled with valid and invalid values, every prefix, and odd endings.</summary>
    private static IEnumerable<string> Corpus(IEnumerable<string> templates, Random random)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal) { "", "/", "a", "ab/", "a/b/c/d" };
        foreach (var variant in templates.SelectMany(t => PathTemplate.Parse(t, out _)!.Variants))
        {
            for (var n = 0; n < 12; n++)
            {
                var sb = new StringBuilder();
                foreach (var part in variant.Parts)
                {
                    sb.Append(part.Kind switch
                    {
                        TemplatePartKind.Literal => part.Text,
                        TemplatePartKind.Name or TemplatePartKind.NameWithAt => NameValues[random.Next(NameValues.Length)],
                        _ => TailValues[random.Next(TailValues.Length)],
                    });
                }

                var path = sb.ToString() + Suffixes[random.Next(Suffixes.Length)];
                for (var i = 0; i <= path.Length; i++)
                {
                    paths.Add(path[..i]);
                }
            }
        }

        for (var n = 0; n < 300; n++)
        {
            var length = random.Next(10);
            paths.Add(new string(Enumerable.Range(0, length).Select(_ => "abc/-.@x\n"[random.Next(9)]).ToArray()));
        }

        return paths.Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// The reference: every template form in precedence order, each tried alone from the start of the
    /// path, then the regex; the first match wins. Returns the index in the descriptor and the captures.
    /// </summary>
    private static string[] Reference(BackendDescriptor descriptor, string path)
    {
        var forms = new List<(TemplateVariant Form, int Index)>();
        for (var i = 0; i < descriptor.Paths.Count; i++)
        {
            if (PathTemplate.Parse(descriptor.Paths[i].Template, out _) is { } parsed && !descriptor.Paths[i].Template.StartsWith('^'))
            {
                forms.AddRange(parsed.Variants.Select(v => (v, i)));
            }
        }

        forms.Sort((x, y) => TemplateVariant.Precedence.Compare(x.Form, y.Form));
        foreach (var (form, index) in forms)
        {
            if (form.TryMatch(path, out var captures))
            {
                var names = PathTemplate.Parse(descriptor.Paths[index].Template, out _)!.Captures;
                return [index.ToString(System.Globalization.CultureInfo.InvariantCulture), .. names.Select(n => captures[n])];
            }
        }

        for (var i = 0; i < descriptor.Paths.Count; i++)
        {
            var template = descriptor.Paths[i].Template;
            if (template.StartsWith('^'))
            {
                var match = new System.Text.RegularExpressions.Regex(template, System.Text.RegularExpressions.RegexOptions.ECMAScript).Match(path);
                if (match.Success)
                {
                    return [i.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["v0"].Value, match.Groups["v1"].Value];
                }
            }
        }

        return ["-1"];
    }

    [Fact]
    public void The_tree_routes_every_path_as_the_precedence_list_does()
    {
        var random = new Random(20261201);
        var sources = new StringBuilder("namespace Samples;\n");
        var names = new List<string>();
        for (var b = 0; b < Backends; b++)
        {
            var name = "Random" + b;
            var templates = Reachable(name, RandomTemplates(random, 14 + 2 * b), withRegex: b % 2 == 1);
            names.Add(name);
            sources.AppendLine(BackendSource(name, templates, withRegex: b % 2 == 1));
        }

        var assembly = GeneratorHarness.Load(sources.ToString(), "Samples.Random0").GetType().Assembly;
        var compared = 0;
        var hits = 0;
        foreach (var name in names)
        {
            var backend = (IBackend)Activator.CreateInstance(assembly.GetType("Samples." + name)!)!;
            var probe = assembly.GetType("Samples." + name + "Probe")!.GetMethod("Route")!;
            var descriptor = backend.Descriptor;
            var templates = descriptor.Paths.Select(p => p.Template).Where(t => !t.StartsWith('^')).ToList();
            foreach (var path in Corpus(templates, random))
            {
                var expected = Reference(descriptor, path);
                var actual = (string[])probe.Invoke(null, [path])!;
                Assert.True(
                    expected.SequenceEqual(actual.Take(expected.Length)),
                    $"{name}: '{path}' routes to [{string.Join(", ", actual.Take(expected.Length))}], the precedence list to [{string.Join(", ", expected)}]\n"
                    + string.Join("\n", descriptor.Paths.Select((p, i) => i + ": " + p.Template)));
                compared++;
                hits += expected[0] == "-1" ? 0 : 1;
            }
        }

        // The corpus must exercise the router: many paths, most of them hits, some misses.
        Assert.True(compared > 2000, compared + " paths compared");
        Assert.True(hits > compared / 3 && hits < compared, hits + " hits of " + compared);
    }
}
