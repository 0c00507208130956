using System.Collections.Concurrent;
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

        (HostPath, BuildError) = BuildHost(RepoRoot);
        if (BuildError is not null)
        {
            return;
        }

        (HostExitCode, HostStderr, Checks) = RunHost(HostPath, PluginPath);
    }

    // Every fixture of a test run drives the same host binary: it is built once per run, on first use.
    private static readonly ConcurrentDictionary<string, Lazy<(string HostPath, string? Error)>> Hosts = new();

    /// <summary>Builds tests/GoHost (once per test run); the error text when that fails (missing Go tooling included).</summary>
    internal static (string HostPath, string? Error) BuildHost(string repoRoot)
        => Hosts.GetOrAdd(repoRoot, root => new Lazy<(string, string?)>(() => BuildHostNow(root))).Value;

    private static (string HostPath, string? Error) BuildHostNow(string repoRoot)
    {
        var hostPath = Path.Combine(repoRoot, "tests", "GoHost", "bin", "gohost");
        var build = Run("bash", [Path.Combine(repoRoot, "tests", "GoHost", "build.sh"), hostPath], TimeSpan.FromMinutes(5));
        return (hostPath, build.ExitCode == 0 ? null : $"building the Go host failed (exit {build.ExitCode}); run scripts/install-test-deps.sh.\n{build.Stderr}\n{build.Stdout}");
    }

    /// <summary>Runs the Go host against a plugin executable (with more host flags, e.g. a scenario) and collects the checks it prints.</summary>
    internal static (int ExitCode, string Stderr, Dictionary<string, (bool Ok, string Detail)> Checks) RunHost(string hostPath, string pluginPath, params string[] hostArgs)
    {
        var run = Run(hostPath, ["-plugin", pluginPath, .. hostArgs], TimeSpan.FromMinutes(2));
        var checks = new Dictionary<string, (bool Ok, string Detail)>();
        foreach (var line in run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            checks[root.GetProperty("check").GetString()!] = (
                root.GetProperty("ok").GetBoolean(),
                root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "");
        }

        return (run.ExitCode, run.Stderr, checks);
    }

    /// <summary>One check of a Go host run was reported and passed.</summary>
    internal static void AssertCheckPassed(string? buildError, Dictionary<string, (bool Ok, string Detail)> checks, string check, int exitCode, string stderr)
    {
        Assert.True(buildError is null, buildError);
        Assert.True(checks.TryGetValue(check, out var result), $"the Go host reported no '{check}' check (exit {exitCode}).\n{stderr}");
        Assert.True(result.Ok, $"{check}: {result.Detail}");
    }

    /// <summary>The run reported no check outside <paramref name="known"/> and exited 0.</summary>
    internal static void AssertOnlyKnownChecks(string? buildError, Dictionary<string, (bool Ok, string Detail)> checks, IEnumerable<string> known, int exitCode)
    {
        Assert.True(buildError is null, buildError);
        var unexpected = checks.Keys.Except(known).ToList();
        Assert.True(unexpected.Count == 0, "checks no test asserts: " + string.Join(", ", unexpected));
        Assert.Equal(0, exitCode);
    }

    public string RepoRoot { get; }

    public string PluginPath { get; }

    public string HostPath { get; }

    public string? BuildError { get; }

    public int HostExitCode { get; }

    public string HostStderr { get; } = "";

    public Dictionary<string, (bool Ok, string Detail)> Checks { get; } = [];

    internal static string FindRepoRoot()
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
