using System.Net;
using VaultPathGen.Dev;
using VaultPathGen.Tests.Shared;

namespace DynamicCreds.Tests;

/// <summary>
/// A real Vault client, Debian's python3-hvac, driving the sample's leases (read, sys.read_lease,
/// renew_lease, revoke_lease) and dev mode's response wrapping (X-Vault-Wrap-TTL, lookup, unwrap)
/// unchanged. Installed by scripts/install-test-deps.sh; without it this test fails.
/// </summary>
public sealed class HvacTests
{
    [Fact]
    public async Task Hvac_lease_and_wrapping_calls_work_against_dev_mode()
    {
        await using var server = await VaultDevServer.StartAsync(new DynamicCredsEngine(), new VaultDevServerOptions
        {
            ListenAddress = new IPEndPoint(IPAddress.Loopback, 0),
            MountPoint = "dynamic-creds/",
            RollbackInterval = TimeSpan.FromHours(1),
        });

        await HvacScript.AssertPassesAsync("dynamic_creds_hvac.py", server);
    }
}
