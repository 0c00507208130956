using System.Text.Json.Nodes;

namespace VaultPathGen.Generator.Tests;

/// <summary>Backends compiled with the generator and driven through the IBackend contract, as Vault's core would.</summary>
public class CompileAndRunTests
{
    private static readonly Lazy<IBackend> Templates = new(() => GeneratorHarness.Load(TestBackends.Templates, "Samples.Templates"));
    private static readonly Lazy<IBackend> Fields = new(() => GeneratorHarness.Load(TestBackends.Fields, "Samples.Fields"));
    private static readonly Lazy<IBackend> Results = new(() => GeneratorHarness.Load(TestBackends.Results, "Samples.Results"));
    private static readonly Lazy<IBackend> Regex = new(() => GeneratorHarness.Load(TestBackends.Regex, "Samples.RegexEngine"));

    internal static async Task<Response?> Send(IBackend backend, Operation op, string path, string? json = null)
    {
        var request = new Request(op, path) { Data = json is null ? null : (JsonObject)JsonNode.Parse(json)!, Storage = new InMemoryStorage() };
        return await backend.HandleRequestAsync(request, CancellationToken.None);
    }

    private static async Task<LogicalException> Fails(IBackend backend, Operation op, string path, string? json = null)
        => await Assert.ThrowsAsync<LogicalException>(() => Send(backend, op, path, json));

    /// <summary>The router's 404 and 405 come back as a result: a throw would cost more than the dispatch.</summary>
    private static async Task<LogicalException> Refused(IBackend backend, Operation op, string path)
    {
        var response = await Send(backend, op, path);
        return Assert.IsType<LogicalException>(response?.LogicalError);
    }

    [Theory]
    [InlineData("users/me@corp.com", "user", "me@corp.com")]
    [InlineData("data/", "path", "")]
    [InlineData("data/a/b/c", "path", "a/b/c")]
    [InlineData("blobs/x/y/meta", "meta", "x/y")]
    [InlineData("roles", "role", "")]
    [InlineData("roles/admin", "role", "admin")]
    [InlineData("config/deep/er", "rest", "deep/er")]
    [InlineData("config/ca", "op", "read")]
    public async Task Routes_to_the_most_specific_path_with_vaults_captures(string path, string key, string value)
    {
        var response = await Send(Templates.Value, Operation.Read, path);
        Assert.Equal(value, response!.Data![key]!.GetValue<string>());
    }

    [Theory]
    [InlineData("users/-bad")]
    [InlineData("roles/")]
    [InlineData("nothing/here")]
    [InlineData("blobs//meta")]
    [InlineData("")]
    public async Task Unmatched_paths_are_unsupported_path(string path)
    {
        var error = await Refused(Templates.Value, Operation.Read, path);
        Assert.Equal(ErrorType.UnsupportedPath, error.Type);
        Assert.Equal("unsupported path", error.Message);
    }

