using Xunit.Abstractions;

namespace VaultPathGen.Package.Tests;

/// <summary>The steps of <see cref="AuthTemplateWalkthrough"/>, one assertion group each.</summary>
[Collection(PackageCollection.Name)]
public sealed class AuthTemplateWalkthroughTests(PackedFeed feed, AuthTemplateWalkthrough walk, ITestOutputHelper output) : IClassFixture<AuthTemplateWalkthrough>
{
    private const string Name = AuthTemplateWalkthrough.Name;

    public static TheoryData<string> GoHostChecks => new(
        "register_handshake", "register_multiplexing_support", "register_setup_without_storage", "register_version",
        "register_shutdown_exit_within_2s", "register_shutdown_socket_removed", "register_stderr_hclog_json", "register_stderr_no_secrets",
        "handshake", "multiplexing_support", "a1_setup", "a1_type_credential", "a1_special_paths_unauthenticated", "a1_initialize",
        "config_update", "config_read", "user_create", "user_update", "user_read", "user_list",
        "alias_lookahead", "login_auth", "login_wrong_password_error_response", "auth_renew", "auth_renew_refused_user_deleted", "help",
        "shutdown_exit_within_2s", "shutdown_socket_removed", "stderr_hclog_json", "stderr_no_secrets", "total");

    [Fact]
    public void Auth_template_installs_and_creates_the_plugin_outside_the_repository()
    {
        feed.AssertPacked();
        Assert.Contains("vault-auth", walk.Step(walk.Install, "install").Output, StringComparison.Ordinal);
        Assert.True(walk.Step(walk.New, "new").Succeeded, walk.New!.ToString());
        Assert.False(walk.Work.StartsWith(feed.RepoRoot, StringComparison.Ordinal), walk.Work);
        foreach (var file in new[] { $"{Name}.slnx", "README.md", $"src/{Name}/{Name}.csproj", $"src/{Name}/Program.cs", $"src/{Name}/{Name}Method.cs", $"src/{Name}/Paths/LoginPaths.cs", $"tests/{Name}.Tests/{Name}.Tests.csproj" })
        {
            Assert.True(File.Exists(Path.Combine(walk.Work, Name, file)), file);
        }
    }

    [Fact]
    public void Framework_option_targets_net9_everywhere()
    {
        var created = walk.Step(walk.NewOnOtherFramework, "new --framework");
        Assert.True(created.Succeeded, created.ToString());
        var projects = Directory.GetFiles(Path.Combine(walk.Work, Name + "Net9"), "*.csproj", SearchOption.AllDirectories);
        Assert.Equal(2, projects.Length);
        Assert.All(projects, project =>
        {
            var text = File.ReadAllText(project);
            Assert.Contains("<TargetFramework>" + AuthTemplateWalkthrough.OtherFramework + "</TargetFramework>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("net10.0", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Auth_plugin_builds_without_warnings_and_its_tests_pass()
    {
        var build = walk.Step(walk.Build, "build");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(WalkthroughAssertions.Warnings(build));
        var test = walk.Step(walk.Test, "test");
        Assert.True(test.Succeeded, test.ToString());
        Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+7, Skipped:\s+0", test.Output);
    }

    [Fact]
    public void Auth_mistakes_get_their_VPG_diagnostics_from_the_generator_and_the_analyzers()
    {
        var build = walk.Step(walk.Mistake, "mistake");
        Assert.False(build.Succeeded, build.ToString());
        // The generator reports the pair at the template's own RenewLogin.
        Assert.Matches(@"LoginPaths\.cs\(\d+,\d+\): error VPG0042: Both 'RenewAgain' and 'RenewLogin' are marked \[AuthRenew\]", build.Output);
        Assert.Matches(@"Mistakes\.cs\(14,42\): warning VPG0123: 'UserLookahead' serves alias-lookahead on ""users/<username>""", build.Output);
        Assert.Matches($@"{Name}Method\.cs\(9,2\): warning VPG0128: '{Name}Method' is an auth method, but the project's VaultPluginType is 'secret'", build.Output);
    }

    [Fact]
    public void Default_publish_is_one_NativeAOT_executable_and_prints_the_vault_auth_enable_commands()
    {
        var publish = walk.Step(walk.Publish, "publish");
        WalkthroughAssertions.AssertNativeAotExecutable(publish, walk.PluginPath);
        AssertPrintsRegistration(publish, walk.PluginPath);
    }

    [Theory]
    [MemberData(nameof(GoHostChecks))]
    public void NativeAot_plugin_passes_the_Go_host_check(string check)
    {
        walk.Step(walk.Publish, "publish");
        WalkthroughAssertions.AssertGoHostCheck(walk.Step(walk.GoHost, "go host"), walk.Checks, check);
    }

    [Fact]
    public void Go_host_reports_only_known_checks_and_exits_cleanly()
    {
        WalkthroughAssertions.AssertOnlyKnownChecks(walk.Step(walk.GoHost, "go host"), walk.Checks, GoHostChecks);

        foreach (var (step, result) in new[] { ("new + restore", walk.New), ("build", walk.Build), ("test", walk.Test), ("mistake build", walk.Mistake), ("publish (NativeAOT)", walk.Publish), ("go host", walk.GoHost) })
        {
            output.WriteLine($"{step}: {result!.Elapsed.TotalSeconds:F0} s");
        }

        output.WriteLine($"auth walkthrough: {walk.Elapsed.TotalSeconds:F0} s");
    }

    private static void AssertPrintsRegistration(CommandResult publish, string plugin)
        => WalkthroughAssertions.AssertPrintsRegistration(publish, plugin, Name, AuthTemplateWalkthrough.PluginVersion, "auth");
}
