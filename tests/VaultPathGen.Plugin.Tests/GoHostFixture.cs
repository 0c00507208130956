using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace VaultPathGen.Plugin.Tests;

/// <summary>
/// Builds the Go test host (HashiCorp's go-plugin from Debian packages) and runs it once against
/// the test plugin. Missing Go tooling is a failure, never a skip.
/// </summary>
public sealed class GoHostFixture
{
    public GoHostFixture()
    {
        RepoRoot = FindRepoRoot();
        PluginPath = Path.GetFullPath(typeof(GoHostFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TestPluginPath").Value!);

        var hostPath = Path.Combine(RepoRoot, "tests", "GoHost", "bin", "gohost");
        var build = Run("bash", [Path.Combine(RepoRoot, "tests", "GoHost", "build.sh"), hostPath], TimeSpan.FromMinutes(5));
        BuildError = build.ExitCode == 0 ? null : $"building the Go host failed (exit {build.ExitCode}); run scripts/install-test-deps.sh.\n{build.Stderr}\n{build.Stdout}";
        if (BuildError is not null)
        {
            return;
        }

        var run = Run(hostPath, ["-plugin", PluginPath], TimeSpan.FromMinutes(2));
        HostExitCode = run.ExitCode;
        HostStderr = run.Stderr;
        foreach (var line in run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Checks[root.GetProperty("check").GetString()!] = (
                root.GetProperty("ok").GetBoolean(),
                root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "");
        }
    }

    public string RepoRoot { get; }

    public string PluginPath { get; }

    public string? BuildError { get; }

    public int HostExitCode { get; }

    public string HostStderr { get; } = "";

    public Dictionary<string, (bool Ok, string Detail)> Checks { get; } = [];

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VaultPathGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VaultPathGen.sln not found above " + AppContext.BaseDirectory);
    }

    internal static (int ExitCode, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, TimeSpan timeout, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
