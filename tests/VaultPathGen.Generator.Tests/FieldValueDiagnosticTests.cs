using Microsoft.CodeAnalysis;

namespace VaultPathGen.Generator.Tests;

/// <summary>Misused FieldValue&lt;T&gt; parameters: VPG0061 to VPG0063, exact id and span.</summary>
public class FieldValueDiagnosticTests
{
    [Theory]
    [InlineData("FieldValue<int?> [|n|]")]
    [InlineData("FieldValue<string?> [|s|]")]
    [InlineData("FieldValue<int>? [|n|]")]
    public void VPG0061_field_value_of_an_optional_type(string parameter) =>
        DiagnosticTests.AssertDiagnostic(Engine(parameter), "VPG0061", Span(parameter));

    [Fact]
    public void VPG0062_field_value_of_a_required_field_is_a_warning_and_still_generates() =>
        AssertWarning(Engine("[Field(Required = true)] FieldValue<int> [|count|]"), "VPG0062", "count");

    [Fact]
    public void VPG0063_field_value_of_a_capture_is_a_warning_and_still_generates() =>
        AssertWarning(DiagnosticTests.Engine("[Path(\"p/<name>\"), Operation(Read)] public Response? M(FieldValue<string> name) => null;"), "VPG0063", "name");

    [Fact]
    public void A_field_value_of_an_unsupported_type_is_VPG0008() =>
        DiagnosticTests.AssertDiagnostic(Engine("FieldValue<object> o"), "VPG0008", "o");

    private static string Engine(string parameter) =>
        DiagnosticTests.Engine("[Path(\"p\"), Operation(Update)] public Response? M(" + parameter.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal) + ") => null;");

    private static string Span(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal) + 2;
        return marked[start..marked.IndexOf("|]", StringComparison.Ordinal)];
    }

    private static void AssertWarning(string source, string id, string spanText)
    {
        var outcome = GeneratorHarness.Run(source);
        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var tree = Assert.Single(outcome.Compilation.SyntaxTrees, t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(spanText, tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.EndsWith("docs/diagnostics/" + id + ".md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.NotEmpty(outcome.Sources);
        var errors = outcome.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
