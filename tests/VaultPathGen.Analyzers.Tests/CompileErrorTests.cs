using VaultPathGen.Tests.Shared;

namespace VaultPathGen.Analyzers.Tests;

/// <summary>
/// Analyzer warnings beside an unrelated compile error (issue 10). The compiler (csc) stops after
/// declaration errors (bad attribute arguments, unknown types in signatures) before it collects
/// analyzer diagnostics; errors in method bodies come later and leave them in place. The IDE runs
/// analyzers through CompilationWithAnalyzers, which reports them in both cases. docs/diagnostics/README.md
/// explains this to users; these tests pin each side so a change in either is noticed.
/// </summary>
public class CompileErrorTests
{
    private const string Mistakes = """
        using VaultPathGen;
        using static VaultPathGen.Operation;

        /// <summary>An engine with two mistakes.</summary>
        [SecretsEngine]
        [PathOptions("settings", Operations = new[] { Read, Delete })]
        public partial class Engine
        {
            /// <summary>Read a user.</summary>
            [Path("users/<user>"), Operation(Read)]
            public Response? ReadUser() => null;

            /// <summary>Read a setting.</summary>
            [Path("settings"), Operation(Read)]
            public Response? ReadSetting() => null;
        }

        """;

    private const string BodyError = """
        public static class Other
        {
            public static int X() => System.Math.Nope;
        }
        """;

    private const string DeclarationError = """
        public static class Other
        {
            [System.Obsolete(System.Math.Nope)]
            public static int X() => 1;
        }
        """;

    [Theory]
    [InlineData(DeclarationError)]
    [InlineData(BodyError)]
    public void The_IDE_path_reports_the_warnings_beside_either_error(string error)
    {
        var all = Harness.Diagnostics(Mistakes + error, withUsings: false);
        Assert.Contains(all, d => d.Id == "CS0117");
        Assert.Contains(all, d => d.Id == "VPG0105");
        Assert.Contains(all, d => d.Id == "VPG0101");
    }

    [Fact]
    public async Task Dotnet_build_reports_the_warnings_beside_an_error_in_a_method_body()
    {
        var (exitCode, output) = await DotnetBuild.BuildAsync("Engine.cs", Mistakes + BodyError, "VaultPathGen.Generator.dll", "VaultPathGen.Analyzers.dll");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error CS0117", output, StringComparison.Ordinal);
        Assert.Contains("warning VPG0105", output, StringComparison.Ordinal);
        Assert.Contains("warning VPG0101", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotnet_build_drops_analyzer_warnings_while_a_declaration_error_stands_as_csc_does()
    {
        var (exitCode, output) = await DotnetBuild.BuildAsync("Engine.cs", Mistakes + DeclarationError, "VaultPathGen.Generator.dll", "VaultPathGen.Analyzers.dll");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error CS0117", output, StringComparison.Ordinal);
        Assert.DoesNotContain("VPG0105", output, StringComparison.Ordinal);
        Assert.DoesNotContain("VPG0101", output, StringComparison.Ordinal);
    }
}
