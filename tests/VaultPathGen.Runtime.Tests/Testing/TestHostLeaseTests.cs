using System.Text.Json.Nodes;
using VaultPathGen.Testing;

namespace VaultPathGen.Tests.Testing;

/// <summary>The test host keeps leases as Vault's expiration manager does.</summary>
public class TestHostLeaseTests
{
    private static readonly VaultTestHostOptions Options = new()
    {
        MountPoint = "dyn/",
        SystemView = new StaticSystemView { DefaultLeaseTtl = TimeSpan.FromMinutes(20), MaxLeaseTtl = TimeSpan.FromHours(2) },
    };

    [Fact]
    public async Task Issued_secret_gets_a_lease_id_and_the_mounts_limits()
    {
        await using var host = new VaultTestHost(new LeaseBackend(), options: Options);
        var issued = await host.ReadAsync("creds/web");

        Assert.Matches("^dyn/creds/web/[A-Za-z0-9]{24}$", issued.LeaseId);
        // The type's 3h maximum is above the mount's 2h; the 1h default stays.
        Assert.Equal(TimeSpan.FromHours(1), issued.Response!.Secret!.Lease.Ttl);
        Assert.Equal(TimeSpan.FromHours(2), issued.Response.Secret.Lease.MaxTtl);
        var lease = Assert.Single(host.Leases);
        Assert.Equal(issued.LeaseId, lease.LeaseId);
        Assert.Equal("creds/web", lease.Path);
        Assert.Equal(lease.IssueTime + TimeSpan.FromHours(1), lease.ExpireTime);
    }

    [Fact]
    public async Task Renew_goes_to_the_backend_with_the_issuing_path_and_extends_the_lease()
    {
        var backend = new LeaseBackend();
        await using var host = new VaultTestHost(backend, options: Options);
        var leaseId = (await host.ReadAsync("creds/db")).LeaseId!;

        var renewed = await host.RenewAsync(leaseId, TimeSpan.FromMinutes(30));

        Assert.Equal(200, renewed.StatusCode);
        Assert.Equal([$"renew creds/db {leaseId} creds/db 1800"], backend.Calls);
        Assert.Equal(TimeSpan.FromMinutes(30), renewed.Response!.Secret!.Lease.Ttl);
        var lease = Assert.Single(host.Leases);
        Assert.NotNull(lease.LastRenewal);
        Assert.Equal(lease.LastRenewal + TimeSpan.FromMinutes(30), lease.ExpireTime);
    }

    [Fact]
    public async Task Core_refuses_unknown_and_non_renewable_leases_without_calling_the_backend()
    {
        var backend = new LeaseBackend();
        await using var host = new VaultTestHost(backend, options: Options);
        var fixedLease = (await host.ReadAsync("fixed/x")).LeaseId!;

        var unknown = await host.RenewAsync("dyn/creds/none/abc");
        var notRenewable = await host.RenewAsync(fixedLease);

        Assert.Equal((400, "lease not found"), (unknown.StatusCode, Assert.Single(unknown.Errors)));
        Assert.Equal((400, "lease is not renewable"), (notRenewable.StatusCode, Assert.Single(notRenewable.Errors)));
        Assert.Empty(backend.Calls);
    }

    [Fact]
    public async Task Revoke_calls_the_backend_and_forgets_the_lease_and_an_unknown_lease_is_already_revoked()
    {
        var backend = new LeaseBackend();
        await using var host = new VaultTestHost(backend, options: Options);
        var leaseId = (await host.ReadAsync("creds/a")).LeaseId!;

        Assert.Equal(204, (await host.RevokeAsync(leaseId)).StatusCode);
        Assert.Equal(["revoke creds/a creds/a"], backend.Calls);
        Assert.Empty(host.Leases);
        Assert.Equal(204, (await host.RevokeAsync(leaseId)).StatusCode);
        Assert.Single(backend.Calls);
    }

    [Fact]
    public async Task Expired_leases_are_revoked_and_a_failed_revoke_is_kept_for_the_next_try()
    {
        var backend = new LeaseBackend();
        await using var host = new VaultTestHost(backend, options: Options);
        await host.ReadAsync("creds/short");
        await host.ReadAsync("fixed/five-minutes");

        Assert.Equal(0, await host.RevokeExpiredLeasesAsync());
        backend.FailRevoke = true;
        Assert.Equal(0, await host.RevokeExpiredLeasesAsync(DateTimeOffset.UtcNow.AddMinutes(10)));
        Assert.Equal(2, host.Leases.Count);

        backend.FailRevoke = false;
        Assert.Equal(1, await host.RevokeExpiredLeasesAsync(DateTimeOffset.UtcNow.AddMinutes(10)));
        Assert.Equal("creds/short", Assert.Single(host.Leases).Path);
        Assert.Equal(1, await host.RevokeExpiredLeasesAsync(DateTimeOffset.UtcNow.AddHours(2)));
        Assert.Empty(host.Leases);
    }
}
