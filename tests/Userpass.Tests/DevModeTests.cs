using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VaultPathGen.Dev;
using VaultPathGen.Tests.Shared;

namespace Userpass.Tests;

/// <summary>`Userpass --dev` as Program.cs runs it: the banner, then logins over HTTP without a token.</summary>
public sealed partial class DevModeTests
{
    [GeneratedRegex(@"Api Address: (?<address>http://\S+)")]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"Root Token: (?<token>\S+)")]
    private static partial Regex TokenLine();

    [Fact]
    public async Task Dev_mode_mounts_the_auth_method_and_says_policies_are_not_enforced()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var banner = new SynchronizedWriter();
        var run = VaultDev.RunAsync(() => new Userpass(), ["--dev", "--dev-listen-address=127.0.0.1:0", "--dev-mount=userpass"],
            new VaultDevServerOptions { MountType = "userpass" }, banner, stop.Token);
        while (!AddressLine().IsMatch(banner.ToString()) && !run.IsCompleted)
        {
            await Task.Delay(20, stop.Token);
        }

        var text = banner.ToString();
        Assert.Contains("mounted at auth/userpass/", text, StringComparison.Ordinal);
        Assert.Contains("Policies are not enforced", text, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = new Uri(AddressLine().Match(text).Groups["address"].Value) };
        using (var create = new HttpRequestMessage(HttpMethod.Post, "/v1/auth/userpass/users/alice") { Content = JsonContent.Create(new { password = "pw", token_policies = "dev" }) })
        {
            create.Headers.Add("X-Vault-Token", TokenLine().Match(text).Groups["token"].Value);
            Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(create, stop.Token)).StatusCode);
        }

        var login = await http.PostAsJsonAsync("/v1/auth/userpass/login/alice", new { password = "pw" }, stop.Token);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var auth = JsonNode.Parse(await login.Content.ReadAsStringAsync(stop.Token))!["auth"]!;
        Assert.Equal("""["default","dev"]""", auth["policies"]!.ToJsonString());

        using var lookup = new HttpRequestMessage(HttpMethod.Get, "/v1/auth/token/lookup-self");
        lookup.Headers.Add("X-Vault-Token", auth["client_token"]!.GetValue<string>());
        var self = JsonNode.Parse(await (await http.SendAsync(lookup, stop.Token)).Content.ReadAsStringAsync(stop.Token))!;
        Assert.Equal("userpass-alice", self["data"]!["display_name"]!.GetValue<string>());

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }
}
