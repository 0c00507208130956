using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using VaultPathGen.Dev;
using VaultPathGen.Tests.Testing;

namespace VaultPathGen.Tests.Dev;

/// <summary>The dev front over real HTTP on loopback, in front of a hand-written backend.</summary>
public sealed class VaultDevServerTests : IAsyncLifetime
{
    private const string Token = "hvs.test-token";
    private readonly FakeKvBackend _backend = new();
    private VaultDevServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await VaultDevServer.StartAsync(_backend, new VaultDevServerOptions
        {
            ListenAddress = new IPEndPoint(IPAddress.Loopback, 0),
            RootToken = Token,
            MountType = "kv",
            MountOptions = new Dictionary<string, string> { ["version"] = "2" },
        });
        _http = new HttpClient { BaseAddress = _server.Address };
        _http.DefaultRequestHeaders.Add("X-Vault-Token", Token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject? Body)> Send(HttpMethod method, string path, string? json = null, string contentType = "application/json", HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await (client ?? _http).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    [Fact]
    public async Task Listens_on_loopback_only()
    {
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(_server.Address.Host)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("hvs.wrong")]
    public async Task Requests_without_the_root_token_are_403(string? token)
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Address };
        if (token is not null)
        {
            anonymous.DefaultRequestHeaders.Add("X-Vault-Token", token);
        }

        var (status, body) = await Send(HttpMethod.Get, "/v1/secret/kv/a", client: anonymous);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("""{"errors":["permission denied"]}""", body!.ToJsonString());
        Assert.Empty(_backend.Received);
    }

    [Fact]
    public async Task Bearer_token_is_accepted_and_health_needs_none()
    {
        using var bearer = new HttpClient { BaseAddress = _server.Address };
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Get, "/v1/secret/kv/none", client: bearer)).Status);

        using var anonymous = new HttpClient { BaseAddress = _server.Address };
        var (status, body) = await Send(HttpMethod.Get, "/v1/sys/health", client: anonymous);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body!["sealed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Post_then_put_become_create_then_update_and_get_reads_in_vaults_envelope()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Post, "/v1/secret/kv/a", """{"v": 1}""")).Status);
        var (status, second) = await Send(HttpMethod.Put, "/v1/secret/kv/a", """{"v": 2}""");
        var (readStatus, read) = await Send(HttpMethod.Get, "/v1/secret/kv/a");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""["overwrote kv/a"]""", second!["warnings"]!.ToJsonString());
        Assert.Equal([(Operation.Create, "kv/a"), (Operation.Update, "kv/a"), (Operation.Read, "kv/a")], _backend.Received);
        Assert.Equal(HttpStatusCode.OK, readStatus);
        Assert.Equal("""{"v":2}""", read!["data"]!.ToJsonString());
        foreach (var key in new[] { "request_id", "lease_id", "renewable", "lease_duration", "wrap_info", "warnings", "auth", "mount_type" })
        {
            Assert.True(read.ContainsKey(key), key);
        }

        Assert.Equal("kv", read["mount_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_verb_and_list_query_both_list_with_a_trailing_slash()
    {
        await Send(HttpMethod.Post, "/v1/secret/kv/b", """{"v": 1}""");

        var (verb, byVerb) = await Send(new HttpMethod("LIST"), "/v1/secret/kv");
        var (query, byQuery) = await Send(HttpMethod.Get, "/v1/secret/kv?list=true");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (verb, query));
        Assert.Equal("""["b"]""", byVerb!["data"]!["keys"]!.ToJsonString());
        Assert.Equal(byVerb["data"]!.ToJsonString(), byQuery!["data"]!.ToJsonString());
        Assert.All(_backend.Received.Where(r => r.Operation == Operation.List), r => Assert.Equal("kv/", r.Path));
    }

    [Fact]
    public async Task Query_parameters_become_data_for_reads_and_repeated_keys_a_list()
    {
        await Send(HttpMethod.Get, "/v1/secret/kv/q?version=2&tag=a&tag=b");

        Assert.Equal("""{"version":"2","tag":["a","b"]}""", _backend.LastData!.ToJsonString());
    }

    [Fact]
    public async Task Patch_needs_the_merge_patch_content_type()
    {
        await Send(HttpMethod.Post, "/v1/secret/kv/p", """{"a": 1, "b": 2}""");

        var (wrongType, _) = await Send(HttpMethod.Patch, "/v1/secret/kv/p", """{"b": 3}""");
        var (ok, patched) = await Send(HttpMethod.Patch, "/v1/secret/kv/p", """{"b": 3}""", "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("""{"a":1,"b":3}""", patched!["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Delete_and_help_map_to_their_operations()
    {
        await Send(HttpMethod.Post, "/v1/secret/kv/d", """{"v": 1}""");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, "/v1/secret/kv/d")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Get, "/v1/secret/kv/d")).Status);

        var (status, help) = await Send(HttpMethod.Get, "/v1/secret/kv/d?help=1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("help for kv/d", help!["help"]!.GetValue<string>());
    }

    [Fact]
    public async Task Help_is_the_bare_help_data_as_vault_answers_it()
    {
        var (status, help) = await Send(HttpMethod.Get, "/v1/secret/kv/openapi?help=1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"help":"help for kv/openapi","openapi":{"openapi":"3.0.2"}}""", help!.ToJsonString());
    }

    [Theory]
    [InlineData("answer/error", HttpStatusCode.BadRequest, "nope")]
    [InlineData("answer/denied", HttpStatusCode.Forbidden, "permission denied")]
    [InlineData("answer/coded", (HttpStatusCode)418, "short and stout")]
    [InlineData("answer/boom", HttpStatusCode.InternalServerError, "boom")]
    [InlineData("nowhere", HttpStatusCode.NotFound, "unsupported path")]
    public async Task Errors_are_vaults_error_bodies_with_vaults_status(string path, HttpStatusCode expected, string message)
    {
        var (status, body) = await Send(HttpMethod.Get, "/v1/secret/" + path);

        Assert.Equal(expected, status);
        Assert.Contains(message, body!["errors"]!.AsArray().Select(e => e!.GetValue<string>()).Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    public async Task Bodies_that_are_not_json_objects_are_400_and_reach_no_backend(string body)
    {
        var (status, response) = await Send(HttpMethod.Post, "/v1/secret/kv/x", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("failed to parse JSON input", response!["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_backend.Received);
    }

    [Fact]
    public async Task Clients_can_discover_the_mount_and_the_token()
    {
        var (status, mount) = await Send(HttpMethod.Get, "/v1/sys/internal/ui/mounts/secret/kv/a");
        var (_, self) = await Send(HttpMethod.Get, "/v1/auth/token/lookup-self");
        var (missing, _) = await Send(HttpMethod.Get, "/v1/other/thing");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("kv", "2", "secret/"), (mount!["data"]!["type"]!.GetValue<string>(), mount["data"]!["options"]!["version"]!.GetValue<string>(), mount["data"]!["path"]!.GetValue<string>()));
        Assert.Equal(Token, self!["data"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Unknown_methods_are_405()
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Send(new HttpMethod("TRACE"), "/v1/secret/kv/a")).Status);
    }

    [Fact]
    public async Task Dispose_cleans_the_backend_up()
    {
        await _server.DisposeAsync();
        Assert.Equal(1, _backend.CleanupCount);
        _server = await VaultDevServer.StartAsync(new FakeKvBackend(), new VaultDevServerOptions { ListenAddress = new IPEndPoint(IPAddress.Loopback, 0) });
    }
}
