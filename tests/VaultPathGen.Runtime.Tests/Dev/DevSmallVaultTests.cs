using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VaultPathGen.Dev;
using VaultPathGen.Tests.Testing;

namespace VaultPathGen.Tests.Dev;

/// <summary>Dev mode as a small Vault: leases through sys/leases, expiry, the rollback tick, wrapping, seal status, mounts.</summary>
public sealed class DevSmallVaultTests
{
    private const string Token = "hvs.dev-test";

    private static async Task<(VaultDevServer Server, HttpClient Http)> Start(LeaseBackend backend, VaultDevServerOptions? options = null)
    {
        var server = await VaultDevServer.StartAsync(backend, new VaultDevServerOptions
        {
            ListenAddress = new IPEndPoint(IPAddress.Loopback, 0),
            RootToken = Token,
            MountPoint = "dyn/",
            SystemView = options?.SystemView ?? new StaticSystemView { DefaultLeaseTtl = TimeSpan.FromMinutes(20), MaxLeaseTtl = TimeSpan.FromHours(2) },
            RollbackInterval = options?.RollbackInterval ?? TimeSpan.FromHours(1),
            LeaseExpiryInterval = options?.LeaseExpiryInterval ?? TimeSpan.FromHours(1),
        });
        var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Add("X-Vault-Token", Token);
        return (server, http);
    }

