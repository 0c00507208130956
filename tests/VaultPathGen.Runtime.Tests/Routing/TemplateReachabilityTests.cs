using VaultPathGen.Routing;

namespace VaultPathGen.Tests.Routing;

public class TemplateReachabilityTests
{
    private static List<TemplateVariant> Ordered(IEnumerable<string> templates) =>
        [.. templates.SelectMany(t => PathTemplate.Parse(t, out _)!.Variants).OrderBy(v => v, TemplateVariant.Precedence)];

    private static string? Reaching(string template, bool endsInSlash, params string[] templates) =>
        TemplateReachability.FindReachingPath(Ordered(templates), template, endsInSlash, CancellationToken.None);

    /// <summary>Which template the router gives <paramref name="path"/>: the first form that matches it.</summary>
    private static string? Route(List<TemplateVariant> ordered, string path) =>
        ordered.FirstOrDefault(v => v.TryMatch(path, out _))?.TemplateText;

    [Fact]
    public void The_issue_example_folder_listing_is_taken_by_the_key_template()
    {
        Assert.Null(Reaching("kv/<dir+>/", false, "kv/<key+>", "kv/<dir+>/"));
        Assert.Equal("kv/x", Reaching("kv/<key+>", false, "kv/<key+>", "kv/<dir+>/"));
    }

    [Fact]
    public void A_key_template_leaves_folders_to_the_listing()
    {
        Assert.Equal("kv/x/", Reaching("kv/<dir+>/", false, "kv/<key**>", "kv/<dir+>/"));
        Assert.Equal("kv/x", Reaching("kv/<key**>", false, "kv/<key**>", "kv/<dir+>/"));
        Assert.Equal("kv/", Reaching("kv/[<dir+>/]", true, "kv/<key**>", "kv/[<dir+>/]"));
    }

    [Fact]
    public void Only_the_union_of_several_templates_covers_and_each_one_is_needed()
    {
        string[] cover = ["a/", "a//", "a/<k**>", "a/<d+>/"];
        Assert.Null(Reaching("a/<p*>", false, [.. cover, "a/<p*>"]));

        foreach (var missing in cover)
        {
            string[] rest = [.. cover.Where(t => t != missing), "a/<p*>"];
            var witness = Reaching("a/<p*>", false, rest);
            Assert.NotNull(witness);
            Assert.Equal("a/<p*>", Route(Ordered(rest), witness));
        }
    }

    [Fact]
    public void Lower_precedence_is_not_shadowed_when_it_matches_more()
    {
        Assert.Equal("a/x@x", Reaching("a/<p@>", false, "a/<n>", "a/<p@>"));
        Assert.Equal("a/", Reaching("a/<p*>", false, "a/<p+>", "a/<p*>"));
        Assert.Equal("a//", Reaching("a/<p+>", false, "a/<k**>", "a/<p+>"));
        Assert.Equal("x/a", Reaching("<n>/a", false, "a/<n>", "<n>/a"));
    }

    [Fact]
    public void Newlines_follow_go_so_a_key_may_end_in_one()
    {
        // Go's [^/] matches a newline and its '.' does not: <p+> never takes "a/\n", <k**> does.
        List<TemplateVariant> Forms(params string[] t) => Ordered(t);
        Assert.Equal("a/\n", TemplateReachability.FindPath(Forms("a/<k**>"), Forms("a/<p+>"), false, CancellationToken.None));
        Assert.Null(TemplateReachability.FindPath(Forms("a/<p+>"), Forms("a/<k**>", "a/<d*>/"), false, CancellationToken.None));
    }

    [Fact]
    public void List_requests_end_in_a_slash()
    {
        string[] templates = ["a/", "a//", "a/<d+>/", "a/<p*>"];
        Assert.Null(Reaching("a/<p*>", true, templates));
        Assert.Equal("a/x", Reaching("a/<p*>", false, templates));
        Assert.Equal("a/", Reaching("a[/]", true, "a[/]", "a/<p*>"));
    }

    private static readonly string[] Pool =
    [
        "a/<n>", "a/<n@>", "a/<k**>", "a/<p+>", "a/<p*>", "a/<d+>/", "a/<d*>/", "a[/]", "a/a", "<n>/a", "a/<n>/a",
        "<p+>/a", "a[/<n>]", "a/[<d+>/]", "<k**>", "<n>", "a//", "a/", "<p*>", "<k**>/a", "a/<n@>/<m>",
    ];

    // One character per class the tests tell apart ('a' literal, 'x' other word, separators, '/', newline).
    private const string Alphabet = "a/x-@\n";

    [Fact]
    public void Agrees_with_brute_force_routing_of_every_short_path()
    {
        var paths = new List<string> { "" };
        for (var length = 1; length <= 6; length++)
        {
            paths.AddRange(paths.Where(p => p.Length == length - 1).SelectMany(p => Alphabet.Select(c => p + c)).ToList());
        }

        var random = new Random(13);
        var checkedSets = 0;
        var unreachableSeen = 0;
        while (checkedSets < 40)
        {
            var set = Pool.OrderBy(_ => random.Next()).Take(random.Next(2, 7)).ToList();
            var ordered = Ordered(set);
            if (ordered.GroupBy(v => v.Shape).Any(g => g.Select(v => v.TemplateText).Distinct().Count() > 1))
            {
                continue;
            }

            checkedSets++;
            var reached = new Dictionary<string, List<string>>();
            foreach (var path in paths)
            {
                if (Route(ordered, path) is { } owner)
                {
                    (reached.TryGetValue(owner, out var list) ? list : reached[owner] = []).Add(path);
                }
            }

            foreach (var template in set)
            {
                foreach (var endsInSlash in new[] { false, true })
                {
                    var witness = TemplateReachability.FindReachingPath(ordered, template, endsInSlash, CancellationToken.None);
                    var found = reached.TryGetValue(template, out var list) && list.Any(p => !endsInSlash || p.EndsWith('/'));
                    if (witness is null)
                    {
                        unreachableSeen++;
                        Assert.False(found, $"{template} in [{string.Join(", ", set)}]: proved unreachable, but a short path reaches it");
                    }
                    else
                    {
                        Assert.Equal(template, Route(ordered, witness));
                        Assert.True(!endsInSlash || witness.EndsWith('/'), witness);
                    }
                }
            }
        }

        Assert.True(unreachableSeen > 5, $"only {unreachableSeen} unreachable cases: the test would prove little");
    }
}
