namespace VaultPathGen.Plugin.Tests;

/// <summary>
/// Publishes the test plugin the way a plugin ships (self-contained, single file, trimmed) into the
/// shared artifacts folder, then serves it to the Go host.
/// </summary>
public sealed class TrimmedPluginFixture
{
    public TrimmedPluginFixture(PublishArtifacts artifacts)
    {
        var repo = GoHostFixture.FindRepoRoot();
        var publishDir = artifacts.PublishDir("trimmed");
        var publish = GoHostFixture.Run("dotnet",
            ["publish", Path.Combine(repo, "tests", "TestPlugin", "TestPlugin.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained",
             "-p:PublishTrimmed=true", "-p:PublishSingleFile=true", "--artifacts-path", artifacts.Root, "-o", publishDir, "-nodeReuse:false"],
            TimeSpan.FromMinutes(8),
            new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1" });
        PublishExitCode = publish.ExitCode;
        PublishOutput = publish.Stdout + publish.Stderr;
        PluginPath = Path.Combine(publishDir, "TestPlugin");
        if (publish.ExitCode != 0 || !File.Exists(PluginPath))
        {
            return;
        }

        var (hostPath, buildError) = GoHostFixture.BuildHost(repo);
        BuildError = buildError;
        if (buildError is null)
        {
            (HostExitCode, _, Checks) = GoHostFixture.RunHost(hostPath, PluginPath);
        }
    }

    public int PublishExitCode { get; }

    public string PublishOutput { get; }

    public string PluginPath { get; }

    public string? BuildError { get; }

    public int HostExitCode { get; } = -1;

    public Dictionary<string, (bool Ok, string Detail)> Checks { get; } = [];
}

[Collection(RepositoryPublishCollection.Name)]
public sealed class TrimmedPluginTests(TrimmedPluginFixture trimmed) : IClassFixture<TrimmedPluginFixture>
{
    [Fact]
    public void Trimmed_single_file_publish_has_no_warnings()
    {
        Assert.True(trimmed.PublishExitCode == 0, trimmed.PublishOutput);
        var warnings = trimmed.PublishOutput.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\bwarning [A-Z]+[0-9]+")).ToList();
        Assert.True(warnings.Count == 0, string.Join('\n', warnings));
    }

    [Fact]
    public void Trimmed_plugin_passes_every_Go_host_check()
    {
        Assert.True(trimmed.PublishExitCode == 0, trimmed.PublishOutput);
        Assert.True(trimmed.BuildError is null, trimmed.BuildError);
        var failed = trimmed.Checks.Where(c => !c.Value.Ok).Select(c => $"{c.Key}: {c.Value.Detail}").ToList();
        Assert.True(failed.Count == 0, string.Join('\n', failed));
        Assert.True(trimmed.Checks.TryGetValue("total", out var total) && total.Ok, "the Go host did not finish");
        Assert.Equal(0, trimmed.HostExitCode);
    }
}
