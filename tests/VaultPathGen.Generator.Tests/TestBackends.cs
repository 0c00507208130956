namespace VaultPathGen.Generator.Tests;

/// <summary>Backend declarations used by snapshot, incremental and compile-and-run tests, one per feature.</summary>
internal static partial class TestBackends
{
    public const string Kv = """
        namespace Samples;

        /// <summary>A tiny key/value engine.</summary>
        [SecretsEngine]
        [PathOptions("kv/<key>", TakesArbitraryInput = true, Synopsis = "Secrets by key.")]
        public partial class Kv
        {
            [Path("kv/<key>"), ExistenceCheck]
            public async Task<bool> Exists(string key, IStorage storage) => await storage.GetAsync("kv/" + key) is not null;

            /// <summary>Read a secret.</summary>
            [Path("kv/<key>"), Operation(Read)]
            public async ValueTask<Response?> ReadSecret(string key, IStorage storage)
            {
                var entry = await storage.GetAsync("kv/" + key);
                return entry is null ? null : Response.WithData((JsonObject)JsonNode.Parse(entry.Value)!);
            }

            /// <summary>Write a secret.</summary>
            [Path("kv/<key>"), Operation(Create, Update)]
            public async Task WriteSecret(string key, Request request)
                => await request.Storage.PutAsync(new StorageEntry("kv/" + key, System.Text.Encoding.UTF8.GetBytes(request.Data!.ToJsonString())));

            /// <summary>Delete a secret.</summary>
            [Path("kv/<key>"), Operation(Delete)]
            public ValueTask DeleteSecret(string key, IStorage storage) => storage.DeleteAsync("kv/" + key);

            /// <summary>List secrets.</summary>
            [Path("kv[/]"), Operation(List)]
            public async Task<Response> ListSecrets(IStorage storage) => Response.List(await storage.ListAsync("kv/"));
        }
        """;

    public const string Fields = """
        namespace Samples;

        [SecretsEngine]
        public partial class Fields
        {
            /// <summary>Write a role.</summary>
            /// <param name="name">The role's name.</param>
            /// <param name="ttl">How long credentials live.</param>
            [Path("roles/<name>"), Operation(Update)]
            public JsonObject WriteRole(
                string name,
                [Field(Default = "1h")] TimeSpan ttl,
                [Field(Type = FieldType.SignedDurationSecond)] long? offset,
                int maxVersions,
                long? big,
                bool enabled,
                double ratio,
                [Field(Type = FieldType.LowerCaseString, AllowedValues = new object[] { "rsa", "ec" })] string keyType,
                [Field(Type = FieldType.NameString)] string? alias,
                string[] policies,
                [Field(Type = FieldType.CommaStringSlice)] List<string> cidrs,
                int[] ports,
                Dictionary<string, string> tags,
                JsonObject? extra,
                JsonArray? items,
                DateTimeOffset? notAfter,
                Dictionary<string, string[]> headers,
                [Field("display-name", Required = true, Sensitive = true, Description = "Shown to users.")] string displayName,
                [Field(Deprecated = true, Query = true, Default = 3)] int legacy)
            {
                return new JsonObject
                {
                    ["name"] = name,
                    ["ttl"] = (long)ttl.TotalSeconds,
                    ["offset"] = offset,
                    ["max_versions"] = maxVersions,
                    ["big"] = big,
                    ["enabled"] = enabled,
                    ["ratio"] = ratio,
                    ["key_type"] = keyType,
                    ["alias"] = alias,
                    ["policies"] = new JsonArray(policies.Select(p => (JsonNode?)p).ToArray()),
                    ["cidrs"] = new JsonArray(cidrs.Select(p => (JsonNode?)p).ToArray()),
                    ["ports"] = new JsonArray(ports.Select(p => (JsonNode?)p).ToArray()),
                    ["tags"] = tags.Count,
                    ["extra"] = extra?.DeepClone(),
                    ["items"] = items?.Count,
                    ["not_after"] = notAfter?.ToUnixTimeSeconds(),
                    ["headers"] = headers.Count,
                    ["display_name"] = displayName,
                    ["legacy"] = legacy,
                };
            }
        }
        """;

