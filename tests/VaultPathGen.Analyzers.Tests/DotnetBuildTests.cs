using System.Text.RegularExpressions;
using VaultPathGen.Tests.Shared;

namespace VaultPathGen.Analyzers.Tests;

/// <summary>The analyzers as users get them: loaded by the real compiler in <c>dotnet build</c>.</summary>
public partial class DotnetBuildTests
{
    [GeneratedRegex(@"Engine\.cs\((?<line>\d+),(?<col>\d+)\): warning (?<id>VPG\d{4}): .*\((?<link>[^()\s]*docs/diagnostics/(?<page>VPG\d{4})\.md)\)")]
    private static partial Regex WarningLine();

    [Fact]
    public async Task Dotnet_build_prints_analyzer_warnings_at_their_lines_with_help_links()
    {
        var (exitCode, output) = await DotnetBuild.BuildAsync("Engine.cs", """
            using VaultPathGen;
            using static VaultPathGen.Operation;

            /// <summary>An engine with three mistakes.</summary>
            [SecretsEngine]
            public partial class Engine
            {
                /// <summary>List keys.</summary>
                [Path("keys"), Operation(List)]
                public Response? ListKeys() => null;

                /// <summary>Read a user.</summary>
                [Path("users/<user>"), Operation(Read)]
                public Response? ReadUser() => null;

                /// <summary>Write a setting.</summary>
                /// <param name="ttl">How long.</param>
                [Path("settings"), Operation(Update)]
                public Response? WriteSetting(int ttl = 5) => null;
            }
            """, "VaultPathGen.Generator.dll", "VaultPathGen.Analyzers.dll");

        Assert.True(exitCode == 0, "warnings must not fail the build:\n" + output);
        var found = WarningLine().Matches(output)
            .Select(m => (Id: m.Groups["id"].Value, Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Page: m.Groups["page"].Value))
            .Distinct()
            .OrderBy(w => w.Line)
            .ToList();

        Assert.Equal([("VPG0103", 9, "VPG0103"), ("VPG0105", 13, "VPG0105"), ("VPG0108", 19, "VPG0108")], found);
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        Assert.All(found, w => Assert.True(File.Exists(Path.Combine(root, "docs", "diagnostics", w.Page + ".md")), w.Page));
    }
}
