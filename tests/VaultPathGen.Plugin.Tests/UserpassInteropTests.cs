using System.Reflection;

namespace VaultPathGen.Plugin.Tests;

/// <summary>One run of the userpass scenario (tests/GoHost/userpass.go) against the Userpass sample as built.</summary>
public sealed class UserpassInteropFixture
{
    public UserpassInteropFixture()
    {
        var pluginPath = Path.GetFullPath(typeof(UserpassInteropFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "UserpassPath").Value!);
        (HostPath, BuildError) = GoHostFixture.BuildHost(GoHostFixture.FindRepoRoot());
        if (BuildError is not null)
        {
            return;
        }

        (ExitCode, Stderr, Checks) = GoHostFixture.RunHost(HostPath, pluginPath, "-scenario", "userpass");
    }

    public string HostPath { get; }

    public string? BuildError { get; }

    public int ExitCode { get; } = -1;

    public string Stderr { get; } = "";

    public Dictionary<string, (bool Ok, string Detail)> Checks { get; } = [];
}

/// <summary>
/// The Userpass sample driven by HashiCorp's go-plugin host the way Vault drives an auth method:
/// credential type, login/* unauthenticated over SpecialPaths, users, alias lookahead, logins and
/// token renewals carrying the Auth.
/// </summary>
public sealed class UserpassInteropTests(UserpassInteropFixture host) : IClassFixture<UserpassInteropFixture>
{
    private static readonly string[] CheckNames =
    [
        "handshake", "multiplexing_support", "setup", "type_credential", "special_paths_unauthenticated", "initialize",
        "user_create", "user_read", "user_list", "alias_lookahead", "login_auth", "login_wrong_password_error_response",
        "auth_renew", "auth_renew_within_max_ttl", "user_policies_update", "auth_renew_refused_policies_changed", "renew_without_auth_or_secret",
        "password_update", "user_delete", "cleanup", "shutdown_exit_within_2s", "shutdown_socket_removed",
        "stderr_hclog_json", "stderr_no_secrets", "total",
    ];

    public static TheoryData<string> ExpectedChecks => new(CheckNames);

    [Theory]
    [MemberData(nameof(ExpectedChecks))]
    public void Check_passes(string check)
        => GoHostFixture.AssertCheckPassed(host.BuildError, host.Checks, check, host.ExitCode, host.Stderr);

    [Fact]
    public void Host_reports_only_known_checks_and_exits_cleanly()
        => GoHostFixture.AssertOnlyKnownChecks(host.BuildError, host.Checks, CheckNames, host.ExitCode);
}