    private static async Task<(HttpStatusCode Status, JsonObject? Body)> Send(HttpClient http, HttpMethod method, string path, string? json = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    /// <summary>Waits for background work, bounded: fails after five seconds.</summary>
    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "background work did not happen within 5 s");
    }

    [Fact]
    public async Task Leases_are_real_and_sys_leases_lookup_renew_and_revoke_drive_the_backend()
    {
        var backend = new LeaseBackend();
        var (server, http) = await Start(backend);
        await using var _ = server;
        using var __ = http;

        var (status, read) = await Send(http, HttpMethod.Get, "/v1/dyn/creds/web");
        var leaseId = read!["lease_id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("^dyn/creds/web/[A-Za-z0-9]{24}$", leaseId);
        Assert.Equal(3600, read["lease_duration"]!.GetValue<long>());
        Assert.True(read["renewable"]!.GetValue<bool>());

        var (_, lookup) = await Send(http, HttpMethod.Put, "/v1/sys/leases/lookup", $$"""{"lease_id":"{{leaseId}}"}""");
        Assert.Equal(leaseId, lookup!["data"]!["id"]!.GetValue<string>());
        Assert.InRange(lookup["data"]!["ttl"]!.GetValue<long>(), 3598, 3600);

        var (renewStatus, renewed) = await Send(http, HttpMethod.Put, "/v1/sys/leases/renew", $$"""{"lease_id":"{{leaseId}}","increment":"30m"}""");
        Assert.Equal(HttpStatusCode.OK, renewStatus);
        Assert.Equal((leaseId, 1800L), (renewed!["lease_id"]!.GetValue<string>(), renewed["lease_duration"]!.GetValue<long>()));
        Assert.Equal($"renew creds/web {leaseId} creds/web 1800", backend.Calls.Single());

        var (revokeStatus, _) = await Send(http, HttpMethod.Put, "/v1/sys/leases/revoke", $$"""{"lease_id":"{{leaseId}}"}""");
        Assert.Equal(HttpStatusCode.NoContent, revokeStatus);
        Assert.Contains("revoke creds/web creds/web", backend.Calls);
        var (gone, error) = await Send(http, HttpMethod.Put, "/v1/sys/leases/lookup", $$"""{"lease_id":"{{leaseId}}"}""");
        Assert.Equal((HttpStatusCode.BadRequest, "invalid lease"), (gone, error!["errors"]![0]!.GetValue<string>()));
        var (renewGone, _) = await Send(http, HttpMethod.Put, "/v1/sys/leases/renew/" + leaseId);
        Assert.Equal(HttpStatusCode.BadRequest, renewGone);
    }

    [Fact]
    public async Task Revoke_prefix_revokes_every_lease_under_it_and_requires_the_token()
    {
        var backend = new LeaseBackend();
        var (server, http) = await Start(backend);
        await using var _ = server;
        using var __ = http;
        await Send(http, HttpMethod.Get, "/v1/dyn/creds/a");
        await Send(http, HttpMethod.Get, "/v1/dyn/creds/b");
        await Send(http, HttpMethod.Get, "/v1/dyn/other/c");

        using var anonymous = new HttpClient { BaseAddress = server.Address };
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(anonymous, HttpMethod.Put, "/v1/sys/leases/revoke-prefix/dyn/creds")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(http, HttpMethod.Put, "/v1/sys/leases/revoke-prefix/dyn/creds")).Status);

        Assert.Equal("dyn/other/c", string.Join(",", server.Leases.Select(l => l.LeaseId[..l.LeaseId.LastIndexOf('/')])));
        Assert.Equal(2, backend.Calls.Count(c => c.StartsWith("revoke", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_expired_lease_is_revoked_by_dev_mode()
    {
        var backend = new LeaseBackend();
        var (server, http) = await Start(backend, new VaultDevServerOptions
        {
            SystemView = new StaticSystemView { MaxLeaseTtl = TimeSpan.FromSeconds(1) },
            LeaseExpiryInterval = TimeSpan.FromMilliseconds(100),
        });
        await using var _ = server;
        using var __ = http;

        var (_, read) = await Send(http, HttpMethod.Get, "/v1/dyn/creds/short");
        Assert.Equal(1, read!["lease_duration"]!.GetValue<long>());

        await Eventually(() => backend.Calls.Contains("revoke creds/short creds/short"));
        Assert.Empty(server.Leases);
    }

    [Fact]
    public async Task The_rollback_tick_reaches_the_backend()
    {
        var backend = new LeaseBackend();
        var (server, http) = await Start(backend, new VaultDevServerOptions { RollbackInterval = TimeSpan.FromMilliseconds(100) });
        await using var _ = server;
        using var __ = http;

        await Eventually(() => backend.Calls.Contains("rollback"));
    }

    [Fact]
    public async Task X_Vault_Wrap_TTL_wraps_the_response_and_unwrap_gives_it_back_once()
    {
        var (server, http) = await Start(new LeaseBackend());
        await using var _ = server;
        using var __ = http;

        var (status, wrapped) = await Send(http, HttpMethod.Get, "/v1/dyn/creds/w", headers: ("X-Vault-Wrap-TTL", "60s"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(wrapped!["data"]);
        var info = wrapped["wrap_info"]!;
        var token = info["token"]!.GetValue<string>();
        Assert.Equal((60L, "dyn/creds/w"), (info["ttl"]!.GetValue<long>(), info["creation_path"]!.GetValue<string>()));

        var (_, lookup) = await Send(http, HttpMethod.Put, "/v1/sys/wrapping/lookup", $$"""{"token":"{{token}}"}""");
        Assert.Equal(60, lookup!["data"]!["creation_ttl"]!.GetValue<long>());

        // As clients do it: the wrapping token itself as X-Vault-Token.
        using var holder = new HttpClient { BaseAddress = server.Address };
        holder.DefaultRequestHeaders.Add("X-Vault-Token", token);
        var (unwrapStatus, unwrapped) = await Send(holder, HttpMethod.Put, "/v1/sys/wrapping/unwrap");
        Assert.Equal(HttpStatusCode.OK, unwrapStatus);
        Assert.Equal("creds/w", unwrapped!["data"]!["user"]!.GetValue<string>());
        Assert.StartsWith("dyn/creds/w/", unwrapped["lease_id"]!.GetValue<string>(), StringComparison.Ordinal);

        var (again, _) = await Send(http, HttpMethod.Put, "/v1/sys/wrapping/unwrap", $$"""{"token":"{{token}}"}""");
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(http, HttpMethod.Get, "/v1/dyn/creds/w", headers: ("X-Vault-Wrap-TTL", "soon"))).Status);
    }

    [Fact]
    public async Task Seal_status_answers_without_a_token_and_mounts_report_the_backends_own_type()
    {
        var (server, http) = await Start(new LeaseBackend());
        await using var _ = server;
        using var __ = http;
        using var anonymous = new HttpClient { BaseAddress = server.Address };

        var (status, seal) = await Send(anonymous, HttpMethod.Get, "/v1/sys/seal-status");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((false, true, "shamir"), (seal!["sealed"]!.GetValue<bool>(), seal["initialized"]!.GetValue<bool>(), seal["type"]!.GetValue<string>()));

        var (_, mounts) = await Send(http, HttpMethod.Get, "/v1/sys/mounts");
        Assert.Equal("leases", mounts!["data"]!["dyn/"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("localhost:8211", "127.0.0.1", 8211)]
    [InlineData("127.0.0.1:8200", "127.0.0.1", 8200)]
    [InlineData("[::1]:8300", "::1", 8300)]
    public void Listen_addresses_take_host_names(string text, string address, int port)
    {
        Assert.True(VaultDev.TryParseListenAddress(text, out var endpoint));
        Assert.Equal((IPAddress.Parse(address), port), (endpoint.Address, endpoint.Port));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:99999")]
    [InlineData("8200")]
    public void Bad_listen_addresses_are_refused(string text) => Assert.False(VaultDev.TryParseListenAddress(text, out _));

    [Theory]
    [InlineData("DynamicCredsEngine", "dynamic-creds")]
    [InlineData("KvEngine", "kv")]
    [InlineData("LDAPBackend", "ldap")]
    [InlineData("Leases", "leases")]
    public void Mount_types_come_from_the_backends_name(string name, string type) => Assert.Equal(type, DevNames.MountTypeOf(name));
}
