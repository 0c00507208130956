using System.Reflection;

namespace VaultPathGen.Plugin.Tests;

/// <summary>One run of the creds scenario (tests/GoHost/creds.go) against the DynamicCreds sample as built.</summary>
public sealed class DynamicCredsRunFixture
{
    public static readonly string[] CheckNames =
    [
        "handshake", "multiplexing_support", "m1_setup", "m1_type", "m1_special_paths", "m1_initialize",
        "role_create", "role_read", "roles_list", "creds_issue", "creds_unknown_role_error_response", "issued_list",
        "renew_increment", "renew_capped_at_role_max_ttl", "renew_system_view_limits", "creds_system_view_identity_and_password_policy", "renew_unknown_secret_type",
        "revoke", "issued_list_after_revoke", "rollback_wal_after_min_age", "rollback_periodic_removes_expired", "rollback_immediate",
        "m1_cleanup", "shutdown_exit_within_2s", "shutdown_socket_removed", "stderr_hclog_json", "stderr_no_secrets", "stderr_no_password", "total",
    ];

    public DynamicCredsRunFixture()
    {
        var plugin = Path.GetFullPath(typeof(DynamicCredsRunFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "DynamicCredsPath").Value!);
        var (hostPath, buildError) = GoHostFixture.BuildHost(GoHostFixture.FindRepoRoot());
        BuildError = buildError;
        if (buildError is not null)
        {
            return;
        }

        var run = GoHostFixture.Run(hostPath, ["-plugin", plugin, "-scenario", "creds"], TimeSpan.FromMinutes(2));
        (ExitCode, Stderr, Checks) = (run.ExitCode, run.Stderr, GoHostChecks.Parse(run.Stdout));
    }

    public int ExitCode { get; } = -1;

    public string Stderr { get; } = "";

    public Dictionary<string, (bool Ok, string Detail)> Checks { get; } = [];

    public string? BuildError { get; }
}

/// <summary>The DynamicCreds sample driven by HashiCorp's go-plugin host: leases, renew, revoke, WAL rollback and periodic work over the wire.</summary>
public sealed class DynamicCredsInteropTests(DynamicCredsRunFixture run) : IClassFixture<DynamicCredsRunFixture>
{
    public static TheoryData<string> ExpectedChecks => new(DynamicCredsRunFixture.CheckNames);

    [Theory]
    [MemberData(nameof(ExpectedChecks))]
    public void Check_passes(string check)
        => GoHostFixture.AssertCheckPassed(run.BuildError, run.Checks, check, run.ExitCode, run.Stderr);

    [Fact]
    public void Host_reports_only_known_checks_and_exits_cleanly()
        => GoHostFixture.AssertOnlyKnownChecks(run.BuildError, run.Checks, DynamicCredsRunFixture.CheckNames, run.ExitCode);
}
