using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VaultPathGen.Dev;

namespace VaultPathGen.Tests.Dev;

/// <summary>Dev mode serving an auth method: logins without a token, issued tokens, lookup-self, renew-self, root paths.</summary>
public sealed class VaultDevServerAuthTests : IAsyncLifetime
{
    private const string Root = "hvs.root-token";
    private readonly FakeAuthBackend _backend = new();
    private VaultDevServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await VaultDevServer.StartAsync(_backend, new VaultDevServerOptions
        {
            ListenAddress = new IPEndPoint(IPAddress.Loopback, 0),
            RootToken = Root,
            MountPoint = "pass",
            MountType = "pass",
        });
        _http = new HttpClient { BaseAddress = _server.Address };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject? Body)> Send(HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Add("X-Vault-Token", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    private async Task<JsonObject> Login()
    {
        var (status, body) = await Send(HttpMethod.Post, "/v1/auth/pass/login", null, """{"user":"alice"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["auth"]!.AsObject();
    }

    [Fact]
    public void Auth_method_is_mounted_under_auth()
        => Assert.Equal("auth/pass/", _server.MountPoint);

    [Fact]
    public async Task Auth_method_is_listed_in_sys_auth_not_sys_mounts()
    {
        var (_, auth) = await Send(HttpMethod.Get, "/v1/sys/auth", Root);
        Assert.Equal("pass", auth!["data"]!["pass/"]!["type"]!.GetValue<string>());
        var (_, mounts) = await Send(HttpMethod.Get, "/v1/sys/mounts", Root);
        Assert.Equal("{}", mounts!["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Login_needs_no_token_and_returns_a_client_token()
    {
        var auth = await Login();

        Assert.StartsWith("hvs.", auth["client_token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual("", auth["accessor"]!.GetValue<string>());
        Assert.Equal("""["default","dev"]""", auth["policies"]!.ToJsonString());
        Assert.Equal(600, auth["lease_duration"]!.GetValue<long>());
        Assert.True(auth["renewable"]!.GetValue<bool>());
        Assert.Equal("alice", auth["metadata"]!["user"]!.GetValue<string>());
        var login = Assert.Single(_backend.Received, r => r.Path == "login" && r.Operation == Operation.Update);
        Assert.True(login.Unauthenticated);
        Assert.Equal("", login.ClientToken);
    }

    [Fact]
    public async Task Login_is_preceded_by_alias_lookahead_with_the_same_path_and_data()
    {
        await Login();

        Assert.Equal([Operation.AliasLookahead, Operation.Update], _backend.Received.Select(r => r.Operation));
        var lookahead = _backend.Received[0];
        Assert.Equal("login", lookahead.Path);
        Assert.Equal("""{"user":"alice"}""", lookahead.Data!.ToJsonString());
        Assert.True(lookahead.Unauthenticated);
        Assert.Equal("auth/pass/", lookahead.MountPoint);
    }

    [Fact]
    public async Task A_failing_alias_lookahead_is_the_logins_answer()
    {
        var (status, body) = await Send(HttpMethod.Post, "/v1/auth/pass/login", null, """{"user":"locked"}""");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("""{"errors":["permission denied"]}""", body!.ToJsonString());
        Assert.Equal(Operation.AliasLookahead, Assert.Single(_backend.Received).Operation);
    }

    [Fact]
    public async Task A_login_path_without_alias_lookahead_still_logs_in()
    {
        var (status, body) = await Send(HttpMethod.Post, "/v1/auth/pass/login", null, """{"user":"plain"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("hvs.", body!["auth"]!["client_token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([Operation.AliasLookahead, Operation.Update], _backend.Received.Select(r => r.Operation));
    }

    [Fact]
    public async Task Requests_with_a_token_get_no_alias_lookahead()
    {
        var token = (await Login())["client_token"]!.GetValue<string>();
        _backend.Received.Clear();

        await Send(HttpMethod.Get, "/v1/auth/pass/users/alice", token);

        Assert.Equal(Operation.Read, Assert.Single(_backend.Received).Operation);
    }

    [Fact]
    public async Task Issued_token_works_on_later_requests_and_in_lookup_self()
    {
        var token = (await Login())["client_token"]!.GetValue<string>();

        var (status, body) = await Send(HttpMethod.Get, "/v1/auth/pass/users/alice", token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(token, _backend.Received.Last().ClientToken);
        Assert.Equal("pass-alice", _backend.Received.Last().DisplayName);

        var (lookupStatus, lookup) = await Send(HttpMethod.Get, "/v1/auth/token/lookup-self", token);
        Assert.Equal(HttpStatusCode.OK, lookupStatus);
        var data = lookup!["data"]!;
        Assert.Equal(token, data["id"]!.GetValue<string>());
        Assert.Equal("pass-alice", data["display_name"]!.GetValue<string>());
        Assert.Equal("auth/pass/login", data["path"]!.GetValue<string>());
        Assert.Equal("""["default","dev"]""", data["policies"]!.ToJsonString());
        Assert.InRange(data["ttl"]!.GetValue<long>(), 590, 600);
        Assert.Equal("alice", data["meta"]!["user"]!.GetValue<string>());
    }

    [Fact]
    public async Task Root_token_lookup_self_reports_root()
    {
        var (_, body) = await Send(HttpMethod.Get, "/v1/auth/token/lookup-self", Root);
        Assert.Equal("""["root"]""", body!["data"]!["policies"]!.ToJsonString());
        Assert.Equal(0, body["data"]!["ttl"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("hvs.unknown")]
    public async Task Authenticated_paths_refuse_requests_without_a_known_token(string? token)
    {
        var (status, body) = await Send(HttpMethod.Get, "/v1/auth/pass/users/alice", token);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("""{"errors":["permission denied"]}""", body!.ToJsonString());
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, "/v1/auth/token/lookup-self", token)).Status);
    }

    [Fact]
    public async Task Root_paths_need_the_root_token()
    {
        var token = (await Login())["client_token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, "/v1/auth/pass/config", token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/v1/auth/pass/config", Root)).Status);
    }

    [Fact]
    public async Task Renew_self_goes_to_the_auth_methods_renew_with_the_tokens_auth()
    {
        var token = (await Login())["client_token"]!.GetValue<string>();

        var (status, body) = await Send(HttpMethod.Post, "/v1/auth/token/renew-self", token, """{"increment":"2m"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(120, body!["auth"]!["lease_duration"]!.GetValue<long>());
        var renew = _backend.Received.Last();
        Assert.Equal(Operation.Renew, renew.Operation);
        Assert.Equal(token, renew.Auth!.ClientToken);
        Assert.Equal(TimeSpan.FromMinutes(2), renew.Auth.Lease.Increment);
        Assert.Equal("alice", renew.Auth.Metadata["user"]);
        Assert.InRange((await Send(HttpMethod.Get, "/v1/auth/token/lookup-self", token)).Body!["data"]!["ttl"]!.GetValue<long>(), 110, 120);
    }

    [Fact]
    public async Task Root_token_is_not_renewable()
    {
        var (status, body) = await Send(HttpMethod.Post, "/v1/auth/token/renew-self", Root, "{}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"errors":["lease is not renewable"]}""", body!.ToJsonString());
    }

    /// <summary>An auth method by hand: login at <c>login</c> (unauthenticated), <c>config</c> a root path.</summary>
    private sealed class FakeAuthBackend : IBackend
    {
        public List<Request> Received { get; } = [];

        public BackendDescriptor Descriptor { get; } = new("FakeAuth", BackendType.Credential, "A fake auth method.", [],
            new SpecialPaths { Unauthenticated = ["login"], Root = ["config"] });

        public ValueTask SetupAsync(BackendConfig config, CancellationToken cancellationToken) => default;

        public ValueTask InitializeAsync(IStorage storage, CancellationToken cancellationToken) => default;

        public ValueTask<ExistenceCheckResult> HandleExistenceCheckAsync(Request request, CancellationToken cancellationToken) => new(ExistenceCheckResult.NotFound);

        public ValueTask InvalidateKeyAsync(string key, CancellationToken cancellationToken) => default;

        public ValueTask CleanupAsync(CancellationToken cancellationToken) => default;

        public ValueTask<Response?> HandleRequestAsync(Request request, CancellationToken cancellationToken)
        {
            lock (Received)
            {
                Received.Add(request);
            }

            Response? response = (request.Operation, request.Path) switch
            {
                (Operation.AliasLookahead, _) when request.Data?["user"]?.GetValue<string>() == "locked" => throw LogicalException.PermissionDenied(),
                (Operation.AliasLookahead, _) when request.Data?["user"]?.GetValue<string>() == "plain" => throw LogicalException.UnsupportedOperation(),
                (Operation.Update, "login") => new Response
                {
                    Auth = new Auth
                    {
                        DisplayName = request.Data!["user"]!.GetValue<string>(),
                        Policies = ["dev"],
                        Metadata = { ["user"] = request.Data!["user"]!.GetValue<string>() },
                        Lease = new LeaseOptions { Ttl = TimeSpan.FromMinutes(10), MaxTtl = TimeSpan.FromHours(1), Renewable = true },
                    },
                },
                (Operation.Renew, _) => new Response { Auth = request.Auth },
                _ => Response.WithData(new JsonObject { ["path"] = request.Path }),
            };
            return ValueTask.FromResult<Response?>(response);
        }
    }
}
