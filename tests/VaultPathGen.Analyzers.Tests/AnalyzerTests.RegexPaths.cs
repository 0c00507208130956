using System.Text.RegularExpressions;
using VaultPathGen.Analyzers.Model;

namespace VaultPathGen.Analyzers.Tests;

// VPG0111 and VPG0112: the template checks VPG0105 and VPG0103 for [PathPattern] regex paths.
public partial class AnalyzerTests
{
    internal static string RegexEngine(string pattern, string handler) => Engine($$"""
            [System.Text.RegularExpressions.GeneratedRegex(@"{{pattern}}", System.Text.RegularExpressions.RegexOptions.ECMAScript)]
            private static partial System.Text.RegularExpressions.Regex P();

            /// <summary>Handle it.</summary>
        {{handler}}
        """);

    [Fact]
    public void VPG0111_named_group_without_a_parameter()
    {
        var d = Harness.AssertReported(RegexEngine(@"^creds/(?<role>\w+)(/(?<ttl>\d+))?\z",
            "[PathPattern([|nameof(P)|]), Operation(Read)] public Response? Creds(string role) => null;"), "VPG0111");
        Assert.Equal("The named group 'ttl' of the regex path 'P' is not bound to a parameter of 'Creds'; add a parameter named 'ttl'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void VPG0111_not_reported_when_every_group_is_bound_by_name_or_field_name() =>
        Harness.AssertNotReported(RegexEngine(@"^creds/(?<role>\w+)/(?<max_ttl>\d+)\z",
            "[PathPattern(nameof(P)), Operation(Read)] public Response? Creds(string role, [Field(\"max_ttl\")] string limit) => null;"), "VPG0111");

    [Fact]
    public void VPG0111_not_reported_for_a_handler_that_reads_field_data() =>
        Harness.AssertNotReported(RegexEngine(@"^creds/(?<role>\w+)\z",
            "[PathPattern(nameof(P)), Operation(Read)] public Response? Creds(FieldData data) => null;"), "VPG0111");

    [Fact]
    public void VPG0112_list_on_a_regex_that_never_ends_in_a_slash()
    {
        var d = Harness.AssertReported(RegexEngine(@"^keys(/(?<prefix>\w+))?\z",
            "[PathPattern([|nameof(P)|]), Operation(List)] public Response? Keys(string prefix) => null;"), "VPG0112");
        Assert.Contains("'Keys' handles list on the regex path 'P'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(@"'/?\z'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"^keys/?\z")]
    [InlineData(@"^keys/(?<prefix>.*)\z")]
    [InlineData(@"^(keys|other/)\z")]
    [InlineData(@"^keys[/x]\z")]
    [InlineData(@"^keys\/\z")]
    [InlineData(@"^keys(?<prefix>\w+)\z|^x/\z")]
    [InlineData(@"^keys|^x\z")] // the first alternative is not anchored at the end: anything may follow
    [InlineData(@"^(?<prefix>a)\k<prefix>\z")] // backreferences are not analysed
    public void VPG0112_not_reported_when_a_path_ending_in_a_slash_can_match(string pattern) =>
        Harness.AssertNotReported(RegexEngine(pattern, "[PathPattern(nameof(P)), Operation(List)] public Response? Keys(FieldData data) => null;"), "VPG0112");

    [Fact]
    public void VPG0112_not_reported_for_handlers_that_do_not_list() =>
        Harness.AssertNotReported(RegexEngine(@"^keys\z", "[PathPattern(nameof(P)), Operation(Read)] public Response? Keys() => null;"), "VPG0112");

    /// <summary>
    /// The answer is exact where one is given: checked against .NET's regex on every path of up to
    /// five characters over an alphabet that has each distinction the patterns make.
    /// </summary>
    [Theory]
    [InlineData(@"^a/\z")]
    [InlineData(@"^a\z")]
    [InlineData(@"^a(/b)?\z")]
    [InlineData(@"^a(/b)*/?\z")]
    [InlineData(@"^(a|b/)\z")]
    [InlineData(@"^(a|b/)c?\z")]
    [InlineData(@"^(a|b/)c{0}\z")]
    [InlineData(@"^(a|b/){2}\z")]
    [InlineData(@"^a[^/]\z")]
    [InlineData(@"^a[^a]\z")]
    [InlineData(@"^a.\z")]
    [InlineData(@"^a\W\z")]
    [InlineData(@"^a\w*\z")]
    [InlineData(@"^a(?:b|)\z")]
    [InlineData(@"^a(?=/)/\z")]
    [InlineData(@"^(?<x>a)(?<y>/)?\z")]
    [InlineData(@"^a\x2F\z")]
    [InlineData(@"^a\u002f?\z")]
    [InlineData(@"^a\057\z")]
    [InlineData(@"^a/$")]
    [InlineData(@"^a/\n?\z")]
    [InlineData(@"^a(/(?<b>b))?\z")]
    [InlineData(@"^[a/]{1,2}b\z")]
    public void The_answer_agrees_with_dotnets_regex_on_every_short_path(string pattern)
    {
        var answer = RegexEnding.CanEndInSlash(pattern, RegexOptions.ECMAScript);
        Assert.NotNull(answer);
        var regex = new Regex(pattern, RegexOptions.ECMAScript);
        var alphabet = "ab/\n-";
        var paths = new List<string> { "" };
        var frontier = new List<string> { "" };
        for (var length = 1; length <= 5; length++)
        {
            frontier = [.. frontier.SelectMany(p => alphabet.Select(c => p + c))];
            paths.AddRange(frontier);
        }

        var witness = paths.FirstOrDefault(p => p.EndsWith('/') && regex.IsMatch(p));
        Assert.True(answer == (witness != null), $"analysis says {answer}; witness: {witness ?? "none"}");
    }
}
