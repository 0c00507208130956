using System.Diagnostics;

namespace VaultPathGen.Generator.Tests;

/// <summary>The generator as users get it: loaded by the real compiler in <c>dotnet build</c>.</summary>
public class DotnetBuildTests
{
    [Fact]
    public async Task Dotnet_build_reports_a_declaration_mistake_at_its_line_with_a_help_link()
    {
        var directory = Directory.CreateTempSubdirectory("vpg-build-");
        try
        {
            var bin = AppContext.BaseDirectory;
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "Broken.csproj"), $"""
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
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "Engine.cs"), """
                using VaultPathGen;
                using static VaultPathGen.Operation;

                [SecretsEngine]
                public partial class Engine
                {
                    [Path("kv/<key>"), Operation(Create, Update)]
                    public Response? Write(string key) => null;
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

            Assert.NotEqual(0, process.ExitCode);
            var line = Assert.Single(output.Split('\n').Where(l => l.Contains("error VPG0013", StringComparison.Ordinal)).Distinct());
            Assert.Contains("Engine.cs(7,6)", line, StringComparison.Ordinal);
            Assert.Contains("\"kv/<key>\" handles create but has no [ExistenceCheck]", line, StringComparison.Ordinal);
            Assert.Contains("docs/diagnostics/VPG0013.md", line, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
