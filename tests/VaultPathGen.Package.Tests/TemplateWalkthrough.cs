using System.Diagnostics;

namespace VaultPathGen.Package.Tests;

/// <summary>
/// What a new user does, once, outside the repository, from the packed feed only: install the
/// template, `dotnet new vault-secrets`, build, test, make a mistake, publish with the single-file
/// opt-out (`-p:PublishAot=false`: the one single-file publish from the package in the suite;
/// <see cref="AuthTemplateWalkthrough"/> publishes NativeAOT, the default, which this plugin's
/// project is checked to choose too), and hand the file to a go-plugin host as Vault would.
/// Restores go to a private packages folder, so no VaultPathGen package from anywhere else can be
/// picked up; every other package comes from this machine's NuGet cache (or the configured mirror).
/// </summary>
public sealed class TemplateWalkthrough : Walkthrough
{
    public const string Name = "AcmePlugin";
    public const string PluginVersion = "v0.1.0";

    public TemplateWalkthrough(PackedFeed feed)
    {
        var clock = Stopwatch.StartNew();
        if (!feed.Runtime.Succeeded || feed.Templates is not { Succeeded: true })
        {
            return;
        }

        var outside = feed.Outside;
        if (!CreateBuildAndTest(outside, "vault-secrets", Name, "publish", MistakesSource))
        {
            return;
        }

        var probe = Path.Combine(Work, "NoImplicitUsings");
        Directory.CreateDirectory(probe);
        File.WriteAllText(Path.Combine(probe, "NoImplicitUsings.csproj"), NoImplicitUsingsProject(feed.Version));
        File.WriteAllText(Path.Combine(probe, "Engine.cs"), NoImplicitUsingsSource);
        NoImplicitUsings = Processes.Dotnet(outside.Environment, "build", probe);

        DefaultPublishAot = Processes.Dotnet(outside.Environment, "msbuild", PluginProject, "-getProperty:PublishAot", "-p:RuntimeIdentifier=linux-x64");
        (Publish, GoHost, Checks) = PublishAndRunGoHost(outside, PublishDir, "template", PluginVersion, "-p:PublishAot=false");

        Elapsed = clock.Elapsed;
    }

    public CommandResult? NoImplicitUsings { get; }

    /// <summary>PublishAot as MSBuild evaluates the plugin's project for <c>dotnet publish -r linux-x64</c>.</summary>
    public CommandResult? DefaultPublishAot { get; }

    protected override IEnumerable<CommandResult?> Steps => [Install, New, Build, Test, Mistake, NoImplicitUsings, DefaultPublishAot, Publish];

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
