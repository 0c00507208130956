using System.Net;
using VaultPathGen.Dev;
using VaultPathGen.Tests.Shared;

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

        await HvacScript.AssertPassesAsync("userpass_hvac.py", server);
    }
}
