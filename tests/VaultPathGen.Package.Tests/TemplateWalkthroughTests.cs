using System.Text.Json;
using Xunit.Abstractions;

namespace VaultPathGen.Package.Tests;

/// <summary>The steps of <see cref="TemplateWalkthrough"/>, one assertion group each.</summary>
[Collection(PackageCollection.Name)]
public sealed class TemplateWalkthroughTests(PackedFeed feed, TemplateWalkthrough walk, ITestOutputHelper output) : IClassFixture<TemplateWalkthrough>
{
    private const string Name = TemplateWalkthrough.Name;

    public static TheoryData<string> GoHostChecks => new(
        "register_handshake", "register_multiplexing_support", "register_setup_without_storage", "register_version",
        "register_shutdown_exit_within_2s", "register_shutdown_socket_removed", "register_stderr_hclog_json", "register_stderr_no_secrets",
        "handshake", "multiplexing_support", "m1_setup", "m1_type", "m1_special_paths", "m1_initialize",
        "config_update", "config_read", "config_missing_url_error_response", "role_create", "role_update", "role_read",
        "role_list", "role_delete", "help", "unsupported_path",
        "shutdown_exit_within_2s", "shutdown_socket_removed", "stderr_hclog_json", "stderr_no_secrets", "total");

    [Fact]
    public void Template_installs_and_creates_the_plugin_outside_the_repository()
    {
        feed.AssertPacked();
        Assert.True(walk.Step(walk.Install, "install").Succeeded, walk.Install!.ToString());
        Assert.Contains("vault-secrets", walk.Install.Output, StringComparison.Ordinal);
        Assert.True(walk.Step(walk.New, "new").Succeeded, walk.New!.ToString());
        Assert.False(walk.Work.StartsWith(feed.RepoRoot, StringComparison.Ordinal), walk.Work);
        foreach (var file in new[] { $"{Name}.slnx", "README.md", $"src/{Name}/{Name}.csproj", $"src/{Name}/Program.cs", $"src/{Name}/{Name}Engine.cs", $"tests/{Name}.Tests/{Name}.Tests.csproj" })
        {
            Assert.True(File.Exists(Path.Combine(walk.Work, Name, file)), file);
        }
    }

    [Fact]
    public void Plugin_builds_without_warnings_with_the_generator_and_analyzers_from_the_feed()
    {
        var build = walk.Step(walk.Build, "build");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(WalkthroughAssertions.Warnings(build));

        // Restored into the private folder, from the local feed and nowhere else.
        var metadata = Path.Combine(walk.Packages, "vaultpathgen", feed.Version, ".nupkg.metadata");
        using (var doc = JsonDocument.Parse(File.ReadAllText(metadata)))
        {
            Assert.Equal(feed.FeedDir, doc.RootElement.GetProperty("source").GetString()!.TrimEnd('/'));
        }

        var assets = File.ReadAllText(Path.Combine(walk.PluginProject, "obj", "project.assets.json"));
        Assert.Contains("analyzers/dotnet/cs/VaultPathGen.Generator.dll", assets, StringComparison.Ordinal);
        Assert.Contains("analyzers/dotnet/cs/VaultPathGen.Analyzers.dll", assets, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_tests_pass()
    {
        var test = walk.Step(walk.Test, "test");
        Assert.True(test.Succeeded, test.ToString());
        Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+4, Skipped:\s+0", test.Output);
    }

    [Fact]
    public void Mistakes_get_their_VPG_diagnostics_from_the_generator_and_the_analyzers()
    {
        var build = walk.Step(walk.Mistake, "mistake");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Matches(@"Mistakes\.cs\(7,14\): error VPG0001: The backend class 'NotPartialEngine' must be declared partial", build.Output);
        Assert.Matches(@"Mistakes\.cs\(14,19\): warning VPG0105: The capture 'id' of ""things/<id>"" is not bound", build.Output);
    }

    [Fact]
    public void Plugin_without_implicit_usings_builds_cleanly()
    {
        var build = walk.Step(walk.NoImplicitUsings, "no implicit usings");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(WalkthroughAssertions.Warnings(build));
    }

    [Fact]
    public void Publish_with_a_runtime_identifier_is_NativeAOT_by_default()
    {
        var evaluated = walk.Step(walk.DefaultPublishAot, "PublishAot for linux-x64");
        Assert.True(evaluated.Succeeded, evaluated.ToString());
        Assert.Equal("true", evaluated.Output.Trim());
    }

    [Fact]
    public void Single_file_opt_out_makes_one_bundle_and_prints_its_sha256_and_the_vault_commands()
    {
        var publish = walk.Step(walk.Publish, "single-file publish");
        WalkthroughAssertions.AssertSingleFileBundle(publish, walk.PluginPath);
        WalkthroughAssertions.AssertPrintsRegistration(publish, walk.PluginPath, Name, TemplateWalkthrough.PluginVersion, "secret");
    }

    [Theory]
    [MemberData(nameof(GoHostChecks))]
    public void Published_plugin_passes_the_Go_host_check(string check)
    {
        walk.Step(walk.Publish, "single-file publish");
        WalkthroughAssertions.AssertGoHostCheck(walk.Step(walk.GoHost, "go host"), walk.Checks, check);
    }

    [Fact]
    public void Go_host_reports_only_known_checks_and_exits_cleanly()
    {
        WalkthroughAssertions.AssertOnlyKnownChecks(walk.Step(walk.GoHost, "go host"), walk.Checks, GoHostChecks);

        // Where the time goes (dotnet test --logger "console;verbosity=detailed" shows it).
        output.WriteLine($"pack (VaultPathGen): {feed.Runtime.Elapsed.TotalSeconds:F0} s, pack (templates): {feed.Templates!.Elapsed.TotalSeconds:F0} s");
        foreach (var (step, result) in new[] { ("install", walk.Install), ("new + restore", walk.New), ("build", walk.Build), ("test", walk.Test), ("mistake build", walk.Mistake), ("no-implicit-usings build", walk.NoImplicitUsings), ("PublishAot evaluation", walk.DefaultPublishAot), ("single-file publish", walk.Publish), ("go host", walk.GoHost) })
        {
            output.WriteLine($"{step}: {result!.Elapsed.TotalSeconds:F0} s");
        }

        output.WriteLine($"walkthrough after the pack: {walk.Elapsed.TotalSeconds:F0} s");
    }
}