    [Fact]
    public async Task Unhandled_operation_is_unsupported_operation_and_help_is_generated()
    {
        Assert.Equal(ErrorType.UnsupportedOperation, (await Refused(Templates.Value, Operation.Delete, "config/ca")).Type);

        var help = await Send(Templates.Value, Operation.Help, "config/ca");
        Assert.Contains("config/ca", help!.Data!["help"]!.GetValue<string>(), StringComparison.Ordinal);

        var root = await Send(Templates.Value, Operation.Help, "");
        Assert.Contains("    users/<user@>\n", root!.Data!["help"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_on_a_read_update_path_reaches_the_shared_handler()
    {
        var response = await Send(Templates.Value, Operation.Update, "config/ca");
        Assert.Equal("update", response!.Data!["op"]!.GetValue<string>());
    }

    [Fact]
    public async Task Strict_backend_rejects_unknown_parameters()
    {
        var response = await Send(Templates.Value, Operation.Update, "config/ca", """{"typo": 1}""");
        Assert.True(response!.IsError);
        Assert.Contains("typo", response.ErrorMessage!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capture_overrides_body_value_with_vaults_warning()
    {
        var response = await Send(Templates.Value, Operation.Read, "users/alice", """{"user": "mallory"}""");
        Assert.Equal("alice", response!.Data!["user"]!.GetValue<string>());
        Assert.Contains(FieldData.ReplacedWarningPrefix + "[user]", response.Warnings);
    }

    [Fact]
    public async Task Fields_bind_with_defaults_zero_values_and_conversions()
    {
        var response = await Send(Fields.Value, Operation.Update, "roles/web", """
            {"display-name": "Web", "max_versions": "0x10", "enabled": "true", "ratio": 1.5, "key_type": "RSA",
             "policies": ["a", " b "], "cidrs": "10.0.0.0/8, 192.168.0.0/16", "ports": "80,443",
             "tags": ["team=x", "env=prod"], "extra": {"k": 1}, "items": [1, 2, 3], "not_after": "2030-01-02T03:04:05Z",
             "offset": "-2m", "headers": {"x-one": "1"}}
            """);
        var data = response!.Data!;
        Assert.Equal("web", data["name"]!.GetValue<string>());
        Assert.Equal(3600, data["ttl"]!.GetValue<long>());
        Assert.Equal(-120, data["offset"]!.GetValue<long>());
        Assert.Equal(16, data["max_versions"]!.GetValue<int>());
        Assert.Null(data["big"]);
        Assert.True(data["enabled"]!.GetValue<bool>());
        Assert.Equal(1.5, data["ratio"]!.GetValue<double>());
        Assert.Equal("rsa", data["key_type"]!.GetValue<string>());
        Assert.Null(data["alias"]);
        Assert.Equal("""["a","b"]""", data["policies"]!.ToJsonString());
        Assert.Equal("""["10.0.0.0/8","192.168.0.0/16"]""", data["cidrs"]!.ToJsonString());
        Assert.Equal("[80,443]", data["ports"]!.ToJsonString());
        Assert.Equal(2, data["tags"]!.GetValue<int>());
        Assert.Equal("""{"k":1}""", data["extra"]!.ToJsonString());
        Assert.Equal(3, data["items"]!.GetValue<int>());
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeSeconds(), data["not_after"]!.GetValue<long>());
        Assert.Equal(1, data["headers"]!.GetValue<int>());
        Assert.Equal("Web", data["display_name"]!.GetValue<string>());
        Assert.Equal(3, data["legacy"]!.GetValue<int>());
        Assert.Empty(response.Warnings);
    }

    [Theory]
    [InlineData("""{"display-name": "x", "ttl": "soon"}""", "Field validation failed: error converting input for field \"ttl\"")]
    [InlineData("""{"display-name": "x", "key_type": "dsa"}""", "Field validation failed: field \"key_type\" must be one of: \"rsa\", \"ec\"")]
    [InlineData("""{"ttl": "1h"}""", "Field validation failed: missing required field \"display-name\"")]
    [InlineData("""{"display-name": "x", "max_versions": 5000000000}""", "Field validation failed: error converting input for field \"max_versions\": value out of range")]
    [InlineData("""{"display-name": "x", "alias": "-bad"}""", "Field validation failed: error converting input for field \"alias\"")]
    [InlineData("""{"display-name": "x", "ttl": "-5s"}""", "Field validation failed: error converting input for field \"ttl\"")]
    public async Task Invalid_input_is_a_400_error_response_with_vaults_message(string body, string expectedPrefix)
    {
        var response = await Send(Fields.Value, Operation.Update, "roles/web", body);
        Assert.True(response!.IsError, "expected an error response");
        Assert.StartsWith(expectedPrefix, response.ErrorMessage!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensitive_values_never_appear_in_errors()
    {
        var response = await Send(Fields.Value, Operation.Update, "roles/web", """{"display-name": ["s3cr3t-value"]}""");
        Assert.True(response!.IsError);
        Assert.DoesNotContain("s3cr3t", response.ErrorMessage!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_parameters_produce_vaults_warning()
    {
        var response = await Send(Fields.Value, Operation.Update, "roles/web", """{"display-name": "x", "zeta": 1, "alpha": 2}""");
        Assert.Contains(FieldData.IgnoredWarningPrefix + "[alpha zeta]", response!.Warnings);
    }

    [Fact]
    public async Task Result_kinds_map_to_responses()
    {
        Assert.Equal("sync", (await Send(Results.Value, Operation.Read, "sync"))!.Data!["kind"]!.GetValue<string>());
        var typed = await Send(Results.Value, Operation.Read, "typed");
        Assert.Equal("""{"Name":"typed","Count":2}""", typed!.Data!.ToJsonString());
        Assert.Null(await Send(Results.Value, Operation.Update, "nothing"));
        Assert.Equal("nope", (await Send(Results.Value, Operation.Read, "error"))!.ErrorMessage);
        var coded = await Fails(Results.Value, Operation.Read, "coded");
        Assert.Equal((ErrorType.CodedError, 418), (coded.Type, coded.StatusCode));
    }

    [Fact]
    public async Task Unrouted_operations_behave_like_vaults_framework()
    {
        Assert.Null(await Send(Results.Value, Operation.Rollback, "anything"));
        Assert.Equal("request has no secret", (await Fails(Results.Value, Operation.Revoke, "x")).Message);
    }

    [Theory]
    [InlineData("creds/web", "web", "")]
    [InlineData("creds/web/30", "web", "30")]
    public async Task Regex_paths_route_through_the_generated_regex(string path, string role, string ttl)
    {
        var response = await Send(Regex.Value, Operation.Read, path);
        Assert.Equal(role, response!.Data!["role"]!.GetValue<string>());
        Assert.Equal(ttl, response.Data["ttl"]!.GetValue<string>());
    }

    [Fact]
    public void Path_options_can_name_a_regex_path()
    {
        var path = Regex.Value.Descriptor.Paths.Single(p => p.Template.StartsWith('^'));
        Assert.Equal("Credentials for a role.", path.Synopsis);
    }

    [Fact]
    public async Task Templates_win_over_regex_paths_and_regex_is_ascii_like_go()
    {
        Assert.True((await Send(Regex.Value, Operation.Read, "creds/fixed"))!.Data!["fixed"]!.GetValue<bool>());
        Assert.Equal(ErrorType.UnsupportedPath, (await Refused(Regex.Value, Operation.Read, "creds/é")).Type);
    }

    [Fact]
    public async Task Existence_check_runs_on_writes_only()
    {
        var kv = GeneratorHarness.Load(TestBackends.Kv, "Samples.Kv");
        var storage = new InMemoryStorage();
        var write = new Request(Operation.Create, "kv/a") { Storage = storage, Data = new JsonObject { ["v"] = 1 } };

        Assert.Equal(new ExistenceCheckResult(true, false), await kv.HandleExistenceCheckAsync(write, CancellationToken.None));
        await kv.HandleRequestAsync(write, CancellationToken.None);
        Assert.Equal(new ExistenceCheckResult(true, true), await kv.HandleExistenceCheckAsync(write, CancellationToken.None));
        Assert.Equal(ExistenceCheckResult.NotFound, await kv.HandleExistenceCheckAsync(new Request(Operation.Update, "kv") { Storage = storage }, CancellationToken.None));
        await Assert.ThrowsAsync<LogicalException>(async () => await kv.HandleExistenceCheckAsync(new Request(Operation.Read, "kv/a"), CancellationToken.None));
    }

    [Fact]
    public void Descriptor_describes_paths_fields_and_operations()
    {
        var descriptor = Fields.Value.Descriptor;
        var path = Assert.Single(descriptor.Paths);
        Assert.Equal("roles/<name>", path.Template);
        Assert.Equal("Write a role.", path.Synopsis);
        var ttl = path.FindField("ttl")!;
        Assert.Equal((FieldType.DurationSecond, "\"1h\"", "How long credentials live."), (ttl.Type, ttl.DefaultJson, ttl.Description));
        var display = path.FindField("display-name")!;
        Assert.True(display.Required && display.Sensitive);
        Assert.True(path.FindField("name")!.IsCapture);
        Assert.Equal(["\"rsa\"", "\"ec\""], path.FindField("key_type")!.AllowedValuesJson);
        Assert.Equal(["display-name"], Assert.Single(path.Operations).RequiredFields);
    }

    [Fact]
    public async Task Lifecycle_methods_run_when_vault_calls_them()
    {
        var backend = GeneratorHarness.Load(TestBackends.Lifecycle, "Samples.Lifecycle");
        var storage = new InMemoryStorage();
        await backend.SetupAsync(new BackendConfig { BackendUuid = "uuid-1", Storage = storage }, CancellationToken.None);
        await backend.InitializeAsync(storage, CancellationToken.None);
        await backend.InvalidateKeyAsync("some/key", CancellationToken.None);
        await backend.HandleRequestAsync(new Request(Operation.Rollback, "") { Storage = storage }, CancellationToken.None);
        await backend.CleanupAsync(CancellationToken.None);

        var response = await backend.HandleRequestAsync(new Request(Operation.Read, "calls") { Storage = storage }, CancellationToken.None);
        Assert.Equal("init:uuid-1,invalidate:some/key,periodic:rollback,clean", response!.Data!["calls"]!.GetValue<string>());
        Assert.Equal("uuid-1", response.Data["uuid"]!.GetValue<string>());
        Assert.NotNull(await storage.GetAsync("initialized"));
    }
}
