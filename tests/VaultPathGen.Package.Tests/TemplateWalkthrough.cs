using System.Diagnostics;
using System.Text.Json;

namespace VaultPathGen.Package.Tests;

/// <summary>
/// What a new user does, once, outside the repository, from the packed feed only: install the
/// template, `dotnet new vault-secrets`, build, test, make a mistake, publish single-file, and hand
/// the file to a go-plugin host as Vault would. Restores go to a private packages folder, so no
/// VaultPathGen package from anywhere else can be picked up; every other package comes from this
/// machine's NuGet cache (or the configured mirror).
/// </summary>
public sealed class TemplateWalkthrough
{
    public const string Name = "AcmePlugin";
    public const string PluginVersion = "v0.1.0";

    public TemplateWalkthrough(PackedFeed feed)
    {
        var clock = Stopwatch.StartNew();
        Work = Path.Combine(feed.Root, "outside");
        Packages = Path.Combine(Work, "packages");
        Solution = Path.Combine(Work, Name, Name + ".slnx");
        PluginProject = Path.Combine(Work, Name, "src", Name);
        PublishDir = Path.Combine(Work, "publish");
        PluginPath = Path.Combine(PublishDir, Name);
        if (!feed.Runtime.Succeeded || feed.Templates is not { Succeeded: true })
        {
            return;
        }

        Directory.CreateDirectory(Work);
        File.WriteAllText(Path.Combine(Work, "nuget.config"), NuGetConfig(feed.FeedDir, Packages));
        var env = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Packages };
        var hive = Path.Combine(Work, "template-hive");

        Install = Processes.Dotnet(env, "new", "install", feed.TemplatesPath, "--debug:custom-hive", hive);
        if (!Install.Succeeded)
        {
            return;
        }

        New = Processes.Dotnet(env, "new", "vault-secrets", "-n", Name, "-o", Path.Combine(Work, Name), "--debug:custom-hive", hive);
        if (!New.Succeeded)
        {
            return;
        }

        Build = Processes.Dotnet(env, "build", Solution);
        if (!Build.Succeeded)
        {
            return;
        }

        Test = Processes.Dotnet(env, "test", Solution, "--no-build");

        var mistakes = Path.Combine(PluginProject, "Mistakes.cs");
        File.WriteAllText(mistakes, MistakesSource);
        Mistake = Processes.Dotnet(env, "build", PluginProject);
        File.Delete(mistakes);

        var probe = Path.Combine(Work, "NoImplicitUsings");
        Directory.CreateDirectory(probe);
        File.WriteAllText(Path.Combine(probe, "NoImplicitUsings.csproj"), NoImplicitUsingsProject(feed.Version));
        File.WriteAllText(Path.Combine(probe, "Engine.cs"), NoImplicitUsingsSource);
        NoImplicitUsings = Processes.Dotnet(env, "build", probe);

        Publish = Processes.Dotnet(env, "publish", PluginProject, "-c", "Release", "-r", "linux-x64", "-o", PublishDir);
        if (Publish.Succeeded && File.Exists(PluginPath))
        {
            (GoHost, Checks) = RunGoHost(feed.RepoRoot, Work, PluginPath);
        }

        Elapsed = clock.Elapsed;
    }

    public string Work { get; }

    public string Packages { get; }

    public string Solution { get; }

    public string PluginProject { get; }

    public string PublishDir { get; }

    public string PluginPath { get; }

    public CommandResult? Install { get; }

    public CommandResult? New { get; }

    public CommandResult? Build { get; }

    public CommandResult? Test { get; }

    public CommandResult? Mistake { get; }

    public CommandResult? NoImplicitUsings { get; }

    public CommandResult? Publish { get; }

    public CommandResult? GoHost { get; }

    public Dictionary<string, (bool Ok, string Detail)> Checks { get; } = [];

    /// <summary>From installing the template to the Go host's last check.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The step's result, failing with the steps that ran when it did not get that far.</summary>
    public CommandResult Step(CommandResult? step, string name)
    {
        var ran = new[] { Install, New, Build, Test, Mistake, NoImplicitUsings, Publish }.Where(s => s is not null).Select(s => s!.ToString());
        Assert.True(step is not null, $"the walkthrough stopped before '{name}':\n" + string.Join("\n\n", ran.TakeLast(1)));
        return step;
    }

    // The VaultPathGen feed serves VaultPathGen only; everything else comes from this machine's
    // packages folder as a local source, then the mirror. Restores extract into `packages`.
    private static string NuGetConfig(string feed, string packages)
    {
        var machine = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
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

    private static (CommandResult Run, Dictionary<string, (bool Ok, string Detail)> Checks) RunGoHost(string repoRoot, string work, string pluginPath)
    {
        var host = Path.Combine(work, "gohost");
        var env = new Dictionary<string, string?> { ["GOHOST_WORK"] = Path.Combine(work, "gopath") };
        var build = Processes.Run("bash", [Path.Combine(repoRoot, "tests", "GoHost", "build.sh"), host], env, TimeSpan.FromMinutes(5));
        if (!build.Succeeded)
        {
            return (build with { Output = "building the Go host failed; run scripts/install-test-deps.sh.\n" + build.Output }, []);
        }

        var run = Processes.Run(host, ["-plugin", pluginPath, "-scenario", "template", "-plugin-version", PluginVersion], new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));
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

    // One mistake for the generator, one for the analyzers: both must be reported from the package.
    private const string MistakesSource = $$"""
        using VaultPathGen;
        using static VaultPathGen.Operation;

        namespace {{Name}};

        [SecretsEngine]
        public class NotPartialEngine
        {
        }

        public partial class {{Name}}Engine
        {
            /// <summary>Read a thing.</summary>
            [Path("things/<id>"), Operation(Read)]
            public static Response? ReadThing() => null;
        }
        """;

    private static string NoImplicitUsingsProject(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="VaultPathGen" Version="{version}" />
          </ItemGroup>
        </Project>
        """;

    // Every using spelled out: the generated code must not lean on implicit ones.
    private const string NoImplicitUsingsSource = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using VaultPathGen;
        using VaultPathGen.Plugin;
        using static VaultPathGen.Operation;

        namespace Probe;

        /// <summary>A plugin without implicit usings.</summary>
        [SecretsEngine]
        public partial class Engine
        {
            /// <summary>Whether the item exists.</summary>
            /// <param name="name">The item.</param>
            [Path("items/<name>"), ExistenceCheck]
            public static async Task<bool> Exists(string name, IStorage storage, CancellationToken cancellationToken)
                => await storage.GetAsync("items/" + name, cancellationToken) is not null;

            /// <summary>Write an item.</summary>
            /// <param name="name">The item.</param>
            /// <param name="ttl">How long it lives.</param>
            [Path("items/<name>"), Operation(Create, Update)]
            public static Task Write(string name, [Field(Default = "1h")] TimeSpan ttl) => Task.CompletedTask;

            /// <summary>List the items.</summary>
            [Path("items[/]"), Operation(List)]
            public static async Task<Response> ListItems(IStorage storage) => Response.List(await storage.ListAsync("items/"));
        }

        internal static class Program
        {
            private static Task<int> Main(string[] args) => VaultPlugin.ServeAsync<Engine>(args);
        }
        """;
}