    public const string Templates = """
        namespace Samples;

        [SecretsEngine(StrictFields = true)]
        public partial class Templates
        {
            [Path("users/<user@>"), Operation(Read)]
            public JsonObject User(string user) => new() { ["user"] = user };

            [Path("data/<path*>"), Operation(Read)]
            public JsonObject Data(string path) => new() { ["path"] = path };

            [Path("blobs/<path+>/meta"), Operation(Read)]
            public JsonObject BlobMeta(string path) => new() { ["meta"] = path };

            [Path("roles[/<name>]"), Operation(Read)]
            public JsonObject Role(string name) => new() { ["role"] = name };

            [Path("config/<rest+>"), Operation(Read)]
            public JsonObject ConfigRest(string rest) => new() { ["rest"] = rest };

            [Path("config/ca"), Operation(Read, Update)]
            public JsonObject ConfigCa(Request request) => new() { ["op"] = request.Operation.ToWireName() };
        }
        """;

    public const string Results = """
        using Microsoft.Extensions.Logging;
        using System.Text.Json.Serialization;

        namespace Samples;

        public sealed record Status(string Name, int Count);

        [JsonSerializable(typeof(Status))]
        internal sealed partial class ResultsJson : JsonSerializerContext;

        [SecretsEngine(JsonContext = typeof(ResultsJson))]
        public partial class Results
        {
            [Path("sync"), Operation(Read)]
            public Response Sync() => Response.WithData(new JsonObject { ["kind"] = "sync" });

            [Path("typed"), Operation(Read)]
            public async Task<Status?> Typed(ILogger logger, ILogger<Results> typedLogger, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return new Status("typed", 2);
            }

            [Path("nothing"), Operation(Update)]
            public void Nothing(FieldData fields) { }

            [Path("error"), Operation(Read)]
            public static Response Error() => Response.Error("nope");

            [Path("coded"), Operation(Read)]
            public Response Coded() => throw LogicalException.Coded(418, "teapot");
        }
        """;

    public const string Nested = """
        namespace Samples.Outer
        {
            public static partial class Plugins
            {
                [SecretsEngine(Help = "Nested engine.")]
                internal partial class Inner
                {
                    [Path("ping"), Operation(Read)]
                    public JsonObject Ping() => new() { ["pong"] = true };
                }
            }
        }

        [SecretsEngine]
        public partial class GlobalEngine
        {
            [Path("ping"), Operation(Read)]
            public JsonObject Ping() => new() { ["pong"] = true };
        }
        """;

    public const string Regex = """
        using System.Text.RegularExpressions;

        namespace Samples;

        [SecretsEngine]
        [PathOptions(nameof(CredsPath), Synopsis = "Credentials for a role.")]
        public partial class RegexEngine
        {
            [GeneratedRegex(@"^creds/(?<role>\w+)(/(?<ttl>\d+))?\z", RegexOptions.ECMAScript)]
            private static partial Regex CredsPath();

            [PathPattern(nameof(CredsPath)), Operation(Read)]
            public JsonObject Creds(string role, string ttl) => new() { ["role"] = role, ["ttl"] = ttl };

            [Path("creds/fixed"), Operation(Read)]
            public JsonObject Fixed() => new() { ["fixed"] = true };
        }
        """;

    public const string Lifecycle = """
        namespace Samples;

        [SecretsEngine]
        public partial class Lifecycle
        {
            public List<string> Calls { get; } = new();

            [Initialize]
            public async Task Init(IStorage storage, BackendConfig config, CancellationToken cancellationToken)
            {
                Calls.Add("init:" + config.BackendUuid);
                await storage.PutAsync(new StorageEntry("initialized", new byte[] { 1 }), cancellationToken);
            }

            [Invalidate]
            public void OnInvalidate(string key) => Calls.Add("invalidate:" + key);

            [Clean]
            public ValueTask Cleanup() { Calls.Add("clean"); return default; }

            [Periodic]
            public void Tick(Request request) => Calls.Add("periodic:" + request.Operation.ToWireName());

            [Path("calls"), Operation(Read)]
            public JsonObject ReadCalls(BackendConfig config) => new() { ["calls"] = string.Join(",", Calls), ["uuid"] = config.BackendUuid };
        }
        """;

