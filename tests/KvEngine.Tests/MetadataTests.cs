using System.Text.Json.Nodes;
using VaultPathGen;

namespace KvEngine.Tests;

public sealed class MetadataTests : KvTestBase
{
    [Fact]
    public async Task Read_shows_the_secret_and_every_kept_version()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Put("app", new JsonObject { ["v"] = 2 });
        await Vault.DeleteAsync("data/app");

        var read = (await Vault.ReadAsync("metadata/app")).EnsureStatus(200);

        Assert.Equal(
            """{"cas_required":false,"created_time":"2024-01-02T03:04:05.1234567Z","current_version":2,"custom_metadata":null,"delete_version_after":"0s","max_versions":0,"oldest_version":0,"updated_time":"2024-01-02T03:04:06.1234567Z","versions":{"1":{"created_time":"2024-01-02T03:04:05.1234567Z","deletion_time":"","destroyed":false},"2":{"created_time":"2024-01-02T03:04:06.1234567Z","deletion_time":"2024-01-02T03:04:06.1234567Z","destroyed":false}}}""",
            Json(read.Data));
        Assert.Equal(404, (await Vault.ReadAsync("metadata/nope")).StatusCode);
    }

    [Fact]
    public async Task Write_creates_settings_without_a_version()
    {
        var write = await Vault.WriteAsync("metadata/app", new JsonObject
        {
            ["max_versions"] = 4,
            ["cas_required"] = true,
            ["delete_version_after"] = "1h",
            ["custom_metadata"] = new JsonObject { ["owner"] = "jdoe", ["critical"] = false, ["count"] = 3 },
        });

        Assert.Equal((204, Operation.Create), (write.StatusCode, write.Operation));
        var read = (await Vault.ReadAsync("metadata/app")).EnsureStatus(200).Data!;
        Assert.Equal(0, read["current_version"].AsInt());
        Assert.Equal(4, read["max_versions"].AsInt());
        Assert.True(read["cas_required"]!.GetValue<bool>());
        Assert.Equal("1h0m0s", read["delete_version_after"]!.GetValue<string>());
        Assert.Equal("""{"count":"3","critical":"0","owner":"jdoe"}""", Json(read["custom_metadata"]));
        Assert.Equal("{}", Json(read["versions"]));
        Assert.Equal(404, (await Get("app")).StatusCode);

        var data = (await Put("app", new JsonObject { ["v"] = 1 }, cas: 0)).EnsureStatus(200);
        Assert.Equal("""{"count":"3","critical":"0","owner":"jdoe"}""", Json(data.Data!["custom_metadata"]));
        Assert.Equal("jdoe", (await Get("app")).Data!["metadata"]!["custom_metadata"]!["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task Write_changes_only_what_it_names_and_not_the_update_time()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        await Vault.WriteAsync("metadata/app", new JsonObject { ["max_versions"] = 4, ["custom_metadata"] = new JsonObject { ["a"] = "1" } });
        Clock.Advance(TimeSpan.FromMinutes(1));

        var update = await Vault.WriteAsync("metadata/app", new JsonObject { ["cas_required"] = true });

        Assert.Equal(Operation.Update, update.Operation);
        var read = (await Vault.ReadAsync("metadata/app")).Data!;
        Assert.Equal(4, read["max_versions"].AsInt());
        Assert.Equal("""{"a":"1"}""", Json(read["custom_metadata"]));
        Assert.Equal("2024-01-02T03:04:05.1234567Z", read["updated_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_write_naming_no_setting_creates_nothing()
    {
        Assert.Equal(204, (await Vault.WriteAsync("metadata/app", new JsonObject())).StatusCode);
        Assert.Equal(0, Storage.Count);
    }

    [Fact]
    public async Task Custom_metadata_is_checked_like_vault()
    {
        var tooMany = new JsonObject();
        for (var i = 0; i < 65; i++)
        {
            tooMany["k" + i] = "v";
        }

        var many = await Vault.WriteAsync("metadata/app", new JsonObject { ["custom_metadata"] = tooMany });
        var empty = await Vault.WriteAsync("metadata/app", new JsonObject { ["custom_metadata"] = new JsonObject { ["a"] = "", ["b\u0001"] = "ok" } });
        var nested = await Vault.WriteAsync("metadata/app", new JsonObject { ["custom_metadata"] = new JsonObject { ["a"] = new JsonObject() } });

        Assert.Equal((400, "1 error occurred:\n\t* custom_metadata validation failed: payload must contain at most 64 keys, provided 65\n\n"), (many.StatusCode, many.Errors[0]));
        Assert.Equal(
            (400, "2 errors occurred:\n\t* custom_metadata validation failed: length of value for key \"a\" is 0 but must be 0 < len(value) <= 512\n\t* custom_metadata validation failed: key \"b\\x01\" (b\u0001) contains unprintable characters\n\n"),
            (empty.StatusCode, empty.Errors[0]));
        Assert.Equal(400, nested.StatusCode);
        Assert.StartsWith("custom_metadata validation failed: ", nested.Errors[0], StringComparison.Ordinal);
        Assert.Equal(0, Storage.Count);
    }

    [Fact]
    public async Task Patch_merges_custom_metadata_and_replaces_settings()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        await Vault.WriteAsync("metadata/app", new JsonObject { ["max_versions"] = 4, ["custom_metadata"] = new JsonObject { ["a"] = "1", ["b"] = "2" } });

        var patch = await Vault.PatchAsync("metadata/app", new JsonObject
        {
            ["max_versions"] = 6,
            ["delete_version_after"] = "30s",
            ["custom_metadata"] = new JsonObject { ["a"] = null, ["c"] = "3" },
        });

        Assert.Equal((204, Operation.Patch), (patch.StatusCode, patch.Operation));
        var read = (await Vault.ReadAsync("metadata/app")).Data!;
        Assert.Equal("""{"b":"2","c":"3"}""", Json(read["custom_metadata"]));
        Assert.Equal(6, read["max_versions"].AsInt());
        Assert.Equal("30s", read["delete_version_after"]!.GetValue<string>());
        Assert.Equal(1, read["current_version"].AsInt());

        await Vault.PatchAsync("metadata/app", new JsonObject { ["custom_metadata"] = new JsonObject { ["b"] = null, ["c"] = null } });
        Assert.Equal("null", Json((await Vault.ReadAsync("metadata/app")).Data!["custom_metadata"]));
    }

    [Fact]
    public async Task Patch_of_missing_metadata_is_a_404()
    {
        var patch = await Vault.PatchAsync("metadata/nope", new JsonObject { ["max_versions"] = 1 });

        Assert.Equal(404, patch.StatusCode);
        Assert.Equal(0, Storage.Count);
    }

    [Fact]
    public async Task Delete_removes_every_version_and_the_metadata()
    {
        for (var i = 0; i < 3; i++)
        {
            await Put("app", new JsonObject { ["v"] = i });
        }

        await Put("app/child", new JsonObject { ["v"] = 1 });

        Assert.Equal(204, (await Vault.DeleteAsync("metadata/app")).StatusCode);

        Assert.Equal(["metadata/app/child", "versions/app/child/1"], Storage.Keys);
        Assert.Equal(404, (await Vault.ReadAsync("metadata/app")).StatusCode);
        Assert.Equal(404, (await Get("app", 1)).StatusCode);
        Assert.Equal(Operation.Create, (await Put("app", new JsonObject { ["v"] = 9 })).Operation);
        Assert.Equal(1, (await Get("app")).Data!["metadata"]!["version"].AsInt());
        Assert.Equal(204, (await Vault.DeleteAsync("metadata/nope")).StatusCode);
    }

    [Fact]
    public async Task List_shows_keys_and_folders_under_a_folder()
    {
        foreach (var path in new[] { "b", "a", "a/x", "a/y/z", "a/y/w" })
        {
            await Put(path, new JsonObject { ["v"] = 1 });
        }

        var root = (await Vault.ListAsync("metadata")).EnsureStatus(200);
        var folder = (await Vault.ListAsync("metadata/a")).EnsureStatus(200);
        var deeper = (await Vault.ListAsync("metadata/a/y/")).EnsureStatus(200);

        Assert.Equal("""["a","a/","b"]""", Json(root.Data!["keys"]));
        Assert.Equal("""["x","y/"]""", Json(folder.Data!["keys"]));
        Assert.Equal("""["w","z"]""", Json(deeper.Data!["keys"]));
        Assert.Equal(404, (await Vault.ListAsync("metadata/b")).StatusCode);
        Assert.Equal(404, (await Vault.ListAsync("metadata/nothing")).StatusCode);
    }

    [Fact]
    public async Task A_destroyed_version_stays_listed_in_metadata()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        await Vault.WriteAsync("destroy/app", Versions(1));

        Assert.Equal(["app"], (await Vault.ListAsync("metadata")).Data!["keys"]!.AsArray().Select(k => k!.GetValue<string>()));
    }
}
