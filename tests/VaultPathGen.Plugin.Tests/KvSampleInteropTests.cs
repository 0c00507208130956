using System.Reflection;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace VaultPathGen.Plugin.Tests;

/// <summary>
/// The KV v2 sample (samples/KvEngine) driven by HashiCorp's go-plugin host the way Vault drives a
/// kv-v2 mount (tests/GoHost/kv2.go): as built, as the NativeAOT executable `dotnet publish -r
/// linux-x64` ships, and as the single file of the `-p:PublishAot=false` opt-out.
/// </summary>
internal static class KvSample
{
    /// <summary>The sample's VaultPluginVersion (KvEngine.csproj): what it must report to Vault.</summary>
    public const string PluginVersion = "v0.1.0";

    public static readonly string[] CheckNames =
    [
        "register_handshake", "register_multiplexing_support", "register_setup_without_storage", "register_version",
        "register_shutdown_exit_within_2s", "register_shutdown_socket_removed", "register_stderr_hclog_json", "register_stderr_no_secrets",
        "handshake", "multiplexing_support", "m1_setup", "m1_type", "m1_special_paths", "m1_initialize",
        "config_update", "config_read", "data_create", "data_update_cas", "data_cas_mismatch_error_response",
        "data_read_latest", "data_read_version", "data_patch", "data_read_after_patch", "data_no_data_error_response",
        "metadata_list_folders", "metadata_list_folder", "metadata_read", "metadata_update", "metadata_read_after_update",
        "data_delete_latest", "delete_versions", "undelete_versions", "destroy_versions", "help",
        "unsupported_path", "unsupported_operation", "large_request_4mib", "large_response_4mib",
        "m2_setup", "m2_type", "m2_special_paths", "m2_initialize", "multiplex_separate_storage",
        "metadata_delete", "multiplex_delete_isolated", "invalidate_key", "m1_cleanup", "m2_cleanup",
        "shutdown_exit_within_2s", "shutdown_socket_removed", "stderr_hclog_json", "stderr_no_secrets", "total",
    ];

    public static string BuiltPluginPath => Path.GetFullPath(typeof(KvSample).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "KvEnginePath").Value!);

    /// <summary>Runs the kv2 scenario; the checks it printed, its exit code and stderr.</summary>
    public static (int ExitCode, string Stderr, Dictionary<string, (bool Ok, string Detail)> Checks, string? BuildError) RunKv2(string pluginPath)
    {
        var repo = GoHostFixture.FindRepoRoot();
        var (hostPath, buildError) = GoHostFixture.BuildHost(repo);
        if (buildError is not null)
        {
            return (-1, "", [], buildError);
        }

        var run = GoHostFixture.Run(hostPath, ["-plugin", pluginPath, "-scenario", "kv2", "-plugin-version", PluginVersion], TimeSpan.FromMinutes(2));
        return (run.ExitCode, run.Stderr, GoHostChecks.Parse(run.Stdout), null);
    }

    public static void AssertEveryCheckPassed(int exitCode, string stderr, Dictionary<string, (bool Ok, string Detail)> checks, string? buildError)
    {
        Assert.True(buildError is null, buildError);
        var missing = CheckNames.Where(c => !checks.ContainsKey(c)).ToList();
        Assert.True(missing.Count == 0, $"the Go host reported no {string.Join(", ", missing)} (exit {exitCode}).\n{stderr}");
        var failed = checks.Where(c => !c.Value.Ok).Select(c => $"{c.Key}: {c.Value.Detail}").ToList();
        Assert.True(failed.Count == 0, string.Join('\n', failed));
        var unexpected = checks.Keys.Except(CheckNames).ToList();
        Assert.True(unexpected.Count == 0, "checks no test asserts: " + string.Join(", ", unexpected));
        Assert.Equal(0, exitCode);
    }

    /// <summary>Warnings in build output: "warning IL2026", "warning CS8602"…</summary>
    public static List<string> Warnings(string output)
        => output.Split('\n').Where(l => Regex.IsMatch(l, @"\bwarning [A-Z]+[0-9]+")).Distinct().ToList();
}

/// <summary>One run of the kv2 scenario against the sample as built (JIT, framework-dependent).</summary>
public sealed class KvSampleBuiltFixture
{
    public KvSampleBuiltFixture() => (ExitCode, Stderr, Checks, BuildError) = KvSample.RunKv2(KvSample.BuiltPluginPath);

    public int ExitCode { get; }

    public string Stderr { get; }

    public Dictionary<string, (bool Ok, string Detail)> Checks { get; }

    public string? BuildError { get; }
}

public sealed class KvSampleInteropTests(KvSampleBuiltFixture run) : IClassFixture<KvSampleBuiltFixture>
{
    public static TheoryData<string> ExpectedChecks => new(KvSample.CheckNames);

    [Theory]
    [MemberData(nameof(ExpectedChecks))]
    public void Check_passes(string check)
        => GoHostFixture.AssertCheckPassed(run.BuildError, run.Checks, check, run.ExitCode, run.Stderr);

    [Fact]
    public void Host_reports_only_known_checks_and_exits_cleanly()
        => KvSample.AssertEveryCheckPassed(run.ExitCode, run.Stderr, run.Checks, run.BuildError);
}

