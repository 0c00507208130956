using System.Reflection;
using Microsoft.CodeAnalysis;

namespace VaultPathGen.Analyzers.Tests;

/// <summary>Every analyzer diagnostic is documented, tracked for release, tested, and every fixable id has a fix test.</summary>
public class DescriptorTests
{
    private static readonly string[] TestNames = typeof(DescriptorTests).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute))
        .Select(m => m.DeclaringType!.Name + "." + m.Name)
        .ToArray();

    public static TheoryData<string> Ids() => [.. DiagnosticDescriptors.All.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_descriptor_has_a_docs_page_help_link_and_release_entry(string id)
    {
        var descriptor = DiagnosticDescriptors.All.Single(d => d.Id == id);
        var root = Harness.RepoRoot();
        var page = Path.Combine(root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"docs/diagnostics/{id}.md is missing");
        Assert.StartsWith("# " + id + ": " + descriptor.Title, File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Contains("[" + id + "](" + id + ".md)", File.ReadAllText(Path.Combine(root, "docs", "diagnostics", "README.md")), StringComparison.Ordinal);
        Assert.EndsWith("docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Equal(DiagnosticDescriptors.Category, descriptor.Category);
        var severity = descriptor.DefaultSeverity == DiagnosticSeverity.Info ? "Info" : descriptor.DefaultSeverity.ToString();
        Assert.Contains($"{id} | {DiagnosticDescriptors.Category} | {severity} |", File.ReadAllText(Path.Combine(root, "src", "Analyzers", "AnalyzerReleases.Unshipped.md")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_descriptor_has_a_firing_test_and_a_quiet_test(string id)
    {
        var tests = TestNames.Where(n => n.StartsWith("AnalyzerTests." + id + "_", StringComparison.Ordinal)).ToList();
        Assert.Contains(tests, n => !n.Contains("_not_reported", StringComparison.Ordinal));
        Assert.Contains(tests, n => n.Contains("_not_reported", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_fixable_id_has_a_code_fix_test_and_a_docs_page()
    {
        var fixable = Harness.CodeFixes.SelectMany(f => f.FixableDiagnosticIds).Distinct().ToList();
        Assert.NotEmpty(fixable);
        foreach (var id in fixable)
        {
            Assert.Contains(TestNames, n => n.StartsWith("CodeFixTests." + id + "_", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(Harness.RepoRoot(), "docs", "diagnostics", id + ".md")), id);
        }
    }

    [Fact]
    public void Analyzers_report_only_their_own_ids_never_the_generators()
    {
        var reported = Harness.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id).OrderBy(x => x), reported.OrderBy(x => x));
        Assert.DoesNotContain(reported, id => VaultPathGen.Generator.DiagnosticDescriptors.Descriptors.Any(g => g.Id == id));
    }
}
