using System.Diagnostics;
using System.Net;
using VaultPathGen.Dev;

namespace Userpass.Tests;

/// <summary>
/// A real Vault client, Debian's python3-hvac, driving the sample's userpass API in dev mode
/// unchanged: user management with the root token, then logins and the tokens they return. The
/// package is installed by scripts/install-test-deps.sh; without it this test fails.
/// </summary>
public sealed class HvacTests
{
    [Fact]
    public async Task Hvac_userpass_client_works_against_dev_mode()
    {
        await using var server = await VaultDevServer.StartAsync(new Userpass(), new VaultDevServerOptions
        {
            ListenAddress = new IPEndPoint(IPAddress.Loopback, 0),
            MountPoint = "userpass",
            MountType = "userpass",
        });
        Assert.Equal("auth/userpass/", server.MountPoint);

        var script = Path.Combine(RepositoryRoot(), "tests", "Hvac", "userpass_hvac.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["VAULT_ADDR"] = server.Address.ToString().TrimEnd('/');
        start.Environment["VAULT_TOKEN"] = server.RootToken;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;

        Assert.True(process.ExitCode == 0, "hvac run failed:\n" + output);
        Assert.Matches(@"hvac: [1-9]\d* passed, 0 failed", output);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
