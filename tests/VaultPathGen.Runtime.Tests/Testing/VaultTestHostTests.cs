using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using VaultPathGen.Testing;

namespace VaultPathGen.Tests.Testing;

public sealed class VaultTestHostTests : IAsyncLifetime
{
    private readonly FakeKvBackend _backend = new();
    private readonly InMemoryStorage _storage = new();
    private VaultTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new VaultTestHost(_backend, _storage);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Mounts_the_backend_once_with_the_hosts_storage_before_the_first_request()
    {
        var loggers = new NullLoggerFactory();
        await using var host = new VaultTestHost(_backend, _storage, new VaultTestHostOptions
        {
            LoggerFactory = loggers,
            BackendUuid = "uuid-1",
            Config = new Dictionary<string, string> { ["plugin_name"] = "fake" },
        });
        Assert.Equal(0, _backend.SetupCount);

        await Task.WhenAll(host.ReadAsync("kv/a"), host.ReadAsync("kv/b"), host.ListAsync("kv"));

        Assert.Equal(1, _backend.SetupCount);
        Assert.Equal(1, _backend.InitializeCount);
        Assert.Same(_storage, _backend.SetupConfig!.Storage);
        Assert.Same(_storage, _backend.InitializedWith);
        Assert.Same(loggers, _backend.SetupConfig.LoggerFactory);
        Assert.Equal("uuid-1", _backend.SetupConfig.BackendUuid);
        Assert.Equal("fake", _backend.SetupConfig.Config["plugin_name"]);
    }

    [Fact]
    public async Task A_new_in_memory_storage_is_used_when_none_is_given()
    {
        await using var host = await VaultTestHost.StartAsync(new FakeKvBackend());
        Assert.IsType<InMemoryStorage>(host.Storage);
        (await host.WriteAsync("kv/a", """{"v": 1}""")).EnsureSuccess();
        Assert.Equal(["kv/a"], ((InMemoryStorage)host.Storage).Keys);
    }

    [Fact]
    public async Task Write_to_a_missing_item_is_sent_as_create_and_to_an_existing_one_as_update()
    {
        var first = await _host.WriteAsync("kv/a", """{"v": 1}""");
        var second = await _host.WriteAsync("kv/a", """{"v": 2}""");

        Assert.Equal(Operation.Create, first.Operation);
        Assert.Equal(new ExistenceCheckResult(true, false), first.ExistenceCheck);
        Assert.Equal(Operation.Update, second.Operation);
        Assert.Equal(new ExistenceCheckResult(true, true), second.ExistenceCheck);
        Assert.Equal([(Operation.Create, "kv/a"), (Operation.Update, "kv/a")], _backend.Received);
        Assert.Equal(["kv/a", "kv/a"], _backend.ExistenceChecks);
    }

