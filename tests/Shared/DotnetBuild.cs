using System.Diagnostics;

namespace VaultPathGen.Tests.Shared;

/// <summary>
/// Builds a throwaway project with the real <c>dotnet build</c>, referencing VaultPathGen the way a
/// user's project does: the runtime as a reference, the generator and analyzers as analyzers.
/// Linked into the test projects that check what users see in their build output.
/// </summary>
internal static class DotnetBuild
{
    /// <summary>Builds one source file; returns the exit code and everything the build printed.</summary>
    /// <param name="analyzerFiles">Analyzer assemblies beside the test binary, e.g. <c>VaultPathGen.Generator.dll</c>.</param>
    public static Task<(int ExitCode, string Output)> BuildAsync(string fileName, string source, params string[] analyzerFiles) =>
        BuildAsync(fileName, source, "", null, analyzerFiles);

    /// <summary>Builds one source file with <paramref name="projectExtras"/> in the project; <paramref name="inspect"/> sees the project directory before it is deleted.</summary>
    public static async Task<(int ExitCode, string Output)> BuildAsync(string fileName, string source, string projectExtras, Func<string, Task>? inspect, params string[] analyzerFiles)
    {
        var directory = Directory.CreateTempSubdirectory("vpg-build-");
        try
        {
            var bin = AppContext.BaseDirectory;
            var analyzers = string.Concat(analyzerFiles.Select(f => $"""    <Analyzer Include="{Path.Combine(bin, f)}" />{"\n"}"""));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "Probe.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <FrameworkReference Include="Microsoft.AspNetCore.App" />
                    <Reference Include="VaultPathGen.Runtime" HintPath="{Path.Combine(bin, "VaultPathGen.Runtime.dll")}" />
                {analyzers}  </ItemGroup>
                {projectExtras}
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, fileName), source);

            var start = new ProcessStartInfo("dotnet", ["build", "-nologo", "-clp:NoSummary", directory.FullName])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var output = await stdout + await stderr;
            if (inspect != null)
            {
                await inspect(directory.FullName);
            }

            return (process.ExitCode, output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