/// <summary>
/// Publishes the sample exactly as docs/deploying.md says (in the shared artifacts folder, which
/// keeps the repository's obj/ untouched), then serves the result to the Go host.
/// </summary>
public abstract class KvSamplePublishFixture
{
    protected KvSamplePublishFixture(PublishArtifacts artifacts, string name, params string[] extraArgs)
    {
        var repo = GoHostFixture.FindRepoRoot();
        var started = DateTime.UtcNow;
        PublishDir = artifacts.PublishDir(name);
        var publish = GoHostFixture.Run("dotnet",
            ["publish", Path.Combine(repo, "samples", "KvEngine", "KvEngine.csproj"), "-c", "Release", "-r", "linux-x64", .. extraArgs,
             "--artifacts-path", artifacts.Root, "-o", PublishDir, "-nodeReuse:false"],
            // As long as the package tests give a publish: NativeAOT compiles the whole program, which on two busy cores has taken more than 10 minutes.
            TimeSpan.FromMinutes(15),
            new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1" });
        PublishTime = DateTime.UtcNow - started;
        PublishExitCode = publish.ExitCode;
        PublishOutput = publish.Stdout + publish.Stderr;
        PluginPath = Path.Combine(PublishDir, "KvEngine");
        if (publish.ExitCode != 0 || !File.Exists(PluginPath))
        {
            return;
        }

        (HostExitCode, HostStderr, Checks, BuildError) = KvSample.RunKv2(PluginPath);
    }

    public TimeSpan PublishTime { get; }

    public int PublishExitCode { get; }

    public string PublishOutput { get; }

    public string PublishDir { get; }

    public string PluginPath { get; }

    public int HostExitCode { get; } = -1;

    public string HostStderr { get; } = "";

    public Dictionary<string, (bool Ok, string Detail)> Checks { get; } = [];

    public string? BuildError { get; }

    public void AssertPublished()
        => Assert.True(PublishExitCode == 0 && File.Exists(PluginPath), $"publish failed (exit {PublishExitCode}) or left no {PluginPath}:\n{PublishOutput}");
}

public sealed class KvSingleFileFixture(PublishArtifacts artifacts) : KvSamplePublishFixture(artifacts, "kv-single", "-p:PublishAot=false");

/// <summary>`dotnet publish samples/KvEngine -c Release -r linux-x64 -p:PublishAot=false`: the single-file opt-out.</summary>
[Collection(RepositoryPublishCollection.Name)]
public sealed class KvSingleFilePublishTests(KvSingleFileFixture published) : IClassFixture<KvSingleFileFixture>
{
    [Fact]
    public void Publish_has_no_warnings_and_no_native_compilation()
    {
        published.AssertPublished();
        var warnings = KvSample.Warnings(published.PublishOutput);
        Assert.True(warnings.Count == 0, string.Join('\n', warnings));
        Assert.DoesNotContain("Generating native code", published.PublishOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_folder_holds_the_executable_alone()
    {
        published.AssertPublished();
        var files = Directory.GetFileSystemEntries(published.PublishDir).Select(Path.GetFileName).ToList();
        Assert.Equal(["KvEngine"], files);
        Assert.True(OperatingSystem.IsLinux() && (File.GetUnixFileMode(published.PluginPath) & UnixFileMode.UserExecute) != 0, "not executable");
    }

    [Fact]
    public void Publish_prints_the_files_sha256_and_the_vault_commands()
    {
        published.AssertPublished();
        string sha;
        using (var file = File.OpenRead(published.PluginPath))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(file));
        }

        Assert.Contains("SHA-256: " + sha, published.PublishOutput, StringComparison.Ordinal);
        Assert.Contains($"vault plugin register -sha256={sha} -version={KvSample.PluginVersion} -command=KvEngine secret kv-dotnet", published.PublishOutput, StringComparison.Ordinal);
        Assert.Contains($"vault secrets enable -path=kv-dotnet -plugin-version={KvSample.PluginVersion} kv-dotnet", published.PublishOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_file_passes_every_Go_host_check()
    {
        published.AssertPublished();
        KvSample.AssertEveryCheckPassed(published.HostExitCode, published.HostStderr, published.Checks, published.BuildError);
    }
}

public sealed class KvNativeAotFixture(PublishArtifacts artifacts) : KvSamplePublishFixture(artifacts, "kv-aot");

/// <summary>`dotnet publish samples/KvEngine -c Release -r linux-x64`: NativeAOT on net10.0, the default and the one file for Vault's plugin catalog.</summary>
[Collection(RepositoryPublishCollection.Name)]
public sealed class KvNativeAotPublishTests(KvNativeAotFixture published) : IClassFixture<KvNativeAotFixture>
{
    [Fact]
    public void Aot_publish_has_no_warnings()
    {
        published.AssertPublished();
        var warnings = KvSample.Warnings(published.PublishOutput);
        Assert.True(warnings.Count == 0, string.Join('\n', warnings));
        Assert.Contains("Generating native code", published.PublishOutput, StringComparison.Ordinal);
        // On net10.0, the sample's own framework: the runtime library it compiles is the net10.0 build.
        Assert.Contains("/VaultPathGen.Runtime/release_net10.0/VaultPathGen.Runtime.dll", published.PublishOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Aot_executable_is_native_alone_in_its_folder_and_prints_its_sha256()
    {
        published.AssertPublished();
        Assert.Equal(["KvEngine"], Directory.GetFileSystemEntries(published.PublishDir).Select(Path.GetFileName));
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(published.PluginPath)[..4]);
        string sha;
        using (var file = File.OpenRead(published.PluginPath))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(file));
        }

        Assert.Contains($"vault plugin register -sha256={sha} -version={KvSample.PluginVersion} -command=KvEngine secret kv-dotnet", published.PublishOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Aot_executable_passes_every_Go_host_check()
    {
        published.AssertPublished();
        KvSample.AssertEveryCheckPassed(published.HostExitCode, published.HostStderr, published.Checks, published.BuildError);
    }
}
