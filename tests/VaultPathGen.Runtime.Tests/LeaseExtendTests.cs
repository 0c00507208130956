namespace VaultPathGen.Runtime.Tests;

/// <summary>LeaseRules.ExtendAsync: Vault's renewal rules applied to a token's auth or a secret's lease, with a fixed clock.</summary>
public class LeaseExtendTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly StaticSystemView Mount = new() { DefaultLeaseTtl = TimeSpan.FromHours(1), MaxLeaseTtl = TimeSpan.FromHours(24) };

    private static Auth Token(TimeSpan increment, DateTimeOffset issued, TimeSpan period = default, TimeSpan explicitMax = default) => new()
    {
        Metadata = { ["username"] = "dan" },
        Period = period,
        ExplicitMaxTtl = explicitMax,
        Lease = new LeaseOptions { Ttl = TimeSpan.FromMinutes(5), Renewable = true, Increment = increment, IssueTime = issued },
    };

    [Fact]
    public async Task Auth_gets_the_backend_ttl_and_max_and_keeps_the_rest()
    {
        var response = await LeaseRules.ExtendAsync(Token(TimeSpan.Zero, Now.AddMinutes(-20)), Mount, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), Now);

        Assert.Equal(TimeSpan.FromMinutes(30), response.Auth!.Lease.Ttl);
        Assert.Equal(TimeSpan.FromHours(1), response.Auth.Lease.MaxTtl);
        Assert.True(response.Auth.Lease.Renewable);
        Assert.Equal("dan", response.Auth.Metadata["username"]);
        Assert.Empty(response.Warnings);
    }

    [Fact]
    public async Task Auth_increment_is_capped_at_what_is_left_of_the_max_with_vaults_warning()
    {
        var response = await LeaseRules.ExtendAsync(Token(TimeSpan.FromHours(2), Now.AddMinutes(-45)), Mount, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), Now);

        Assert.Equal(TimeSpan.FromMinutes(15), response.Auth!.Lease.Ttl);
        Assert.Equal("TTL of \"2h0m0s\" exceeded the effective max_ttl of \"15m0s\"; TTL value is capped accordingly", Assert.Single(response.Warnings));
    }

    [Fact]
    public async Task Auth_without_a_backend_max_is_capped_by_the_mount_and_the_tokens_explicit_max()
    {
        var byMount = await LeaseRules.ExtendAsync(Token(TimeSpan.FromHours(30), Now), Mount, TimeSpan.Zero, TimeSpan.Zero, Now);
        Assert.Equal(TimeSpan.FromHours(24), byMount.Auth!.Lease.Ttl);

        var byToken = await LeaseRules.ExtendAsync(Token(TimeSpan.FromHours(3), Now.AddHours(-1), explicitMax: TimeSpan.FromHours(2)), Mount, TimeSpan.Zero, TimeSpan.Zero, Now);
        Assert.Equal(TimeSpan.FromHours(1), byToken.Auth!.Lease.Ttl);
    }

    [Fact]
    public async Task Auth_period_replaces_the_ttl()
    {
        var response = await LeaseRules.ExtendAsync(Token(TimeSpan.FromHours(5), Now.AddDays(-3), period: TimeSpan.FromHours(2)), Mount, TimeSpan.FromMinutes(30), TimeSpan.Zero, Now);
        Assert.Equal(TimeSpan.FromHours(2), response.Auth!.Lease.Ttl);
    }

    [Fact]
    public async Task Auth_past_its_max_is_refused()
    {
        var error = await Assert.ThrowsAsync<LogicalException>(async () =>
            await LeaseRules.ExtendAsync(Token(TimeSpan.Zero, Now.AddHours(-2)), Mount, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), Now));
        Assert.Equal("past the max TTL, cannot renew", error.Message);
    }

    [Fact]
    public async Task Secret_gets_the_backend_ttl_capped_at_its_max_from_issue()
    {
        var secret = new Secret
        {
            LeaseId = "creds/web/1",
            Lease = new LeaseOptions { Ttl = TimeSpan.FromHours(1), MaxTtl = TimeSpan.FromHours(3), Renewable = true, IssueTime = Now.AddMinutes(-170) },
        };

        var response = await LeaseRules.ExtendAsync(secret, Mount, TimeSpan.FromHours(1), TimeSpan.FromHours(3), Now);

        Assert.Same(secret, response.Secret);
        Assert.Equal(TimeSpan.FromMinutes(10), secret.Lease.Ttl);
        Assert.Equal(TimeSpan.FromHours(3), secret.Lease.MaxTtl);
        Assert.Single(response.Warnings);
    }
}
