using System.Text.Json.Nodes;

namespace KvEngine.Tests;

public sealed class CheckAndSetTests : KvTestBase
{
    private const string Mismatch = "check-and-set parameter did not match the current version";
    private const string Required = "check-and-set parameter required for this call";

    [Fact]
    public async Task Cas_zero_writes_only_when_the_key_has_no_version()
    {
        var first = await Put("app", new JsonObject { ["v"] = 1 }, cas: 0);
        var second = await Put("app", new JsonObject { ["v"] = 2 }, cas: 0);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(400, second.StatusCode);
        Assert.Equal([Mismatch], second.Errors);
        Assert.Equal(1, (await Get("app")).Data!["data"]!["v"].AsInt());
    }

    [Fact]
    public async Task Cas_must_equal_the_current_version()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        await Put("app", new JsonObject { ["v"] = 2 });

        var stale = await Put("app", new JsonObject { ["v"] = 3 }, cas: 1);
        var ahead = await Put("app", new JsonObject { ["v"] = 3 }, cas: 3);
        var current = await Put("app", new JsonObject { ["v"] = 3 }, cas: 2);

        Assert.Equal((400, Mismatch), (stale.StatusCode, stale.Errors[0]));
        Assert.Equal((400, Mismatch), (ahead.StatusCode, ahead.Errors[0]));
        Assert.Equal(3, current.EnsureStatus(200).Data!["version"].AsInt());
    }

    [Fact]
    public async Task Cas_is_weakly_decoded_like_vault()
    {
        await Put("app", new JsonObject { ["v"] = 1 });

        var asString = await Vault.WriteAsync("data/app", """{"options": {"cas": "1"}, "data": {"v": 2}}""");
        var garbage = await Vault.WriteAsync("data/app", """{"options": {"cas": "two"}, "data": {"v": 3}}""");

        Assert.Equal(200, asString.StatusCode);
        Assert.Equal((400, "error parsing check-and-set parameter"), (garbage.StatusCode, garbage.Errors[0]));
    }

    [Fact]
    public async Task Config_cas_required_refuses_writes_without_cas_on_every_key()
    {
        await Vault.WriteAsync("config", new JsonObject { ["cas_required"] = true });

        var without = await Put("app", new JsonObject { ["v"] = 1 });
        var create = await Put("app", new JsonObject { ["v"] = 1 }, cas: 0);
        var update = await Put("app", new JsonObject { ["v"] = 2 }, cas: 1);

        Assert.Equal((400, Required), (without.StatusCode, without.Errors[0]));
        Assert.Equal(200, create.StatusCode);
        Assert.Equal(200, update.StatusCode);
    }

    [Fact]
    public async Task Metadata_cas_required_applies_to_that_key_only()
    {
        await Vault.WriteAsync("metadata/guarded", new JsonObject { ["cas_required"] = true });

        var guarded = await Put("guarded", new JsonObject { ["v"] = 1 });
        var other = await Put("other", new JsonObject { ["v"] = 1 });
        var withCas = await Put("guarded", new JsonObject { ["v"] = 1 }, cas: 0);

        Assert.Equal((400, Required), (guarded.StatusCode, guarded.Errors[0]));
        Assert.Equal(200, other.StatusCode);
        Assert.Equal(200, withCas.StatusCode);
    }

    [Fact]
    public async Task Metadata_cannot_lift_a_cas_requirement_of_the_config()
    {
        await Vault.WriteAsync("config", new JsonObject { ["cas_required"] = true });

        var write = await Vault.WriteAsync("metadata/app", new JsonObject { ["cas_required"] = false });

        Assert.Equal(200, write.StatusCode);
        Assert.Equal(["\"cas_required\" set to false, but is mandated by backend config. This value will be ignored."], write.Warnings);
        Assert.Equal(400, (await Put("app", new JsonObject { ["v"] = 1 })).StatusCode);
    }

    [Fact]
    public async Task Patch_honours_cas()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        await Vault.WriteAsync("metadata/app", new JsonObject { ["cas_required"] = true });

        var without = await Vault.PatchAsync("data/app", new JsonObject { ["data"] = new JsonObject { ["v"] = 2 } });
        var stale = await Vault.PatchAsync("data/app", new JsonObject { ["options"] = new JsonObject { ["cas"] = 0 }, ["data"] = new JsonObject { ["v"] = 2 } });
        var current = await Vault.PatchAsync("data/app", new JsonObject { ["options"] = new JsonObject { ["cas"] = 1 }, ["data"] = new JsonObject { ["v"] = 2 } });

        Assert.Equal((400, Required), (without.StatusCode, without.Errors[0]));
        Assert.Equal((400, Mismatch), (stale.StatusCode, stale.Errors[0]));
        Assert.Equal(2, current.EnsureStatus(200).Data!["version"].AsInt());
    }
}
