using System.Text;
using System.Text.RegularExpressions;
using VaultPathGen.Routing;

namespace VaultPathGen.Tests.Routing;

public class PathTemplateTests
{
    public static readonly TheoryData<string> Templates =
    [
        "kv/<key>",
        "kv[/]",
        "users/<user@>",
        "data/<path*>",
        "data/<path+>",
        "data/<key**>",
        "blobs/<key**>/meta",
        "kv/[<dir+>/]",
        "opt[/<key**>]",
        "blobs/<path+>/meta",
        "roles[/<name>]",
        "roles/<name>[/<version>]",
        "creds/<role>/<name@>",
        "opt[/<rest+>]",
        "<name>/rotate",
        "a-b.c/<x>:go",
    ];

    /// <summary>Vault's regex for a template, run by .NET with Go's semantics: ASCII \w, '.' not matching '\n', '$' only at the very end.</summary>
    private static Regex VaultRegex(PathTemplate template)
    {
        var pattern = template.ToVaultRegex();
        Assert.StartsWith("^", pattern, StringComparison.Ordinal);
        Assert.EndsWith("$", pattern, StringComparison.Ordinal);
        var dotnet = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal)[..^1] + @"\z";
        return new Regex(dotnet, RegexOptions.ECMAScript);
    }

    private static IEnumerable<string> Corpus(PathTemplate template, int seed)
    {
        var random = new Random(seed);
        const string alphabet = "ab1_-.@/:\n";
        string RandomText(int max)
        {
            var sb = new StringBuilder();
            var n = random.Next(max + 1);
            for (var i = 0; i < n; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return sb.ToString();
        }

        foreach (var variant in template.Variants)
        {
            yield return variant.ExamplePath();
            for (var i = 0; i < 1500; i++)
            {
                var sb = new StringBuilder();
                foreach (var part in variant.Parts)
                {
                    sb.Append(part.Kind == TemplatePartKind.Literal && random.Next(10) > 0 ? part.Text : RandomText(6));
                }

                if (random.Next(8) == 0)
                {
                    sb.Append(RandomText(3));
                }

                yield return sb.ToString();
            }
        }

        for (var i = 0; i < 500; i++)
        {
            yield return RandomText(12);
        }
    }

    /// <summary>string.GetHashCode differs per process: a corpus seeded with it made the test flaky.</summary>
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0xffff);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Matching_agrees_with_vaults_regex_on_thousands_of_paths(string text)
    {
        var template = PathTemplate.Parse(text, out var error);
        Assert.Null(error);
        var regex = VaultRegex(template!);
        var matched = 0;
        foreach (var path in Corpus(template!, StableSeed(text)))
        {
            var expected = regex.Match(path);
            var actual = template!.TryMatch(path, out var captures);
            Assert.True(expected.Success == actual, $"\"{text}\" on \"{path.Replace("\n", "\\n", StringComparison.Ordinal)}\": regex {expected.Success}, template {actual}");
            if (actual)
            {
                matched++;
                foreach (var name in template.Captures)
                {
                    Assert.Equal(expected.Groups[name].Value, captures[name]);
                }
            }
        }

        Assert.True(matched > 10, $"the corpus matched only {matched} paths; the test would prove little");
    }

    [Theory]
    [InlineData("kv/<key>", "kv/a-b.c", "key=a-b.c")]
    [InlineData("kv/<key>", "kv/-a", null)]
    [InlineData("kv/<key>", "kv/a.", null)]
    [InlineData("kv/<key>", "kv/é", null)]
    [InlineData("kv/<key>", "kv/a@b", null)]
    [InlineData("users/<u@>", "users/me@corp", "u=me@corp")]
    [InlineData("kv[/]", "kv", "")]
    [InlineData("kv[/]", "kv/", "")]
    [InlineData("roles[/<name>]", "roles", "name=")]
    [InlineData("roles[/<name>]", "roles/admin", "name=admin")]
    [InlineData("roles[/<name>]", "roles/", null)]
    [InlineData("data/<p*>", "data/", "p=")]
    [InlineData("data/<p*>", "data/a/b/c", "p=a/b/c")]
    [InlineData("data/<p+>", "data/", null)]
    [InlineData("data/<p*>", "data/a\nb", null)]
    [InlineData("blobs/<p+>/meta", "blobs/x/meta/meta", "p=x/meta")]
    [InlineData("data/<k**>", "data/a/b", "k=a/b")]
    [InlineData("data/<k**>", "data/a/b/", null)]
    [InlineData("data/<k**>", "data/", null)]
    [InlineData("data/<k**>", "data//x", "k=/x")]
    [InlineData("data/<k**>", "data/a\nb", null)]
    [InlineData("data/<k**>", "data/a\n", "k=a\n")]
    [InlineData("blobs/<k**>/meta", "blobs/a//meta", null)]
    [InlineData("blobs/<k**>/meta", "blobs/a/b/meta", "k=a/b")]
    public void Matches_like_vault(string text, string path, string? expected)
    {
        var template = PathTemplate.Parse(text, out _)!;
        var ok = template.TryMatch(path, out var captures);
        if (expected is null)
        {
            Assert.False(ok);
            return;
        }

        Assert.True(ok);
        var rendered = string.Join(",", captures.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value));
        Assert.Equal(expected, rendered);
    }

    [Theory]
    [InlineData("kv/<key>", @"^kv/(?P<key>\w(([\w-.]+)?\w)?)$")]
    [InlineData("users/<u@>", @"^users/(?P<u>\w(([\w-.@]+)?\w)?)$")]
    [InlineData("roles[/<name>]", @"^roles(/(?P<name>\w(([\w-.]+)?\w)?))?$")]
    [InlineData("opt[/<rest+>]", @"^opt(/(?P<rest>.+))?$")]
    [InlineData("data/<path*>", @"^data/(?P<path>.*)$")]
    [InlineData("data/<path**>", @"^data/(?P<path>.*?[^/])$")]
    [InlineData("kv[/]", @"^kv(/)?$")]
    [InlineData("a.b", @"^a\.b$")]
    public void Vault_regex_is_what_vaults_helpers_write(string text, string regex) =>
        Assert.Equal(regex, PathTemplate.Parse(text, out _)!.ToVaultRegex());

    [Theory]
    [InlineData("", 0)]
    [InlineData("/kv", 0)]
    [InlineData("kv/<key", 3)]
    [InlineData("kv/key>", 6)]
    [InlineData("kv/<>", 3)]
    [InlineData("kv/<1a>", 3)]
    [InlineData("kv/<a b>", 3)]
    [InlineData("kv/<a>/<a>", 7)]
    [InlineData("kv/<a><b>", 6)]
    [InlineData("kv/<a>-x", 6)]
    [InlineData("kv/<a@>@x", 7)]
    [InlineData("kv/<p*>/<q>", 8)]
    [InlineData("kv/<**>", 3)]
    [InlineData("kv/<k***>", 3)]
    [InlineData("kv/<k**>/<q>", 9)]
    [InlineData("kv/<p+>[/<q>]", 9)]
    [InlineData("kv[/[x]]", 4)]
    [InlineData("kv[/x", 2)]
    [InlineData("kv]", 2)]
    [InlineData("kv[]", 2)]
    [InlineData("kv[/]x", 5)]
    [InlineData("[kv]", 0)]
    [InlineData("kv/?", 3)]
    [InlineData("kv/(a|b)", 3)]
    [InlineData("kv/a\tb", 4)]
    public void Invalid_templates_report_where_the_problem_is(string text, int position)
    {
        var template = PathTemplate.Parse(text, out var error);
        Assert.Null(template);
        Assert.NotNull(error);
        Assert.Equal(position, error.Position);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Precedence_prefers_literals_then_names_then_multi_segment_captures()
    {
        string[] templates = ["<p*>", "kv/<p+>", "kv/<key>", "kv/config", "kv/<p*>", "kv/<k**>", "kv/<u@>", "kv", "<n>/rotate"];
        var ordered = templates
            .SelectMany(t => PathTemplate.Parse(t, out _)!.Variants)
            .OrderBy(v => v, TemplateVariant.Precedence)
            .Select(v => v.TemplateText)
            .ToList();

        Assert.Equal(["kv", "kv/config", "kv/<key>", "kv/<u@>", "kv/<k**>", "kv/<p+>", "kv/<p*>", "<n>/rotate", "<p*>"], ordered);
    }

    [Fact]
    public void Precedence_does_not_depend_on_declaration_order()
    {
        string[] templates = ["a/<x>", "a/b", "a/<p*>", "<n>/b", "a[/]", "a/<x@>"];
        var expected = Order(templates);
        var random = new Random(7);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(expected, Order([.. templates.OrderBy(_ => random.Next())]));
        }

        static List<string> Order(IEnumerable<string> list) =>
            [.. list.SelectMany(t => PathTemplate.Parse(t, out _)!.Variants).OrderBy(v => v, TemplateVariant.Precedence).Select(v => v.TemplateText + "#" + v.Index)];
    }

    [Theory]
    [InlineData("a/<x>", "a/<y>", true)]
    [InlineData("a/<x>", "a/<y@>", false)]
    [InlineData("a/<p*>", "a/<q*>", true)]
    [InlineData("a/<p**>", "a/<q**>", true)]
    [InlineData("a/<p**>", "a/<q+>", false)]
    [InlineData("a[/<x>]", "a/<y>", true)]
    [InlineData("a/<x>/b", "a/<y>/c", false)]
    public void Same_shape_means_the_same_paths(string first, string second, bool same)
    {
        var a = PathTemplate.Parse(first, out _)!.Variants;
        var b = PathTemplate.Parse(second, out _)!.Variants;
        Assert.Equal(same, a.Any(x => b.Any(y => x.Shape == y.Shape)));
    }
}
