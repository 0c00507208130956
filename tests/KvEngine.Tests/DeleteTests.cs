using System.Text.Json.Nodes;

namespace KvEngine.Tests;

public sealed class DeleteTests : KvTestBase
{
    [Fact]
    public async Task Delete_soft_deletes_the_latest_version_and_its_read_is_a_404_with_metadata()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        await Put("app", new JsonObject { ["v"] = 2 });
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(204, (await Vault.DeleteAsync("data/app")).StatusCode);
        Clock.Advance(TimeSpan.FromTicks(1));
        var read = await Get("app");

        Assert.Equal(404, read.StatusCode);
        var body = RawBody(read);
        Assert.Equal(
            """{"data":null,"metadata":{"created_time":"2024-01-02T03:04:05.1234567Z","custom_metadata":null,"deletion_time":"2024-01-02T03:04:06.1234567Z","destroyed":false,"version":2}}""",
            Json(body["data"]));
        Assert.Equal(read.Request.Id, body["request_id"]!.GetValue<string>());
        Assert.Equal(1, (await Get("app", 1)).EnsureStatus(200).Data!["data"]!["v"].AsInt());
        Assert.Contains("versions/app/2", Storage.Keys);
    }

    [Fact]
    public async Task Deleting_an_already_deleted_latest_version_changes_nothing()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        await Vault.DeleteAsync("data/app");
        Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(204, (await Vault.DeleteAsync("data/app")).StatusCode);
        Assert.Equal("2024-01-02T03:04:05.1234567Z", RawBody(await Get("app"))["data"]!["metadata"]!["deletion_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_and_undelete_named_versions()
    {
        for (var i = 1; i <= 3; i++)
        {
            await Put("app", new JsonObject { ["v"] = i });
        }

        Assert.Equal(204, (await Vault.WriteAsync("delete/app", Versions(1, 2, 99))).StatusCode);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(404, (await Get("app", 1)).StatusCode);
        Assert.Equal(404, (await Get("app", 2)).StatusCode);
        Assert.Equal(200, (await Get("app", 3)).StatusCode);

        Assert.Equal(204, (await Vault.WriteAsync("undelete/app", new JsonObject { ["versions"] = "1" })).StatusCode);
        var undeleted = (await Get("app", 1)).EnsureStatus(200);
        Assert.Equal("", undeleted.Data!["metadata"]!["deletion_time"]!.GetValue<string>());
        Assert.Equal(404, (await Get("app", 2)).StatusCode);
    }

    [Fact]
    public async Task Versions_are_required()
    {
        await Put("app", new JsonObject { ["v"] = 1 });

        var delete = await Vault.WriteAsync("delete/app", new JsonObject());
        var undelete = await Vault.WriteAsync("undelete/app", new JsonObject { ["versions"] = new JsonArray() });
        var destroy = await Vault.WriteAsync("destroy/app", new JsonObject());
        var bad = await Vault.WriteAsync("destroy/app", new JsonObject { ["versions"] = "1, 2" });

        Assert.Equal((400, "No version number provided"), (delete.StatusCode, delete.Errors[0]));
        Assert.Equal((400, "No version number provided"), (undelete.StatusCode, undelete.Errors[0]));
        Assert.Equal((400, "no version number provided"), (destroy.StatusCode, destroy.Errors[0]));
        Assert.Equal(400, bad.StatusCode);
    }

    [Fact]
    public async Task Destroy_removes_the_data_for_good()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        await Put("app", new JsonObject { ["v"] = 2 });

        Assert.Equal(204, (await Vault.WriteAsync("destroy/app", new JsonObject { ["versions"] = "2,7" })).StatusCode);
        Assert.Equal(204, (await Vault.WriteAsync("undelete/app", Versions(2))).StatusCode);

        var read = await Get("app");
        Assert.Equal(404, read.StatusCode);
        Assert.True(RawBody(read)["data"]!["metadata"]!["destroyed"]!.GetValue<bool>());
        Assert.Equal("", RawBody(read)["data"]!["metadata"]!["deletion_time"]!.GetValue<string>());
        Assert.DoesNotContain("versions/app/2", Storage.Keys);
        Assert.Contains("versions/app/1", Storage.Keys);
        Assert.True((await Vault.ReadAsync("metadata/app")).Data!["versions"]!["2"]!["destroyed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_destroyed_or_deleted_latest_version_cannot_be_patched_or_deleted_again()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        await Vault.WriteAsync("destroy/app", Versions(1));

        var patch = await Vault.PatchAsync("data/app", new JsonObject { ["data"] = new JsonObject { ["v"] = 2 } });

        Assert.Equal(404, patch.StatusCode);
        Assert.Equal("""{"created_time":"2024-01-02T03:04:05.1234567Z","custom_metadata":null,"deletion_time":"","destroyed":true,"version":1}""", Json(RawBody(patch)["data"]));
        Assert.Equal(204, (await Vault.DeleteAsync("data/app")).StatusCode);
        Assert.Equal("", (await Vault.ReadAsync("metadata/app")).Data!["versions"]!["1"]!["deletion_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_missing_secrets_succeeds_quietly()
    {
        Assert.Equal(204, (await Vault.DeleteAsync("data/nope")).StatusCode);
        Assert.Equal(204, (await Vault.WriteAsync("delete/nope", Versions(1))).StatusCode);
        Assert.Equal(204, (await Vault.WriteAsync("undelete/nope", Versions(1))).StatusCode);
        Assert.Equal(204, (await Vault.WriteAsync("destroy/nope", Versions(1))).StatusCode);
        Assert.Equal(0, Storage.Count);
    }

    [Fact]
    public async Task A_new_write_after_a_delete_is_readable()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        await Vault.DeleteAsync("data/app");

        (await Put("app", new JsonObject { ["v"] = 2 })).EnsureStatus(200);

        Assert.Equal(2, (await Get("app")).EnsureStatus(200).Data!["data"]!["v"].AsInt());
    }
}
