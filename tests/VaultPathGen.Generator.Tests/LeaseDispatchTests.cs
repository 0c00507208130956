using System.Text.Json.Nodes;

namespace VaultPathGen.Generator.Tests;

/// <summary>Secret types compiled with the generator: issue, then renew and revoke routed by secret_type.</summary>
public class LeaseDispatchTests
{
    private static async Task<(IBackend Backend, InMemoryStorage Storage)> Mount(StaticSystemView? systemView = null)
    {
        var backend = GeneratorHarness.Load(TestBackends.Leases, "Samples.Leases");
        var storage = new InMemoryStorage();
        await backend.SetupAsync(new BackendConfig { Storage = storage, SystemView = systemView ?? StaticSystemView.Default }, CancellationToken.None);
        return (backend, storage);
    }

    private static List<string> Calls(IBackend backend) => (List<string>)backend.GetType().GetProperty("Calls")!.GetValue(backend)!;

    private static Task<Response?> Send(IBackend backend, Request request, IStorage storage)
    {
        request.Storage = storage;
        return backend.HandleRequestAsync(request, CancellationToken.None).AsTask();
    }

    private static Secret Lease(Secret issued, TimeSpan increment, DateTimeOffset issueTime) => new()
    {
        LeaseId = "test/creds/dev/abc",
        InternalData = (JsonObject)issued.InternalData.DeepClone(),
        Lease = issued.Lease with { Increment = increment, IssueTime = issueTime },
    };

    [Fact]
    public async Task Issued_secret_carries_its_type_and_the_types_lease_settings()
    {
        var (backend, storage) = await Mount();
        var response = await Send(backend, new Request(Operation.Read, "creds/web"), storage);

        Assert.Equal("u-web", response!.Data!["username"]!.GetValue<string>());
        Assert.Equal("creds", response.Secret!.InternalData["secret_type"]!.GetValue<string>());
        Assert.Equal("web", response.Secret.InternalData["role"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromHours(1), response.Secret.Lease.Ttl);
        Assert.Equal(TimeSpan.FromHours(2), response.Secret.Lease.MaxTtl);
        Assert.True(response.Secret.Lease.Renewable);
    }

    [Fact]
    public async Task A_ttl_set_by_the_handler_is_kept_and_a_non_renewable_type_says_so()
    {
        var (backend, storage) = await Mount();
        var response = await Send(backend, new Request(Operation.Read, "token"), storage);

        Assert.Equal(TimeSpan.FromMinutes(5), response!.Secret!.Lease.Ttl);
        Assert.False(response.Secret.Lease.Renewable);
    }

    [Fact]
    public async Task Issuing_an_undeclared_type_is_an_internal_error()
    {
        var (backend, storage) = await Mount();
        var error = await Assert.ThrowsAsync<LogicalException>(() => Send(backend, new Request(Operation.Read, "bogus"), storage));
        Assert.Equal(ErrorType.InternalError, error.Type);
        Assert.Contains("\"bogus\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_binds_typed_internal_data_increment_storage_and_system_view_whatever_the_path()
    {
        var (backend, storage) = await Mount(new StaticSystemView { MaxLeaseTtl = TimeSpan.FromHours(10) });
        var issued = (await Send(backend, new Request(Operation.Read, "creds/db"), storage))!.Secret!;

        var renewal = await Send(backend, new Request(Operation.Renew, "some/other/path") { Secret = Lease(issued, TimeSpan.FromMinutes(30), DateTimeOffset.UtcNow) }, storage);

        Assert.Equal(["renew u-db db 1800 36000"], Calls(backend));
        Assert.NotNull(await storage.GetAsync("renewed/u-db"));
        Assert.Equal(TimeSpan.FromMinutes(30), renewal!.Secret!.Lease.Ttl);
        Assert.Equal("creds", renewal.Secret.InternalData["secret_type"]!.GetValue<string>());
        Assert.Equal("test/creds/dev/abc", renewal.Secret.LeaseId);
    }

    [Fact]
    public async Task Renew_without_increment_uses_the_types_default_and_is_capped_at_the_types_max_from_issue()
    {
        var (backend, storage) = await Mount();
        var issued = (await Send(backend, new Request(Operation.Read, "creds/db"), storage))!.Secret!;

        var plain = await Send(backend, new Request(Operation.Renew, "") { Secret = Lease(issued, TimeSpan.Zero, DateTimeOffset.UtcNow) }, storage);
        Assert.Equal(TimeSpan.FromHours(1), plain!.Secret!.Lease.Ttl);

        // Issued 90 minutes ago with a 2h maximum: 30 minutes are left, whatever the increment.
        var late = await Send(backend, new Request(Operation.Renew, "") { Secret = Lease(issued, TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddMinutes(-90)) }, storage);
        Assert.InRange(late!.Secret!.Lease.Ttl, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        Assert.Contains(late.Warnings, w => w.Contains("capped", StringComparison.Ordinal));

        var expired = await Assert.ThrowsAsync<LogicalException>(() => Send(backend, new Request(Operation.Renew, "") { Secret = Lease(issued, TimeSpan.Zero, DateTimeOffset.UtcNow.AddHours(-3)) }, storage));
        Assert.Equal("past the max TTL, cannot renew", expired.Message);
    }

    [Fact]
    public async Task Revoke_binds_raw_internal_data_and_the_secret()
    {
        var (backend, storage) = await Mount();
        var issued = (await Send(backend, new Request(Operation.Read, "creds/ops"), storage))!.Secret!;

        var response = await Send(backend, new Request(Operation.Revoke, "creds/ops") { Secret = Lease(issued, TimeSpan.Zero, DateTimeOffset.UtcNow) }, storage);

        Assert.Null(response);
        Assert.Equal(["revoke u-ops test/creds/dev/abc creds/ops"], Calls(backend));
    }

    [Fact]
    public async Task Renewing_a_non_renewable_type_is_unsupported_but_it_revokes()
    {
        var (backend, storage) = await Mount();
        var issued = (await Send(backend, new Request(Operation.Read, "token"), storage))!.Secret!;

        var error = await Assert.ThrowsAsync<LogicalException>(() => Send(backend, new Request(Operation.Renew, "") { Secret = Lease(issued, TimeSpan.Zero, default) }, storage));
        Assert.Equal(ErrorType.UnsupportedOperation, error.Type);
        Assert.Null(await Send(backend, new Request(Operation.Revoke, "") { Secret = Lease(issued, TimeSpan.Zero, default) }, storage));
    }

    [Theory]
    [InlineData(null, "request has no secret")]
    [InlineData("{}", "secret is unsupported by this backend")]
    [InlineData("{\"secret_type\":\"other\"}", "secret is unsupported by this backend")]
    [InlineData("{\"secret_type\":7}", "secret is unsupported by this backend")]
    public async Task Renew_and_revoke_without_a_known_type_fail_like_vaults_framework(string? internalData, string message)
    {
        var (backend, storage) = await Mount();
        foreach (var operation in new[] { Operation.Renew, Operation.Revoke })
        {
            var secret = internalData is null ? null : new Secret { InternalData = (JsonObject)JsonNode.Parse(internalData)! };
            var error = await Assert.ThrowsAsync<LogicalException>(() => Send(backend, new Request(operation, "") { Secret = secret }, storage));
            Assert.Equal(message, error.Message);
        }
    }
}
