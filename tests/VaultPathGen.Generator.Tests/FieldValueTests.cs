using Microsoft.CodeAnalysis;

namespace VaultPathGen.Generator.Tests;

/// <summary>FieldValue&lt;T&gt; parameters (Vault's GetOk with typed binding): binding, and the diagnostics for misuse.</summary>
public class FieldValueTests
{
    private static readonly Lazy<IBackend> Backend = new(() => GeneratorHarness.Load(TestBackends.FieldValues, "Samples.FieldValues"));

    [Fact]
    public async Task Absent_fields_are_not_set_and_hold_the_default_or_zero_value()
    {
        var data = (await CompileAndRunTests.Send(Backend.Value, Operation.Update, "roles/web", "{}"))!.Data!;

        Assert.Equal(3600, data["ttl"]!.GetValue<long>());
        Assert.False(data["ttl_set"]!.GetValue<bool>());
        Assert.Equal(5, data["max_versions"]!.GetValue<int>());
        Assert.False(data["max_versions_set"]!.GetValue<bool>());
        Assert.Equal("", data["description"]!.GetValue<string>());
        Assert.False(data["description_set"]!.GetValue<bool>());
        Assert.False(data["enabled"]!.GetValue<bool>());
        Assert.False(data["enabled_set"]!.GetValue<bool>());
        Assert.Equal(0, data["policies"]!.GetValue<int>());
        Assert.False(data["policies_set"]!.GetValue<bool>());
        Assert.Null(data["not_after"]);
        Assert.False(data["extra_set"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Sent_fields_are_set_even_when_they_equal_the_default_or_zero_value()
    {
        var data = (await CompileAndRunTests.Send(Backend.Value, Operation.Update, "roles/web", """
            {"ttl": "1h", "max_versions": "5", "description": "", "enabled": false, "policies": "a",
             "ports": "80,443", "not_after": "2030-01-02T03:04:05Z", "extra": {}}
            """))!.Data!;

        Assert.Equal(3600, data["ttl"]!.GetValue<long>());
        Assert.True(data["ttl_set"]!.GetValue<bool>());
        Assert.Equal(5, data["max_versions"]!.GetValue<int>());
        Assert.True(data["max_versions_set"]!.GetValue<bool>());
        Assert.True(data["description_set"]!.GetValue<bool>());
        Assert.True(data["enabled_set"]!.GetValue<bool>());
        Assert.Equal(1, data["policies"]!.GetValue<int>());
        Assert.True(data["policies_set"]!.GetValue<bool>());
        Assert.Equal(523, data["ports"]!.GetValue<int>());
        Assert.Equal("2030-01-02T03:04:05.0000000Z", data["not_after"]!.GetValue<string>());
        Assert.True(data["extra_set"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_sent_value_that_does_not_convert_is_the_usual_400()
    {
        var response = await CompileAndRunTests.Send(Backend.Value, Operation.Update, "roles/web", """{"max_versions": "many"}""");
        Assert.True(response!.IsError);
        Assert.Contains("error converting input for field \"max_versions\"", response.ErrorMessage!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_int_field_value_is_range_checked_like_an_int()
    {
        var response = await CompileAndRunTests.Send(Backend.Value, Operation.Update, "roles/web", """{"max_versions": 4294967296}""");
        Assert.True(response!.IsError);
        Assert.Contains("out of range for a 32-bit integer", response.ErrorMessage!, StringComparison.Ordinal);
    }

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
