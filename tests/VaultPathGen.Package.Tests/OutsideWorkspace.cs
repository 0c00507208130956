using System.Text.Json;

namespace VaultPathGen.Package.Tests;

/// <summary>
/// A user's machine outside the repository, shared by the template walk-throughs: a nuget.config
/// that serves VaultPathGen from the packed feed only, a private packages folder, the templates
/// installed once into a private hive, and the Go host built once.
/// </summary>
public sealed class OutsideWorkspace
{
    private CommandResult? _goHostBuild;

    public OutsideWorkspace(PackedFeed feed)
    {
        RepoRoot = feed.RepoRoot;
        Work = Path.Combine(feed.Root, "outside");
        Packages = Path.Combine(Work, "packages");
        Hive = Path.Combine(Work, "template-hive");
        Environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Packages };
        Directory.CreateDirectory(Work);
        File.WriteAllText(Path.Combine(Work, "nuget.config"), NuGetConfig(feed.FeedDir, Packages));
        Install = Processes.Dotnet(Environment, "new", "install", feed.TemplatesPath, "--debug:custom-hive", Hive);
    }

    public string RepoRoot { get; }

    public string Work { get; }

    public string Packages { get; }

    public string Hive { get; }

    /// <summary>For every dotnet command: restores extract into <see cref="Packages"/>.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary><c>dotnet new install</c> of the packed templates.</summary>
    public CommandResult Install { get; }

    /// <summary><c>dotnet new &lt;template&gt; -n &lt;name&gt;</c> into <see cref="Work"/>, from the private hive.</summary>
    public CommandResult New(string template, string name, params string[] options)
        => Processes.Dotnet(Environment, ["new", template, "-n", name, "-o", Path.Combine(Work, name), "--debug:custom-hive", Hive, .. options]);

    /// <summary>Runs the Go host (built on first use) against a published plugin, with the checks it printed.</summary>
    public (CommandResult Run, Dictionary<string, (bool Ok, string Detail)> Checks) RunGoHost(string pluginPath, string scenario, string pluginVersion)
    {
        var host = Path.Combine(Work, "gohost");
        _goHostBuild ??= Processes.Run("bash", [Path.Combine(RepoRoot, "tests", "GoHost", "build.sh"), host],
            new Dictionary<string, string?> { ["GOHOST_WORK"] = Path.Combine(Work, "gopath") }, TimeSpan.FromMinutes(5));
        if (!_goHostBuild.Succeeded)
        {
            return (_goHostBuild with { Output = "building the Go host failed; run scripts/install-test-deps.sh.\n" + _goHostBuild.Output }, []);
        }

        var run = Processes.Run(host, ["-plugin", pluginPath, "-scenario", scenario, "-plugin-version", pluginVersion], new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));
        var checks = new Dictionary<string, (bool Ok, string Detail)>();
        foreach (var line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            checks[root.GetProperty("check").GetString()!] = (
                root.GetProperty("ok").GetBoolean(),
                root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "");
        }

        return (run, checks);
    }

    // The VaultPathGen feed serves VaultPathGen only; everything else comes from this machine's
    // packages folder as a local source, then the mirror. Restores extract into `packages`.
    private static string NuGetConfig(string feed, string packages)
    {
        var machine = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packages}" />
              </config>
              <packageSources>
                <clear />
                <add key="vaultpathgen" value="{feed}" />
                <add key="machine" value="{machine}" />
                <add key="mirror" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="vaultpathgen">
                  <package pattern="VaultPathGen" />
                  <package pattern="VaultPathGen.*" />
                </packageSource>
                <packageSource key="machine">
                  <package pattern="*" />
                </packageSource>
                <packageSource key="mirror">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """;
    }
}