    [Fact]
    public async Task Write_to_a_path_without_an_existence_check_is_sent_as_update()
    {
        var response = await _host.WriteAsync("counter");

        Assert.Equal(Operation.Update, response.Operation);
        Assert.Equal(ExistenceCheckResult.NotFound, response.ExistenceCheck);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, response.Data!["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_create_sent_through_core_is_also_decided_by_the_existence_check()
    {
        await _host.WriteAsync("kv/a", """{"v": 1}""");

        var response = await _host.SendAsync(Operation.Create, "kv/a", new JsonObject { ["v"] = 2 });

        Assert.Equal(Operation.Update, response.Operation);
    }

    [Fact]
    public async Task SendExact_delivers_the_operation_as_given()
    {
        await _host.WriteAsync("kv/a", """{"v": 1}""");

        var forced = await _host.SendExactAsync(Operation.Create, "kv/a", new JsonObject { ["v"] = 2 });
        var noCreate = await _host.SendExactAsync(Operation.Create, "counter");

        Assert.Equal(Operation.Create, forced.Operation);
        Assert.Null(forced.ExistenceCheck);
        Assert.Equal(204, forced.StatusCode);
        Assert.Equal(405, noCreate.StatusCode);
        Assert.Equal(["kv/a"], _backend.ExistenceChecks);
    }

    [Fact]
    public async Task Read_of_a_stored_item_is_200_with_its_data()
    {
        await _host.WriteAsync("kv/a", new JsonObject { ["v"] = "one" });

        var response = await _host.ReadAsync("kv/a");

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.IsSuccess);
        Assert.Equal("one", response.Data!["v"]!.GetValue<string>());
        Assert.Empty(response.Errors);
        Assert.Null(response.ErrorBody);
    }

    [Fact]
    public async Task Read_that_finds_nothing_is_404_with_an_empty_errors_list()
    {
        var response = await _host.ReadAsync("kv/missing");

        Assert.Equal(404, response.StatusCode);
        Assert.False(response.IsSuccess);
        Assert.Empty(response.Errors);
        Assert.Equal("""{"errors":[]}""", response.ErrorBody!.ToJsonString());
        Assert.Null(response.Response);
    }

    [Fact]
    public async Task No_response_to_a_write_or_delete_is_204()
    {
        Assert.Equal(204, (await _host.WriteAsync("kv/a", """{"v": 1}""")).StatusCode);
        Assert.Equal(204, (await _host.DeleteAsync("kv/a")).StatusCode);
        Assert.Equal(404, (await _host.ReadAsync("kv/a")).StatusCode);
    }

    [Fact]
    public async Task A_response_with_only_warnings_is_200_and_the_warnings_are_exposed()
    {
        var response = await _host.ReadAsync("answer/warning");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(["careful", "very careful"], response.Warnings);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Warnings_from_a_write_are_exposed()
    {
        await _host.WriteAsync("kv/a", """{"v": 1}""");

        var response = await _host.WriteAsync("kv/a", """{"v": 2}""");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(["overwrote kv/a"], response.Warnings);
    }

    [Fact]
    public async Task Unknown_path_is_404_unsupported_path()
    {
        var read = await _host.ReadAsync("nowhere");
        var write = await _host.WriteAsync("nowhere", """{"a": 1}""");

        Assert.Equal(404, read.StatusCode);
        Assert.Equal(["unsupported path"], read.Errors);
        Assert.Equal(404, write.StatusCode);
        Assert.Equal(Operation.Update, write.Operation);
        Assert.Equal("""{"errors":["unsupported path"]}""", write.ErrorBody!.ToJsonString());
    }

    [Fact]
    public async Task Unsupported_operation_is_405()
    {
        var response = await _host.DeleteAsync("counter");

        Assert.Equal(405, response.StatusCode);
        Assert.Equal(["unsupported operation"], response.Errors);
    }

    [Fact]
    public async Task Error_response_is_400_with_its_message()
    {
        var response = await _host.ReadAsync("answer/error");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(["nope"], response.Errors);
        Assert.Equal("nope", response.Response!.ErrorMessage);
    }

    [Fact]
    public async Task Error_response_with_data_sends_the_data_next_to_the_errors()
    {
        var response = await _host.ReadAsync("answer/error-with-data");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("""{"errors":["partly failed"],"data":{"failed":["b"]}}""", response.ErrorBody!.ToJsonString());
    }

    [Fact]
    public async Task Data_with_an_error_key_and_more_is_a_success_to_vault()
    {
        var response = await _host.ReadAsync("answer/error-and-more");

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(response.Errors);
    }

    [Theory]
    [InlineData("denied", 403, "permission denied")]
    [InlineData("coded", 418, "short and stout")]
    [InlineData("coded-denied", 409, "permission denied")]
    [InlineData("invalid", 400, "invalid request")]
    [InlineData("bad-request", 400, "the name is too long")]
    [InlineData("user", 500, "the name is too long")]
    [InlineData("internal", 500, "disk on fire")]
    [InlineData("unsupported-op", 405, "unsupported operation")]
    [InlineData("unknown-denied", 403, "permission denied")]
    [InlineData("sealed", 503, "Vault is sealed")]
    public async Task Thrown_errors_get_vaults_status_and_text(string kind, int status, string error)
    {
        var response = await _host.ReadAsync("answer/" + kind);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal([error], response.Errors);
    }

    [Fact]
    public async Task An_unexpected_exception_becomes_a_500_with_its_message_and_is_kept_for_diagnostics()
    {
        var response = await _host.ReadAsync("answer/boom");

        Assert.Equal(500, response.StatusCode);
        Assert.Equal(["boom"], response.Errors);
        var exception = Assert.IsType<InvalidOperationException>(response.Exception);
        Assert.Equal("boom", exception.Message);
        Assert.Contains("InvalidOperationException", response.ToString(), StringComparison.Ordinal);
        var failure = Assert.Throws<InvalidOperationException>(() => response.EnsureSuccess());
        Assert.Contains("500 read answer/boom", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_keeps_serving_after_a_backend_exception()
    {
        await _host.ReadAsync("answer/boom");

        Assert.Equal(200, (await _host.ReadAsync("answer/data")).StatusCode);
    }

    [Fact]
    public async Task List_adds_the_trailing_slash_vault_adds()
    {
        await _host.WriteAsync("kv/a", """{"v": 1}""");
        await _host.WriteAsync("kv/b", """{"v": 1}""");

        var response = await _host.ListAsync("kv");

        Assert.Equal("kv/", response.Path);
        Assert.Equal((Operation.List, "kv/"), _backend.Received[^1]);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""["a","b"]""", response.Data!["keys"]!.ToJsonString());
    }

    [Fact]
    public async Task List_keeps_an_existing_trailing_slash()
    {
        var response = await _host.ListAsync("lists/keys/");

        Assert.Equal("lists/keys/", response.Path);
        Assert.Equal(200, response.StatusCode);
    }

    [Theory]
    [InlineData("nothing", 404)]
    [InlineData("no-keys", 404)]
    [InlineData("empty-data", 404)]
    [InlineData("warning-only", 200)]
    [InlineData("other-data", 200)]
    [InlineData("bad-keys", 500)]
    [InlineData("error", 400)]
    [InlineData("keys", 200)]
    public async Task List_status_follows_vaults_rules(string kind, int status)
    {
        var response = await _host.ListAsync("lists/" + kind);

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task List_of_an_empty_store_is_404()
    {
        var response = await _host.ListAsync("kv");

        Assert.Equal(404, response.StatusCode);
        Assert.Empty(response.Errors);
    }

    [Fact]
    public async Task Storage_written_by_the_backend_is_visible_to_the_test()
    {
        await _host.WriteAsync("kv/a", """{"v": "x"}""");

        var stored = await _host.ReadStorageJsonAsync("kv/a");

        Assert.Equal("x", stored!["v"]!.GetValue<string>());
        Assert.Equal(["kv/a"], _storage.Keys);
        Assert.Same(_storage, _host.Storage);
    }

    [Fact]
    public async Task Storage_written_by_the_test_is_visible_to_the_backend()
    {
        await _host.WriteStorageJsonAsync("kv/seeded", new JsonObject { ["v"] = "from test" });
        await _storage.PutAsync(new StorageEntry("kv/raw", Encoding.UTF8.GetBytes("""{"v":"raw"}""")));

        Assert.Equal("from test", (await _host.ReadAsync("kv/seeded")).Data!["v"]!.GetValue<string>());
        Assert.Equal("raw", (await _host.ReadAsync("kv/raw")).Data!["v"]!.GetValue<string>());
        Assert.Equal(Operation.Update, (await _host.WriteAsync("kv/seeded", """{"v": 2}""")).Operation);
    }

    [Fact]
    public async Task Writing_to_a_folder_path_is_refused_by_core_before_the_backend()
    {
        var response = await _host.WriteAsync("kv/", """{"v": 1}""");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(["cannot write to a path ending in '/'"], response.Errors);
        Assert.Empty(_backend.ExistenceChecks);
        Assert.Empty(_backend.Received);
        Assert.False(response.Result.ReachedBackend);
    }

    [Fact]
    public async Task A_user_error_from_the_existence_check_is_400_with_its_message()
    {
        var response = await _host.WriteAsync("checkfail/user", """{"v": 1}""");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(["name must be lower case"], response.Errors);
        Assert.Empty(_backend.Received);
        Assert.IsType<LogicalException>(response.Exception);
    }

    [Fact]
    public async Task Any_other_existence_check_failure_is_hidden_behind_core_internal_error()
    {
        var response = await _host.WriteAsync("checkfail/boom", """{"v": 1}""");

        Assert.Equal(500, response.StatusCode);
        Assert.Equal(["1 error occurred:\n\t* internal error\n\n"], response.Errors);
        Assert.Equal("existence check exploded", response.Exception!.Message);
        Assert.Empty(_backend.Received);
    }

    [Fact]
    public async Task Unsupported_path_from_the_existence_check_lets_the_request_through_as_update()
    {
        var response = await _host.WriteAsync("checkfail/path", """{"v": 1}""");

        Assert.Equal(Operation.Update, response.Operation);
        Assert.Equal([(Operation.Update, "checkfail/path")], _backend.Received);
        Assert.Equal(204, response.StatusCode);
    }

    [Fact]
    public async Task Data_given_as_an_object_is_copied_as_json_text()
    {
        var data = new JsonObject { ["v"] = 1 };

        await _host.WriteAsync("kv/a", data);
        data["v"] = 2;

        Assert.NotSame(data, _backend.LastData);
        Assert.Equal(1, (await _host.ReadAsync("kv/a")).Data!["v"]!.GetValue<int>());
    }

    [Fact]
    public async Task Data_given_as_json_text_must_be_an_object()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _host.WriteAsync("kv/a", "[1, 2]"));
        Assert.Empty(_backend.Received);
    }

    [Fact]
    public async Task Paths_with_a_leading_slash_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _host.ReadAsync("/kv/a"));
    }

    [Fact]
    public async Task Query_parameters_become_strings_and_repeated_keys_a_list()
    {
        await _host.ReadAsync("answer/data", [new("one", "1"), new("many", "a"), new("many", "b")]);

        Assert.Equal("""{"one":"1","many":["a","b"]}""", _backend.LastData!.ToJsonString());
    }

    [Fact]
    public async Task A_read_without_query_parameters_has_no_data()
    {
        await _host.ReadAsync("answer/data");

        Assert.Null(_backend.LastData);
    }

    [Fact]
    public async Task Patch_is_sent_as_patch_without_an_existence_check()
    {
        await _host.WriteAsync("kv/a", """{"v": 1, "w": 1}""");

        var response = await _host.PatchAsync("kv/a", """{"w": 2}""");

        Assert.Equal(Operation.Patch, response.Operation);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"v":1,"w":2}""", response.Data!.ToJsonString());
        Assert.Equal(["kv/a"], _backend.ExistenceChecks);
    }

    [Fact]
    public async Task Help_is_200_with_the_help_data_even_for_an_error_response()
    {
        var root = await _host.HelpAsync();
        var error = await _host.HelpAsync("answer/error");

        Assert.Equal(200, root.StatusCode);
        Assert.Equal("A fake KV store.", root.Data!["help"]!.GetValue<string>());
        Assert.Equal(Operation.Help, root.Operation);
        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task Redirect_is_307_with_the_location()
    {
        var response = await _host.ReadAsync("answer/redirect");

        Assert.Equal(307, response.StatusCode);
        Assert.Equal("https://idp.example/login", response.RedirectLocation);
    }

    [Fact]
    public async Task A_response_with_only_headers_counts_as_no_response()
    {
        Assert.Equal(404, (await _host.ReadAsync("answer/headers-only")).StatusCode);
        Assert.Equal(204, (await _host.WriteAsync("answer/headers-only")).StatusCode);
    }

    [Fact]
    public async Task A_raw_response_has_the_backends_status_and_body()
    {
        var response = await _host.ReadAsync("answer/raw");

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("text/plain", response.Outcome.Raw!.ContentType);
        Assert.Equal("raw body", Encoding.UTF8.GetString(response.Outcome.Raw.Body));
    }

    [Fact]
    public async Task An_empty_response_is_200()
    {
        Assert.Equal(200, (await _host.ReadAsync("answer/empty")).StatusCode);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_response()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _host.ReadAsync("slow", cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task Invalidate_reaches_the_backend()
    {
        await _host.InvalidateAsync("kv/a");

        Assert.Equal(["kv/a"], _backend.Invalidated);
    }

    [Fact]
    public async Task Dispose_cleans_up_a_mounted_backend_once()
    {
        var backend = new FakeKvBackend();
        var host = await VaultTestHost.StartAsync(backend);

        await host.DisposeAsync();
        await host.DisposeAsync();

        Assert.Equal(1, backend.CleanupCount);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => host.ReadAsync("kv/a"));
    }

    [Fact]
    public async Task Dispose_of_a_host_never_used_does_not_touch_the_backend()
    {
        var backend = new FakeKvBackend();

        await new VaultTestHost(backend).DisposeAsync();

        Assert.Equal(0, backend.SetupCount);
        Assert.Equal(0, backend.CleanupCount);
    }

    [Fact]
    public async Task Requests_carry_the_mount_point_and_a_request_id()
    {
        await using var host = new VaultTestHost(_backend, options: new VaultTestHostOptions { MountPoint = "secret/" });

        var response = await host.ReadAsync("kv/a");

        Assert.Equal("secret/", response.Request.MountPoint);
        Assert.False(string.IsNullOrEmpty(response.Request.Id));
    }
}
