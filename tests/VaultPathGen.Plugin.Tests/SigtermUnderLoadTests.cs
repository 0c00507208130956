namespace VaultPathGen.Plugin.Tests;

/// <summary>
/// The KV sample under load from HashiCorp's go-plugin host receives SIGTERM (tests/GoHost/sigterm.go):
/// requests in flight finish, the process exits 0 within Vault's 2 s, and nothing is logged as an error.
/// Bounded: 8 callers for 0.5 s, one run.
/// </summary>
public sealed class SigtermUnderLoadTests
{
    private static readonly string[] CheckNames =
    [
        "sigterm_handshake", "sigterm_in_flight_finished", "sigterm_exit_within_2s", "sigterm_exit_code_0",
        "sigterm_no_error_lines", "sigterm_stderr_hclog_json", "sigterm_stderr_no_secrets", "total",
    ];

    [Fact]
    public void Sigterm_under_load_finishes_requests_in_flight_and_exits_0_without_error_lines()
    {
        var (hostPath, buildError) = GoHostFixture.BuildHost(GoHostFixture.FindRepoRoot());
        Assert.True(buildError is null, buildError);

        var run = GoHostFixture.Run(hostPath, ["-plugin", KvSample.BuiltPluginPath, "-scenario", "sigterm"], TimeSpan.FromMinutes(1));
        var checks = GoHostChecks.Parse(run.Stdout);

        var missing = CheckNames.Where(c => !checks.ContainsKey(c)).ToList();
        Assert.True(missing.Count == 0, $"the Go host reported no {string.Join(", ", missing)} (exit {run.ExitCode}).\n{run.Stderr}");
        var failed = checks.Where(c => !c.Value.Ok).Select(c => $"{c.Key}: {c.Value.Detail}").ToList();
        Assert.True(failed.Count == 0, string.Join('\n', failed));
        Assert.Empty(checks.Keys.Except(CheckNames));
        Assert.Equal(0, run.ExitCode);
    }
}
