using System.Net;
using VaultPathGen.Dev;
using VaultPathGen.Tests.Shared;

namespace KvEngine.Tests;

/// <summary>
/// A real Vault client, Debian's python3-hvac, driving the sample's KV v2 API in dev mode unchanged.
/// The package is installed by scripts/install-test-deps.sh; without it this test fails.
/// </summary>
public sealed class HvacTests
{
    [Fact]
    public async Task Hvac_kv_v2_client_works_against_dev_mode()
    {
        await using var server = await VaultDevServer.StartAsync(new KvEngine(), new VaultDevServerOptions
        {
            ListenAddress = new IPEndPoint(IPAddress.Loopback, 0),
            MountType = "kv",
            MountOptions = new Dictionary<string, string> { ["version"] = "2" },
        });

        await HvacScript.AssertPassesAsync("kv2_hvac.py", server);
    }
}
