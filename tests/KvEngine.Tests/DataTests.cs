using System.Text.Json.Nodes;
using VaultPathGen;

namespace KvEngine.Tests;

public sealed class DataTests : KvTestBase
{
    [Fact]
    public async Task A_write_answers_the_new_versions_metadata()
    {
        var created = (await Put("app", new JsonObject { ["password"] = "s3cret" })).EnsureStatus(200);
        Clock.UtcNow = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var updated = (await Put("app", new JsonObject { ["password"] = "n3w" })).EnsureStatus(200);

        Assert.Equal(Operation.Create, created.Operation);
        Assert.Equal(Operation.Update, updated.Operation);
        Assert.Equal("""{"created_time":"2024-01-02T03:04:05.1234567Z","custom_metadata":null,"deletion_time":"","destroyed":false,"version":1}""", Json(created.Data));
        Assert.Equal("""{"created_time":"2024-05-06T07:08:09Z","custom_metadata":null,"deletion_time":"","destroyed":false,"version":2}""", Json(updated.Data));
    }

    [Fact]
    public async Task A_read_answers_the_latest_data_and_its_metadata()
    {
        await Put("app", new JsonObject { ["user"] = "a" });
        await Put("app", new JsonObject { ["user"] = "b", ["port"] = 5432 });

        var read = (await Get("app")).EnsureStatus(200);

        Assert.Equal(
            """{"data":{"user":"b","port":5432},"metadata":{"created_time":"2024-01-02T03:04:05.1234567Z","custom_metadata":null,"deletion_time":"","destroyed":false,"version":2}}""",
            Json(read.Data));
    }

    [Fact]
    public async Task A_read_with_version_answers_that_version()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        await Put("app", new JsonObject { ["v"] = 2 });
        await Put("app", new JsonObject { ["v"] = 3 });

        var first = (await Get("app", 1)).EnsureStatus(200);
        var zero = (await Get("app", 0)).EnsureStatus(200);

        Assert.Equal(1, first.Data!["data"]!["v"].AsInt());
        Assert.Equal(1, first.Data!["metadata"]!["version"].AsInt());
        Assert.Equal(3, zero.Data!["data"]!["v"].AsInt());
        Assert.Equal(404, (await Get("app", 4)).StatusCode);
        Assert.Equal(3, (await Get("app", -1)).EnsureStatus(200).Data!["metadata"]!["version"].AsInt());
    }

    [Fact]
    public async Task Missing_secrets_and_versions_are_plain_404s()
    {
        await Put("app", new JsonObject { ["v"] = 1 });

        var missing = await Get("nope");
        var noVersion = await Get("app", 9);

        Assert.Equal(404, missing.StatusCode);
        Assert.Null(missing.Outcome.Raw);
        Assert.Equal(404, noVersion.StatusCode);
        Assert.Empty(noVersion.Errors);
    }

    [Fact]
    public async Task Secret_paths_may_hold_slashes_and_odd_characters()
    {
        await Put("team/app/db", new JsonObject { ["v"] = "deep" });
        await Put("team/app", new JsonObject { ["v"] = "shallow" });
        await Put("we ird@name!", new JsonObject { ["v"] = "odd" });

        Assert.Equal("deep", (await Get("team/app/db")).Data!["data"]!["v"]!.GetValue<string>());
        Assert.Equal("shallow", (await Get("team/app")).Data!["data"]!["v"]!.GetValue<string>());
        Assert.Equal("odd", (await Get("we ird@name!")).Data!["data"]!["v"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_path_ending_in_a_slash_is_not_a_secret()
    {
        await Put("team/app", new JsonObject { ["v"] = 1 });

        Assert.Equal(404, (await Vault.ReadAsync("data/team/")).StatusCode);
        Assert.Equal(404, (await Vault.DeleteAsync("data/team/")).StatusCode);
        Assert.Equal(400, (await Vault.WriteAsync("data/team/", new JsonObject { ["data"] = new JsonObject() })).StatusCode);
        Assert.Equal(404, (await Vault.ReadAsync("data")).StatusCode);
    }

    [Fact]
    public async Task A_write_without_data_is_a_400_and_stores_nothing()
    {
        var write = await Vault.WriteAsync("data/empty", new JsonObject { ["options"] = new JsonObject() });

        Assert.Equal(400, write.StatusCode);
        Assert.Equal(["no data provided"], write.Errors);
        Assert.Equal(0, Storage.Count);
    }

    [Fact]
    public async Task An_empty_data_map_is_a_version()
    {
        (await Put("empty", new JsonObject())).EnsureStatus(200);

        Assert.Equal("{}", Json((await Get("empty")).Data!["data"]));
    }

    [Fact]
    public async Task Unknown_top_level_parameters_get_vaults_warning()
    {
        var write = await Vault.WriteAsync("data/app", new JsonObject { ["data"] = new JsonObject { ["a"] = 1 }, ["password"] = "oops" });

        Assert.Equal(200, write.StatusCode);
        Assert.Equal(["Endpoint ignored these unrecognized parameters: [password]"], write.Warnings);
    }

    [Fact]
    public async Task Bad_field_types_are_400()
    {
        await Put("app", new JsonObject { ["v"] = 1 });

        var badVersion = await Vault.ReadAsync("data/app", [new("version", "latest")]);
        var badData = await Vault.WriteAsync("data/app", new JsonObject { ["data"] = "not a map" });

        Assert.Equal(400, badVersion.StatusCode);
        Assert.StartsWith("Field validation failed: error converting input for field \"version\"", badVersion.Errors[0], StringComparison.Ordinal);
        Assert.Equal(400, badData.StatusCode);
        Assert.StartsWith("Field validation failed: error converting input for field \"data\"", badData.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_is_stored_in_the_engines_own_layout()
    {
        await Put("a/b", new JsonObject { ["v"] = 1 });

        Assert.Equal(["metadata/a/b", "versions/a/b/1"], Storage.Keys);
        var stored = await Vault.ReadStorageJsonAsync("versions/a/b/1");
        Assert.Equal("""{"v":1}""", Json(stored!["data"]));
    }
}
