using Microsoft.CodeAnalysis;

namespace VaultPathGen.Generator.Tests;

/// <summary>VPG0051–VPG0054: exact id, span and severity; the warnings leave the backend generated.</summary>
public class OpenApiDeclarationDiagnosticTests
{
    private static string Backend(string members, string classAttributes = "") => $$"""
        [SecretsEngine]
        {{classAttributes}}
        public partial class E
        {
        {{members}}
        }
        """;

    private static Diagnostic Single(GeneratorOutcome outcome, string id, DiagnosticSeverity severity, string span)
    {
        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        var tree = Assert.Single(outcome.Compilation.SyntaxTrees, t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(span, tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.EndsWith("docs/diagnostics/" + id + ".md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        return diagnostic;
    }

    private static string Message(Diagnostic d) => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("[OperationResponse(99, \"Too low\")]", "OperationResponse(99, \"Too low\")", "between 100 and 599")]
    [InlineData("[OperationResponse(600, \"Too high\")]", "OperationResponse(600, \"Too high\")", "between 100 and 599")]
    [InlineData("[OperationResponse(200, \"OK\"), OperationResponse(200, \"Again\")]", "OperationResponse(200, \"Again\")", "already declares")]
    public void VPG0051_invalid_response_code(string attributes, string span, string why)
    {
        var outcome = GeneratorHarness.Run(Backend($$"""
                [Path("p"), Operation(Read)]
                {{attributes}}
                public Response? R() => null;
            """));
        var d = Single(outcome, "VPG0051", DiagnosticSeverity.Error, span);
        Assert.Contains(why, Message(d), StringComparison.Ordinal);
        Assert.Empty(outcome.Sources);
    }

    [Theory]
    [InlineData("[ResponseField(201, \"a\", FieldType.String)]", "ResponseField(201, \"a\", FieldType.String)", "no [OperationResponse(201")]
    [InlineData("[ResponseField(200, \"a b\", FieldType.String)]", "ResponseField(200, \"a b\", FieldType.String)", "field name")]
    [InlineData("[ResponseField(200, \"a\", FieldType.String), ResponseField(200, \"a\", FieldType.Int)]", "ResponseField(200, \"a\", FieldType.Int)", "already has a field")]
    [InlineData("[ResponseField(200, \"a\", (FieldType)99)]", "ResponseField(200, \"a\", (FieldType)99)", "not one of Vault's field types")]
    public void VPG0052_invalid_response_field(string attributes, string span, string why)
    {
        var outcome = GeneratorHarness.Run(Backend($$"""
                [Path("p"), Operation(Read), OperationResponse(200, "OK")]
                {{attributes}}
                public Response? R() => null;
            """));
        var d = Single(outcome, "VPG0052", DiagnosticSeverity.Error, span);
        Assert.Contains(why, Message(d), StringComparison.Ordinal);
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void VPG0053_a_declared_200_on_a_typed_result_replaces_its_schema()
    {
        var outcome = GeneratorHarness.Run("""
            using System.Text.Json.Serialization;
            public sealed record Role(string Name);
            [JsonSerializable(typeof(Role))]
            internal sealed partial class J : JsonSerializerContext;

            [SecretsEngine(JsonContext = typeof(J))]
            public partial class E
            {
                [Path("p"), Operation(Read), OperationResponse(200, "The role.")]
                [ResponseField(200, "name", FieldType.String)]
                public Role R() => new("x");
            }
            """);
        var d = Single(outcome, "VPG0053", DiagnosticSeverity.Warning, "OperationResponse(200, \"The role.\")");
        Assert.Contains("'Role'", Message(d), StringComparison.Ordinal);
        var document = OpenApiDocuments.Of(outcome, "kv");
        Assert.Equal("The role.", document["paths"]!["/p"]!["get"]!["responses"]!["200"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void VPG0053_a_handler_returning_nothing_declares_data()
    {
        var outcome = GeneratorHarness.Run(Backend("""
                [Path("p"), Operation(Update), OperationResponse(200, "OK"), ResponseField(200, "a", FieldType.String)]
                public void W() { }
            """));
        var d = Single(outcome, "VPG0053", DiagnosticSeverity.Warning, "OperationResponse(200, \"OK\")");
        Assert.Contains("returns nothing", Message(d), StringComparison.Ordinal);
        Assert.NotEmpty(outcome.Sources);
    }

    [Theory]
    [InlineData("", "[Path(\"p\"), Operation(Update)] public void W([DisplayAttributes(OperationVerb = \"x\")] string a) { }", "DisplayAttributes(OperationVerb = \"x\")", "not to fields")]
    [InlineData("[DisplayAttributes(\"nowhere\", Navigation = true)]", "[Path(\"p\"), Operation(Read)] public Response? R() => null;", "DisplayAttributes(\"nowhere\", Navigation = true)", "no path of the backend")]
    [InlineData("", "[Path(\"p\"), Operation(Read), DisplayAttributes(Name = \"P\")] public Response? R() => null;", "DisplayAttributes(Name = \"P\")", "operationId hints only")]
    [InlineData("", "[Path(\"p\"), Operation(Read), OperationId(Verb = \"get\"), DisplayAttributes(OperationVerb = \"fetch\")] public Response? R() => null;", "DisplayAttributes(OperationVerb = \"fetch\")", "[OperationId] sets the same part")]
    public void VPG0054_display_attributes_without_effect(string classAttributes, string members, string span, string why)
    {
        var outcome = GeneratorHarness.Run(Backend(members, classAttributes));
        var d = Single(outcome, "VPG0054", DiagnosticSeverity.Warning, span);
        Assert.Contains(why, Message(d), StringComparison.Ordinal);
        Assert.NotEmpty(outcome.Sources);
    }
}
