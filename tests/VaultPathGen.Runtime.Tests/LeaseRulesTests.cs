namespace VaultPathGen.Runtime.Tests;

/// <summary>Vault's CalculateTTL rules, with a fixed clock.</summary>
public class LeaseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly StaticSystemView Mount = new() { DefaultLeaseTtl = TimeSpan.FromHours(1), MaxLeaseTtl = TimeSpan.FromHours(24) };

    private static Task<LeaseTtl> Calculate(TimeSpan increment, TimeSpan backendTtl, TimeSpan backendMax, DateTimeOffset issued = default, TimeSpan period = default, TimeSpan explicitMax = default, ISystemView? view = null)
        => LeaseRules.CalculateTtlAsync(view ?? Mount, increment, backendTtl, period, backendMax, explicitMax, issued, Now).AsTask();

    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    [Theory]
    [InlineData(2, 3, 0, 2)]   // the increment wins
    [InlineData(0, 3, 0, 3)]   // then the backend's TTL
    [InlineData(0, 0, 0, 1)]   // then the mount's default
    [InlineData(30, 0, 0, 24)] // capped at the mount's max
    [InlineData(30, 0, 5, 5)]  // or the backend's, when smaller
    [InlineData(0, 0, 48, 1)]  // a backend max above the mount's does not raise it
    public async Task Increment_then_backend_ttl_then_mount_default_capped_at_the_smallest_max(double increment, double backendTtl, double backendMax, double expected)
    {
        var result = await Calculate(H(increment), H(backendTtl), H(backendMax));
        Assert.Equal(H(expected), result.Ttl);
        Assert.Equal(expected < increment, result.Warnings.Count == 1);
    }

    [Fact]
    public async Task Renewal_cannot_outlive_issue_time_plus_max()
    {
        var result = await Calculate(H(2), TimeSpan.Zero, H(3), Now - H(2.5));
        Assert.Equal(TimeSpan.FromMinutes(30), result.Ttl);
        Assert.Equal("TTL of \"2h0m0s\" exceeded the effective max_ttl of \"30m0s\"; TTL value is capped accordingly", Assert.Single(result.Warnings));
    }

    [Fact]
    public async Task Past_the_max_is_an_error()
    {
        var error = await Assert.ThrowsAsync<LogicalException>(() => Calculate(H(1), TimeSpan.Zero, H(3), Now - H(4)));
        Assert.Equal("past the max TTL, cannot renew", error.Message);
    }

    [Fact]
    public async Task A_period_replaces_the_ttl_and_is_capped_at_the_max()
    {
        Assert.Equal(H(6), (await Calculate(H(1), H(2), TimeSpan.Zero, period: H(6))).Ttl);
        var capped = await Calculate(TimeSpan.Zero, TimeSpan.Zero, H(4), period: H(6));
        Assert.Equal(H(4), capped.Ttl);
        Assert.StartsWith("period of \"6h0m0s\" exceeded", Assert.Single(capped.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_mount_max_is_refused() =>
        await Assert.ThrowsAsync<LogicalException>(() => Calculate(H(1), TimeSpan.Zero, TimeSpan.Zero, view: new StaticSystemView { MaxLeaseTtl = TimeSpan.Zero }));

    [Fact]
    public async Task Times_are_truncated_to_the_second()
    {
        var result = await Calculate(H(2), TimeSpan.Zero, H(3), Now - H(2.5) + TimeSpan.FromMilliseconds(900));
        Assert.Equal(TimeSpan.FromMinutes(30), result.Ttl);
    }
}
