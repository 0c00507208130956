namespace VaultPathGen.Analyzers.Tests;

public partial class CodeFixTests
{
    [Fact]
    public void VPG0111_adds_the_parameter_the_named_group_needs()
    {
        var fixedSource = Harness.ApplyFix(AnalyzerTests.RegexEngine(@"^creds/(?<role>\w+)\z",
            "[PathPattern(nameof(P)), Operation(Read)] public Response? Creds() => null;"), "VPG0111");
        Assert.Contains("public Response? Creds(string role) => null;", fixedSource, StringComparison.Ordinal);
        Harness.AssertNotReported(fixedSource, "VPG0111");
    }
}
