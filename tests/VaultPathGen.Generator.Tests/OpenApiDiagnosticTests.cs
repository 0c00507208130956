using Microsoft.CodeAnalysis;

namespace VaultPathGen.Generator.Tests;

/// <summary>The OpenAPI diagnostics: exact id, span and severity; a warning leaves the backend generated.</summary>
public class OpenApiDiagnosticTests
{
    private const string Colliding = """
        [SecretsEngine]
        public partial class E
        {
            [Path("a-b"), Operation(Read)]
            public Response? ReadDashed() => null;

            [Path("a/b"), Operation(Read)]
            public Response? ReadNested() => null;
        }
        """;

    [Fact]
    public void VPG0050_two_operations_with_one_operation_id()
    {
        var outcome = GeneratorHarness.Run(Colliding);
        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("VPG0050", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var tree = Assert.Single(outcome.Compilation.SyntaxTrees, t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.Equal("ReadNested", tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("'<mount type>-read-a-b'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.EndsWith("docs/diagnostics/VPG0050.md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.NotEmpty(outcome.Sources);
    }

    [Fact]
    public void VPG0050_is_gone_once_one_has_its_own_id()
    {
        var outcome = GeneratorHarness.Run(Colliding.Replace("[Path(\"a/b\"), Operation(Read)]", "[Path(\"a/b\"), Operation(Read), OperationId(Suffix = \"a-nested-b\")]", StringComparison.Ordinal));
        Assert.Empty(outcome.GeneratorDiagnostics);
    }
}
