namespace VaultPathGen.Generator.Tests;

/// <summary>Backends whose OpenAPI documents the tests check: every template form, overrides, typed results.</summary>
internal static class OpenApiBackends
{
    public const string Forms = """
        using System.Text.Json.Serialization;
        using System.Text.RegularExpressions;

        namespace Samples;

        public enum Tier { Free, Paid }

        public sealed class Limits
        {
            public int MaxKeys { get; set; }
            public List<string> Regions { get; set; } = new();
        }

        public sealed class RoleInfo
        {
            public string Name { get; set; } = "";
            public long TtlSeconds { get; set; }
            public string? Comment { get; set; }
            public int? Priority { get; set; }
            public Tier Tier { get; set; }
            [JsonPropertyName("URL")] public string Url { get; set; } = "";
            [JsonIgnore] public string Secret { get; set; } = "";
            public Limits Limits { get; set; } = new();
            public Dictionary<string, int> Counts { get; set; } = new();
            public DateTimeOffset Created { get; set; }
        }

        [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
        [JsonSerializable(typeof(RoleInfo))]
        internal sealed partial class FormsJson : JsonSerializerContext;

        /// <summary>Every template form.</summary>
        [SecretsEngine(JsonContext = typeof(FormsJson))]
        [PathOptions("roles[/<name>]", Synopsis = "Roles.")]
        public partial class Forms
        {
            [GeneratedRegex(@"^legacy/.*\z", RegexOptions.ECMAScript)]
            private static partial Regex LegacyPath();

            [GeneratedRegex(@"^creds/(?<role>\w+)(/(?<ttl>\d+))?\z", RegexOptions.ECMAScript)]
            private static partial Regex CredsPath();

            /// <summary>Read a key.</summary>
            [Path("kv/<key>"), Operation(Read)]
            public Response ReadKey(string key, [Field(Query = true)] int version) => Response.WithData(new JsonObject());

            /// <summary>List keys.</summary>
            [Path("kv[/]"), Operation(List)]
            public Response ListKeys() => Response.List(["a"]);

            [Path("users/<user@>"), Operation(Read)]
            public Response ReadUser(string user) => Response.WithData(new JsonObject());

            [Path("data/<path*>"), Operation(Read, List)]
            public Response ReadData(string path) => Response.WithData(new JsonObject());

            [Path("secrets/<key**>"), Operation(Read)]
            public Response ReadSecret(string key) => Response.WithData(new JsonObject());

            [Path("blobs/<path+>/meta"), Operation(Delete)]
            public void DeleteBlob(string path) { }

            /// <summary>Read a role, or all of them.</summary>
            [Path("roles[/<name>]"), Operation(Read), OperationId(Suffix = "roles|role")]
            public RoleInfo ReadRole(string name) => new();

            /// <summary>Write a role.</summary>
            /// <param name="ttl">How long credentials live.</param>
            /// <param name="tier">The tier.</param>
            /// <param name="password">The password.</param>
            [Path("roles[/<name>]"), Operation(Update)]
            public void WriteRole(
                string name,
                [Field(Default = "1h")] TimeSpan ttl,
                [Field(AllowedValues = new object[] { "free", "paid" }, Required = true)] string tier,
                [Field(Sensitive = true)] string password,
                [Field(Type = FieldType.CommaStringSlice)] string[] policies,
                [Field(Type = FieldType.KVPairs)] Dictionary<string, string> tags) { }

            [Path("data[/<path+>]"), Operation(Read)]
            public Response ReadOptional(string path) => Response.WithData(new JsonObject());

            [Path("login"), Operation(Update), OperationId(Prefix = "gcp", Verb = "login")]
            public void Login([Field(Required = true)] string role) { }

            [Path("old"), Operation(Read, Deprecated = true)]
            public Response Old() => Response.WithData(new JsonObject());

            [PathPattern(nameof(CredsPath)), Operation(Read)]
            public Response Creds(string role, string ttl) => Response.WithData(new JsonObject());

            [PathPattern(nameof(LegacyPath)), Operation(Read)]
            public Response Legacy() => Response.WithData(new JsonObject());
        }
        """;
}
