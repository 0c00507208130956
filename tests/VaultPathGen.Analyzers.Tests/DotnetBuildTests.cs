using System.Diagnostics;
using System.Text.RegularExpressions;

namespace VaultPathGen.Analyzers.Tests;

/// <summary>The analyzers as users get them: loaded by the real compiler in <c>dotnet build</c>.</summary>
public partial class DotnetBuildTests
{
    [GeneratedRegex(@"Engine\.cs\((?<line>\d+),(?<col>\d+)\): warning (?<id>VPG\d{4}): .*\((?<link>[^()\s]*docs/diagnostics/(?<page>VPG\d{4})\.md)\)")]
    private static partial Regex WarningLine();

    [Fact]
    public async Task Dotnet_build_prints_analyzer_warnings_at_their_lines_with_help_links()
    {
        var directory = Directory.CreateTempSubdirectory("vpg-analyzers-build-");
        try
        {
            var bin = AppContext.BaseDirectory;
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "Warned.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <FrameworkReference Include="Microsoft.AspNetCore.App" />
                    <Reference Include="VaultPathGen.Runtime" HintPath="{Path.Combine(bin, "VaultPathGen.Runtime.dll")}" />
                    <Analyzer Include="{Path.Combine(bin, "VaultPathGen.Generator.dll")}" />
                    <Analyzer Include="{Path.Combine(bin, "VaultPathGen.Analyzers.dll")}" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "Engine.cs"), """
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
                """);

            var start = new ProcessStartInfo("dotnet", ["build", "-nologo", "-clp:NoSummary", directory.FullName])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, "warnings must not fail the build:\n" + output);
            var found = WarningLine().Matches(output)
                .Select(m => (Id: m.Groups["id"].Value, Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Page: m.Groups["page"].Value))
                .Distinct()
                .OrderBy(w => w.Line)
                .ToList();

            Assert.Equal([("VPG0103", 9, "VPG0103"), ("VPG0105", 13, "VPG0105"), ("VPG0108", 19, "VPG0108")], found);
            var root = Path.GetFullPath(Path.Combine(bin, "..", "..", "..", "..", ".."));
            Assert.All(found, w => Assert.True(File.Exists(Path.Combine(root, "docs", "diagnostics", w.Page + ".md")), w.Page));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
