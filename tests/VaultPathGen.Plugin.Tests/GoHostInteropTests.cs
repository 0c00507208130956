namespace VaultPathGen.Plugin.Tests;

/// <summary>The test plugin served to HashiCorp's own go-plugin host, driven the way Vault drives it.</summary>
public sealed class GoHostInteropTests(GoHostFixture host) : IClassFixture<GoHostFixture>
{
    private static readonly string[] CheckNames =
    [
        "handshake", "unix_socket", "health", "multiplexing_support", "setup_without_storage", "version", "cleanup_probe",
        "setup", "type", "special_paths", "initialize", "setup_config", "system_view",
        "existence_check_missing", "create", "existence_check_found", "read", "update_no_response", "seal_wrap", "list",
        "delete", "read_missing", "null_data_error_response", "error_response", "unsupported_path", "unsupported_operation",
        "coded_error", "handler_exception", "alive_after_exception",
        "secret_lease", "renew_carries_secret", "revoke", "rollback", "auth_response", "response_wrap_data", "response_wrap_data_error", "large_request_4mib", "large_response_4mib",
        "concurrent_requests", "invalidate_key", "multiplex_setup_second_mount", "multiplex_separate_storage", "broker_announced_after_setup",
        "wrong_client_certificate_refused", "no_client_certificate_refused", "alive_after_refusals",
        "cleanup_m1", "cleanup_m2", "shutdown_exit_within_2s", "shutdown_socket_removed",
        "stderr_hclog_json", "stderr_no_secrets", "stderr_logs_handler_exception",
        "host_killed_exit_within_2s", "host_killed_socket_removed",
        "host_killed_not_parent_exit_within_2s", "host_killed_not_parent_socket_removed", "tcp_fallback", "broker_dial_presents_client_certificate", "total",
    ];

    public static TheoryData<string> ExpectedChecks => new(CheckNames);

    [Theory]
    [MemberData(nameof(ExpectedChecks))]
    public void Check_passes(string check)
        => GoHostFixture.AssertCheckPassed(host.BuildError, host.Checks, check, host.HostExitCode, host.HostStderr);

    [Fact]
    public void Host_reports_only_known_checks_and_exits_cleanly()
        => GoHostFixture.AssertOnlyKnownChecks(host.BuildError, host.Checks, CheckNames, host.HostExitCode);

    [Fact]
    public void Started_by_hand_prints_guidance_and_exits_1()
    {
        var (exitCode, stdout, stderr) = GoHostFixture.Run(host.PluginPath, [], TimeSpan.FromSeconds(30), new Dictionary<string, string?> { ["VAULT_BACKEND_PLUGIN"] = null });
        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("This binary is a plugin", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_failure_is_an_hclog_line_and_exit_1()
    {
        var (exitCode, stdout, stderr) = GoHostFixture.Run(host.PluginPath, [], TimeSpan.FromSeconds(30), new Dictionary<string, string?>
        {
            ["VAULT_BACKEND_PLUGIN"] = "6669da05-b1c8-4f49-97d9-c8e5bed98e20",
            ["PLUGIN_CLIENT_CERT"] = "not a certificate",
        });
        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var entry = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("error", entry.RootElement.GetProperty("@level").GetString());
        Assert.Contains("PLUGIN_CLIENT_CERT", entry.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
