using System.Diagnostics;
using VaultPathGen.Dev;

namespace VaultPathGen.Tests.Shared;

/// <summary>
/// Runs one of the tests/Hvac scripts with Debian's python3-hvac (/usr/bin/python3) against a Vault
/// address and token. Linked into the sample test projects; installed by scripts/install-test-deps.sh.
/// </summary>
internal static class HvacScript
{
    /// <summary>Runs <paramref name="script"/> against <paramref name="server"/> with its root token; fails the test unless every check passed.</summary>
    public static async Task AssertPassesAsync(string script, VaultDevServer server, [System.Runtime.CompilerServices.CallerFilePath] string caller = "")
    {
        var (exitCode, output) = await RunAsync(script, server.Address, server.RootToken, caller);
        Assert.True(exitCode == 0, "hvac run failed:\n" + output);
        Assert.Matches(@"hvac: [1-9]\d* passed, 0 failed", output);
    }

    /// <summary>Runs <paramref name="script"/> (a file name in tests/Hvac); its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, Uri address, string token, [System.Runtime.CompilerServices.CallerFilePath] string caller = "")
    {
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "Hvac", script));
        var start = new ProcessStartInfo("/usr/bin/python3", [path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["VAULT_ADDR"] = address.ToString().TrimEnd('/');
        start.Environment["VAULT_TOKEN"] = token;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
