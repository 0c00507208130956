using VaultPathGen.Tests.Shared;

namespace VaultPathGen.Generator.Tests;

/// <summary>The generator as users get it: loaded by the real compiler in <c>dotnet build</c>.</summary>
public class DotnetBuildTests
{
    [Fact]
    public async Task Dotnet_build_reports_a_declaration_mistake_at_its_line_with_a_help_link()
    {
        var (exitCode, output) = await DotnetBuild.BuildAsync("Engine.cs", """
            using VaultPathGen;
            using static VaultPathGen.Operation;

            [SecretsEngine]
            public partial class Engine
            {
                [Path("kv/<key>"), Operation(Create, Update)]
                public Response? Write(string key) => null;
            }
            """, "VaultPathGen.Generator.dll");

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(output.Split('\n').Where(l => l.Contains("error VPG0013", StringComparison.Ordinal)).Distinct());
        Assert.Contains("Engine.cs(7,6)", line, StringComparison.Ordinal);
        Assert.Contains("\"kv/<key>\" handles create but has no [ExistenceCheck]", line, StringComparison.Ordinal);
        Assert.Contains("docs/diagnostics/VPG0013.md", line, StringComparison.Ordinal);
    }
}
