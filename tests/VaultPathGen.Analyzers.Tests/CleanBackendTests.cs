using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VaultPathGen.Analyzers.Tests;

/// <summary>The backends people read first, the KV sample and the generator's test backends, raise nothing.</summary>
public class CleanBackendTests
{
    [Fact]
    public void The_KV_sample_has_no_diagnostic_at_all()
    {
        var source = File.ReadAllText(Path.Combine(Harness.RepoRoot(), "samples", "KvEngine", "KvEngine.cs"));
        Harness.AssertClean("using System.Threading.Tasks;\nusing System.Threading;\n" + source, withUsings: false);
    }

    public static TheoryData<string> GeneratorTestBackends()
    {
        var path = Path.Combine(Harness.RepoRoot(), "tests", "VaultPathGen.Generator.Tests", "TestBackends.cs");
        var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
        return [.. root.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(v => v.Initializer?.Value is LiteralExpressionSyntax).Select(v => v.Identifier.ValueText)];
    }

    /// <summary>
    /// The generator's fixtures are not ours to document, so Info-level help suggestions are allowed
    /// there; anything at warning level would mean a fixture the generator accepts is wrong.
    /// </summary>
    [Theory]
    [MemberData(nameof(GeneratorTestBackends))]
    public void Generator_test_backends_raise_no_analyzer_warning(string name)
    {
        var path = Path.Combine(Harness.RepoRoot(), "tests", "VaultPathGen.Generator.Tests", "TestBackends.cs");
        var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
        var literal = (LiteralExpressionSyntax)root.DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.ValueText == name).Initializer!.Value;
        var analyzerIds = DiagnosticDescriptors.All.Select(d => d.Id).ToHashSet();
        var warnings = Harness.Diagnostics(literal.Token.ValueText)
            .Where(d => analyzerIds.Contains(d.Id) && d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }
}
