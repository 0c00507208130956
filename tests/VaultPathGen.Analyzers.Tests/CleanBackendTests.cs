using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VaultPathGen.Analyzers.Tests;

/// <summary>The backends people read first, the KV sample and the generator's test backends, raise nothing.</summary>
public class CleanBackendTests
{
    [Theory]
    [InlineData("KvEngine")]
    [InlineData("DynamicCreds")]
    public void The_samples_have_no_diagnostic_at_all(string name)
    {
        var sample = Path.Combine(Harness.RepoRoot(), "samples", name);
        var files = Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(f)))
            .Append(("ImplicitUsings.cs", ImplicitUsings))
            .ToList();
        Assert.True(files.Count > 5, "the sample's sources were not found");

        var diagnostics = Harness.ProjectDiagnostics(files);

        Assert.True(diagnostics.IsEmpty, "expected no diagnostics, got:\n" + string.Join("\n", diagnostics));
    }

    /// <summary>What the SDK's ImplicitUsings adds to a console project.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public void The_project_check_sees_a_mistake_in_the_sample()
    {
        var broken = """
            using VaultPathGen;
            using static VaultPathGen.Operation;

            /// <summary>Broken.</summary>
            [SecretsEngine]
            public partial class Broken
            {
                /// <summary>Read.</summary>
                [Path("users/<user>"), Operation(Read)]
                public Response? ReadUser() => null;
            }
            """;

        var diagnostics = Harness.ProjectDiagnostics([("Broken.cs", broken), ("ImplicitUsings.cs", ImplicitUsings)]);

        Assert.Contains(diagnostics, d => d.Id == "VPG0105");
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
