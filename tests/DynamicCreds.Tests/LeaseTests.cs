using System.Text.Json.Nodes;

namespace DynamicCreds.Tests;

/// <summary>Issue, renew, revoke and expiry of credential leases through the in-process Vault core.</summary>
public class LeaseTests : CredsTestBase
{
    [Fact]
    public async Task Reading_creds_issues_a_username_and_password_under_a_lease_with_the_roles_ttls()
    {
        await WriteRole("web", ttl: "1h", maxTtl: "3h", prefix: "app-");

        var issued = await Issue("web");

        var username = issued.Data!["username"]!.GetValue<string>();
        Assert.Matches("^app-web-[a-z0-9]{8}$", username);
        Assert.Equal(24, issued.Data["password"]!.GetValue<string>().Length);
        Assert.StartsWith("dynamic-creds/creds/web/", issued.LeaseId, StringComparison.Ordinal);
        var secret = issued.Response!.Secret!;
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromHours(3), true), (secret.Lease.Ttl, secret.Lease.MaxTtl, secret.Lease.Renewable));
        Assert.Equal("creds", secret.InternalData["secret_type"]!.GetValue<string>());
        Assert.Null(secret.InternalData["password"]);
        Assert.Equal([username], await Issued());
        Assert.Empty(await VaultPathGen.Wal.ListAsync(Vault.Storage));
    }

    [Fact]
    public async Task A_role_without_ttls_gets_the_secret_types_default_and_max()
    {
        await WriteRole("plain", ttl: "0", maxTtl: "0");

        var secret = (await Issue("plain")).Response!.Secret!;

        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromHours(24)), (secret.Lease.Ttl, secret.Lease.MaxTtl));
    }

    [Fact]
    public async Task An_unknown_role_is_a_400()
    {
        var response = await Vault.ReadAsync("creds/none");
        Assert.Equal((400, "unknown role: none"), (response.StatusCode, Assert.Single(response.Errors)));
        Assert.Empty(Vault.Leases);
    }

    [Fact]
    public async Task Renew_extends_by_the_increment_and_never_past_the_roles_max_ttl()
    {
        await WriteRole("web", ttl: "1h", maxTtl: "3h");
        var leaseId = (await Issue("web")).LeaseId!;

        var renewed = await Vault.RenewAsync(leaseId, TimeSpan.FromMinutes(90));
        Assert.Equal(200, renewed.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(90), renewed.Response!.Secret!.Lease.Ttl);

        // 2h50m after issue only ten minutes of the 3h maximum are left.
        Clock.UtcNow += TimeSpan.FromMinutes(170);
        var capped = await Vault.RenewAsync(leaseId, TimeSpan.FromHours(1));
        Assert.InRange(capped.Response!.Secret!.Lease.Ttl, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.Contains(capped.Warnings, w => w.Contains("TTL value is capped accordingly", StringComparison.Ordinal));

        Clock.UtcNow += TimeSpan.FromMinutes(20);
        var late = await Vault.RenewAsync(leaseId);
        Assert.Equal(500, late.StatusCode);
        Assert.Contains("past the max TTL, cannot renew", late.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_without_increment_uses_the_roles_ttl_and_a_deleted_roles_credential_renews_with_the_type_default()
    {
        await WriteRole("web", ttl: "20m", maxTtl: "3h");
        var leaseId = (await Issue("web")).LeaseId!;

        Assert.Equal(TimeSpan.FromMinutes(20), (await Vault.RenewAsync(leaseId)).Response!.Secret!.Lease.Ttl);

        await Vault.DeleteAsync("roles/web");
        Assert.Equal(TimeSpan.FromHours(1), (await Vault.RenewAsync(leaseId)).Response!.Secret!.Lease.Ttl);
    }

    [Fact]
    public async Task Revoke_removes_the_credential_and_its_lease()
    {
        await WriteRole("web");
        var first = await Issue("web");
        var second = await Issue("web");

        Assert.Equal(204, (await Vault.RevokeAsync(first.LeaseId!)).StatusCode);

        Assert.Equal([second.Data!["username"]!.GetValue<string>()], await Issued());
        Assert.Equal(second.LeaseId, Assert.Single(Vault.Leases).LeaseId);
        var renew = await Vault.RenewAsync(first.LeaseId!);
        Assert.Equal((400, "lease not found"), (renew.StatusCode, Assert.Single(renew.Errors)));
    }

    [Fact]
    public async Task An_expired_lease_is_revoked_and_its_credential_removed()
    {
        await WriteRole("short", ttl: "10m", maxTtl: "1h");
        await WriteRole("long", ttl: "2h", maxTtl: "3h");
        await Issue("short");
        var kept = await Issue("long");

        Assert.Equal(1, await Vault.RevokeExpiredLeasesAsync(DateTimeOffset.UtcNow.AddMinutes(30)));

        Assert.Equal([kept.Data!["username"]!.GetValue<string>()], await Issued());
    }
}
