using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VaultPathGen;
using VaultPathGen.Dev;

namespace DynamicCreds.Tests;

/// <summary>The sample in dev mode, driven over HTTP the way a Vault client drives leases.</summary>
public sealed class DevModeTests : IAsyncLifetime
{
    private const string Token = "hvs.dynamic-creds";
    private VaultDevServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await VaultDevServer.StartAsync(new DynamicCredsEngine(), new VaultDevServerOptions
        {
            ListenAddress = new IPEndPoint(IPAddress.Loopback, 0),
            RootToken = Token,
            MountPoint = "dynamic-creds/",
            RollbackInterval = TimeSpan.FromHours(1),
        });
        _http = new HttpClient { BaseAddress = _server.Address };
        _http.DefaultRequestHeaders.Add("X-Vault-Token", Token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject? Body)> Send(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    [Fact]
    public async Task Issue_lookup_renew_and_revoke_a_credential_through_sys_leases()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Post, "/v1/dynamic-creds/roles/web", """{"ttl":"10m","max_ttl":"1h"}""")).Status);

        var (status, creds) = await Send(HttpMethod.Get, "/v1/dynamic-creds/creds/web");
        Assert.Equal(HttpStatusCode.OK, status);
        var leaseId = creds!["lease_id"]!.GetValue<string>();
        var username = creds["data"]!["username"]!.GetValue<string>();
        Assert.StartsWith("dynamic-creds/creds/web/", leaseId, StringComparison.Ordinal);
        Assert.Equal((600L, true), (creds["lease_duration"]!.GetValue<long>(), creds["renewable"]!.GetValue<bool>()));

        var (_, renewed) = await Send(HttpMethod.Put, "/v1/sys/leases/renew", $$"""{"lease_id":"{{leaseId}}","increment":1200}""");
        Assert.Equal(1200, renewed!["lease_duration"]!.GetValue<long>());
        var (_, lookup) = await Send(HttpMethod.Put, "/v1/sys/leases/lookup", $$"""{"lease_id":"{{leaseId}}"}""");
        Assert.NotNull(lookup!["data"]!["last_renewal"]);

        var (_, issued) = await Send(HttpMethod.Get, "/v1/dynamic-creds/issued?list=true");
        Assert.Equal(username, issued!["data"]!["keys"]![0]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Put, "/v1/sys/leases/revoke", $$"""{"lease_id":"{{leaseId}}"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Get, "/v1/dynamic-creds/issued?list=true")).Status);

        var (_, mounts) = await Send(HttpMethod.Get, "/v1/sys/mounts");
        Assert.Equal("dynamic-creds", mounts!["data"]!["dynamic-creds/"]!["type"]!.GetValue<string>());
    }
}
