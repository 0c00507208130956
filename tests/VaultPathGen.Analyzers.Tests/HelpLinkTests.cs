namespace VaultPathGen.Analyzers.Tests;

/// <summary>Every help link, generator's and analyzers', comes from one base address and lands on a page.</summary>
public class HelpLinkTests
{
    [Fact]
    public void Every_help_link_shares_one_base_and_resolves_to_a_page_in_docs_diagnostics()
    {
        var descriptors = VaultPathGen.Generator.DiagnosticDescriptors.Descriptors.Concat(DiagnosticDescriptors.All).ToList();
        var bases = descriptors.Select(d => d.HelpLinkUri[..(d.HelpLinkUri.LastIndexOf('/') + 1)]).Distinct().ToList();

        var only = Assert.Single(bases);
        Assert.EndsWith("/docs/diagnostics/", only, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(only, UriKind.Absolute), only);
        foreach (var descriptor in descriptors)
        {
            var page = descriptor.HelpLinkUri[only.Length..];
            Assert.Equal(descriptor.Id + ".md", page);
            Assert.True(File.Exists(Path.Combine(Harness.RepoRoot(), "docs", "diagnostics", page)), descriptor.HelpLinkUri);
        }
    }
}
