using System.Text.Json.Nodes;
using VaultPathGen;
using VaultPathGen.Testing;

namespace Userpass.Tests;

/// <summary>A clock that only moves when a test moves it.</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => UtcNow;
}

/// <summary>The sample mounted in the in-process host, as Vault mounts it at auth/userpass/.</summary>
internal static class UserpassHost
{
    public static async Task<(VaultTestHost Host, Userpass Backend, ManualClock Clock)> StartAsync(StaticSystemView? systemView = null)
    {
        var clock = new ManualClock();
        var backend = new Userpass { Clock = clock };
        var options = new VaultTestHostOptions { MountPoint = "auth/userpass/", MountType = "userpass", SystemView = systemView ?? StaticSystemView.Default };
        var host = await VaultTestHost.StartAsync(backend, options: options);
        return (host, backend, clock);
    }

    public static async Task CreateUserAsync(this VaultTestHost host, string name, string password, JsonObject? extra = null)
    {
        var data = extra ?? [];
        data["password"] = password;
        (await host.WriteAsync("users/" + name, data)).EnsureSuccess();
    }

    public static Task<HostResponse> LoginAsync(this VaultTestHost host, string name, string password) =>
        host.LoginAsync("login/" + name, new JsonObject { ["password"] = password });
}
