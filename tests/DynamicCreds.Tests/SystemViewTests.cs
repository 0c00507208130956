using System.Text.Json.Nodes;
using VaultPathGen;
using VaultPathGen.Testing;

namespace DynamicCreds.Tests;

/// <summary>What the engine asks of Vault's system view, answered by the configurable fake.</summary>
public class SystemViewTests
{
    private static readonly StaticSystemView View = new()
    {
        PasswordPolicies = new Dictionary<string, Func<string>> { ["alnum-16"] = () => "Alnum16Password0" },
        Entities = new Dictionary<string, Entity> { ["ent-1"] = new() { Id = "ent-1", Name = "alice" } },
        Groups = new Dictionary<string, IReadOnlyList<Group>> { ["ent-1"] = [new() { Name = "ops" }, new() { Name = "dev" }] },
    };

    [Fact]
    public async Task A_password_policy_and_the_requesters_identity_come_from_the_system_view()
    {
        await using var vault = await VaultTestHost.StartAsync(new DynamicCredsEngine(), options: new VaultTestHostOptions { SystemView = View });
        (await vault.WriteAsync("roles/web", new JsonObject { ["password_policy"] = "alnum-16" })).EnsureSuccess();

        var issued = (await vault.SendAsync(new Request(Operation.Read, "creds/web") { EntityId = "ent-1" })).EnsureSuccess();

        Assert.Equal("Alnum16Password0", issued.Data!["password"]!.GetValue<string>());
        var info = (await vault.ListAsync("issued")).Data!["key_info"]![issued.Data["username"]!.GetValue<string>()]!;
        Assert.Equal("alice", info["requested_by"]!.GetValue<string>());
        Assert.Equal("""["ops","dev"]""", info["requester_groups"]!.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_password_policy_fails_the_request_and_issues_nothing()
    {
        await using var vault = await VaultTestHost.StartAsync(new DynamicCredsEngine(), options: new VaultTestHostOptions { SystemView = View });
        (await vault.WriteAsync("roles/web", new JsonObject { ["password_policy"] = "missing" })).EnsureSuccess();

        var issued = await vault.ReadAsync("creds/web");

        Assert.Equal(500, issued.StatusCode);
        Assert.Contains("policy \"missing\" not found", issued.Errors[0], StringComparison.Ordinal);
        Assert.Empty(vault.Leases);
        Assert.Equal(404, (await vault.ListAsync("issued")).StatusCode);
    }

    [Fact]
    public async Task On_a_performance_secondary_the_periodic_clean_up_leaves_replicated_storage_alone()
    {
        var clock = new ManualClock();
        var view = new StaticSystemView { ReplicationState = ReplicationState.PerformanceSecondary };
        await using var vault = await VaultTestHost.StartAsync(new DynamicCredsEngine { Clock = clock }, options: new VaultTestHostOptions { SystemView = view });
        (await vault.WriteAsync("roles/web", new JsonObject { ["max_ttl"] = "1h" })).EnsureSuccess();
        (await vault.ReadAsync("creds/web")).EnsureSuccess();

        clock.UtcNow += TimeSpan.FromHours(2);
        (await vault.RollbackAsync()).EnsureSuccess();

        Assert.Single((await vault.ListAsync("issued")).Data!["keys"]!.AsArray());
    }
}