    public const string Login = """
        namespace Samples;

        /// <summary>Logs users in.</summary>
        [AuthMethod]
        [PathsSpecial(Unauthenticated = new[] { "login/*" }, Root = new[] { "config" }, LocalStorage = new[] { "cache/" }, SealWrapStorage = new[] { "users/" })]
        public partial class Login
        {
            /// <summary>Log in with a password.</summary>
            [Path("login/<username>"), Operation(Update)]
            public Response LogIn(string username, [Field(Sensitive = true)] string password) => password != "pw"
                ? Response.Error("invalid username or password")
                : new Response
                {
                    Auth = new Auth
                    {
                        DisplayName = username,
                        Policies = ["dev"],
                        Metadata = { ["username"] = username },
                        Alias = new Alias { Name = username },
                        Lease = new LeaseOptions { Ttl = TimeSpan.FromMinutes(5), MaxTtl = TimeSpan.FromHours(1), Renewable = true },
                    },
                };

            /// <summary>The alias a login would use, before it happens.</summary>
            [Path("login/<username>"), Operation(AliasLookahead)]
            public Response Lookahead(string username) => new() { Auth = new Auth { Alias = new Alias { Name = username } } };

            [Path("config"), Operation(Read)]
            public JsonObject ReadConfig() => new() { ["ok"] = true };

            [Path("config"), Operation(Update, ForwardPerformanceStandby = true, ForwardPerformanceSecondary = true)]
            public JsonObject WriteConfig() => new() { ["written"] = true };

            [AuthRenew]
            public async Task<Auth> Renew(Auth auth, IStorage storage, CancellationToken cancellationToken)
            {
                await storage.ListAsync("", cancellationToken);
                auth.Lease = auth.Lease with { Ttl = TimeSpan.FromMinutes(10) };
                return auth;
            }
        }
        """;

    public const string Leases = """
        using System.Text.Json.Serialization;

        namespace Samples;

        public sealed record Issued(string Username, string Role);

        [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
        [JsonSerializable(typeof(Issued))]
        internal sealed partial class LeasesJson : JsonSerializerContext;

        [SecretsEngine(JsonContext = typeof(LeasesJson))]
        [SecretType("creds", DefaultTtl = "1h", MaxTtl = "2h")]
        [SecretType("token", Renewable = false)]
        public partial class Leases
        {
            public List<string> Calls { get; } = new();

            /// <summary>Issue credentials.</summary>
            [Path("creds/<role>"), Operation(Read)]
            public Response Issue(string role) =>
                Response.WithSecret("creds", new JsonObject { ["username"] = "u-" + role }, new JsonObject { ["username"] = "u-" + role, ["role"] = role });

            /// <summary>Issue a token with its own TTL.</summary>
            [Path("token"), Operation(Read)]
            public Response IssueToken()
            {
                var response = Response.WithSecret("token", new JsonObject { ["token"] = "t" });
                response.Secret!.Lease = response.Secret.Lease with { Ttl = TimeSpan.FromMinutes(5) };
                return response;
            }

            // Not a constant, so analyzer VPG0116 cannot see it: the run-time check must.
            private static string Undeclared => "bogus";

            /// <summary>Issue an undeclared type.</summary>
            [Path("bogus"), Operation(Read)]
            public Response IssueBogus() => Response.WithSecret(Undeclared, new JsonObject());

            [Renew("creds")]
            public async ValueTask RenewCreds(Issued issued, TimeSpan increment, IStorage storage, ISystemView systemView, CancellationToken cancellationToken)
            {
                Calls.Add("renew " + issued.Username + " " + issued.Role + " " + (int)increment.TotalSeconds + " " + (int)(await systemView.MaxLeaseTtlAsync(cancellationToken)).TotalSeconds);
                await storage.PutAsync(new StorageEntry("renewed/" + issued.Username, new byte[] { 1 }), cancellationToken);
            }

            [Revoke("creds")]
            public Response? RevokeCreds(JsonObject internalData, Secret secret, Request request)
            {
                Calls.Add("revoke " + internalData["username"] + " " + secret.LeaseId + " " + request.Path);
                return null;
            }

            [Revoke("token")]
            public static Task RevokeToken() => Task.CompletedTask;

            public bool FailPeriodic { get; set; }

            [Periodic]
            public void Tick(IStorage storage)
            {
                Calls.Add("periodic");
                if (FailPeriodic)
                {
                    throw new InvalidOperationException("periodic failed");
                }
            }

            [WalRollback(MinAge = "1m")]
            public async Task Rollback(string kind, JsonNode? data, WalEntry entry, IStorage storage, CancellationToken cancellationToken)
            {
                Calls.Add("rollback " + kind + " " + data?["username"] + " " + (entry.CreatedAt <= DateTimeOffset.UtcNow));
                if (kind == "stuck")
                {
                    throw new InvalidOperationException("cannot undo");
                }

                await storage.DeleteAsync("half/" + data?["username"], cancellationToken);
            }
        }
        """;
}
