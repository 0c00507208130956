using System.Net;
using System.Text.Json.Nodes;
using VaultPathGen.Dev;
using VaultPathGen.OpenApi;

namespace VaultPathGen.Generator.Tests;

/// <summary>
/// The compiled OpenAPI document against what Vault's own generator produces. Expected values are
/// derived by hand from hashicorp/vault sdk/framework/openapi.go: <c>collectPathsFromRegexpAST</c>
/// (named group → <c>{name}</c>, <c>?</c> forks without-then-with, an optional lone <c>/</c> at the
/// end is dropped, anything else outside a named group is unsupportable) and
/// <c>constructOperationID</c> (prefix = mount type, verb = operation with update → write,
/// suffix = the path split on <c>[^\w]+</c>, hyphen-joined, lower case).
/// </summary>
public class OpenApiTests
{
    private static readonly Lazy<GeneratorOutcome> Forms = new(() => GeneratorHarness.Run(OpenApiBackends.Forms));

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual.ToJsonString()}");

    private static JsonObject FormsDocument(string mountType = "kv") => OpenApiDocuments.Of(Forms.Value, mountType);

    // Template, the regex Vault's helpers write for it (sdk/framework/path.go), and the OpenAPI paths
    // openapi.go makes of that regex.
    [Theory]
    [InlineData("kv/<key>", @"^kv/(?P<key>\w(([\w-.]+)?\w)?)$", "kv/{key}")]
    [InlineData("users/<user@>", @"^users/(?P<user>\w(([\w-.@]+)?\w)?)$", "users/{user}")]
    [InlineData("data/<path*>", @"^data/(?P<path>.*)$", "data/{path}")]
    [InlineData("secrets/<key**>", @"^secrets/(?P<key>.*?[^/])$", "secrets/{key}")]
    [InlineData("blobs/<path+>/meta", @"^blobs/(?P<path>.+)/meta$", "blobs/{path}/meta")]
    [InlineData("roles[/<name>]", @"^roles(/(?P<name>\w(([\w-.]+)?\w)?))?$", "roles|roles/{name}")]
    [InlineData("data[/<path+>]", @"^data(/(?P<path>.+))?$", "data|data/{path}")]
    [InlineData("kv[/]", @"^kv/?$", "kv")]
    [InlineData("login", @"^login$", "login")]
    public void Vault_expands_the_regex_of_each_template_form_as_the_document_does(string template, string vaultRegex, string expected)
    {
        Assert.Equal(expected.Split('|'), GeneratorInternals.Expand(vaultRegex));

        var keys = FormsDocument()["paths"]!.AsObject().Select(p => p.Key.TrimStart('/').TrimEnd('/')).ToHashSet();
        Assert.All(expected.Split('|'), path => Assert.Contains(path, keys));
        Assert.Contains($"[Path(\"{template}\")", OpenApiBackends.Forms, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"^creds/(?P<role>\w+)(/(?P<ttl>\d+))?$", "creds/{role}|creds/{role}/{ttl}")]
    [InlineData(@"^keys/generate/(internal|exported|kms)$", "keys/generate/internal|keys/generate/exported|keys/generate/kms")]
    [InlineData(@"^issuer/(?P<ref>\w(([\w-.]+)?\w)?)/crl(/pem|/der|/delta(/pem|/der)?)?$", "issuer/{ref}/crl|issuer/{ref}/crl/pem|issuer/{ref}/crl/der|issuer/{ref}/crl/delta|issuer/{ref}/crl/delta/pem|issuer/{ref}/crl/delta/der")]
    [InlineData(@"^(?:a|b)/x/?$", "a/x|b/x")]
    [InlineData(@"^tidy(/)?$", "tidy|tidy/")]
    public void Regex_paths_expand_with_Vaults_rules(string vaultRegex, string expected)
    {
        Assert.Equal(expected.Split('|'), GeneratorInternals.Expand(vaultRegex));
    }

    [Theory]
    [InlineData(@"^.*$")]
    [InlineData(@"^data/\w+$")]
    [InlineData(@"^x/[a-z]+$")]
    [InlineData(@"^(a/)*b$")]
    public void Regex_paths_Vault_cannot_express_expand_to_nothing(string vaultRegex)
    {
        Assert.Null(GeneratorInternals.Expand(vaultRegex));
    }

    [Fact]
    public void Every_operation_gets_Vaults_operation_id_for_the_mount_type()
    {
        var paths = FormsDocument()["paths"]!.AsObject();
        var actual = paths.SelectMany(p => p.Value!.AsObject()
                .Where(m => m.Key is "get" or "post" or "patch" or "delete")
                .Select(m => $"{m.Key} {p.Key} {m.Value!["operationId"]}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        string[] expected =
        [
            "delete /blobs/{path}/meta kv-delete-blobs-path-meta",
            "get /creds/{role} kv-read-creds-role",
            "get /creds/{role}/{ttl} kv-read-creds-role-ttl",
            "get /data kv-read-data",
            "get /data/{path} kv-read-data-path",
            "get /data/{path}/ kv-list-data-path",
            "get /kv/ kv-list-kv",
            "get /kv/{key} kv-read-kv-key",
            "get /old kv-read-old",
            // [OperationId(Suffix = "roles|role")]: one suffix per expanded path, as Vault's pki does.
            "get /roles kv-read-roles",
            "get /roles/{name} kv-read-role",
            "get /secrets/{key} kv-read-secrets-key",
            "get /users/{user} kv-read-users-user",
            // [OperationId(Prefix = "gcp", Verb = "login")]: a verb without a suffix means no path words.
            "post /login gcp-login",
            "post /roles kv-write-roles",
            "post /roles/{name} kv-write-roles-name",
        ];
        Assert.Equal(expected, actual);
        Assert.True(paths.ContainsKey("/^legacy/.*\\z"), "a path Vault cannot express is listed by its pattern");
        Assert.DoesNotContain(paths["/^legacy/.*\\z"]!.AsObject(), m => m.Key == "get");
    }

    [Fact]
    public void Without_a_mount_type_ids_have_no_prefix_and_schema_names_follow()
    {
        var document = FormsDocument("");
        Assert.Equal("read-kv-key", document["paths"]!["/kv/{key}"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.True(document["components"]!["schemas"]!.AsObject().ContainsKey("WriteRolesNameRequest"));
        Assert.True(FormsDocument("kv-v2")["components"]!["schemas"]!.AsObject().ContainsKey("KvV2WriteRolesNameRequest"));
    }

    [Fact]
    public void User_text_never_turns_into_the_mount_type_placeholder()
    {
        var outcome = GeneratorHarness.Run("""
            [SecretsEngine]
            public partial class E
            {
                [Path("p"), Operation(Read, Summary = "a\u001Eb\u001Fc")]
                public Response? R() => null;
            }
            """);
        var document = OpenApiDocuments.Of(outcome, "kv");
        Assert.Equal("a\u001Eb\u001Fc", document["paths"]!["/p"]!["get"]!["summary"]!.GetValue<string>());
        Assert.Equal("kv-read-p", document["paths"]!["/p"]!["get"]!["operationId"]!.GetValue<string>());
    }

    [Fact]
    public void Request_schemas_carry_Vaults_types_defaults_allowed_values_and_sensitivity()
    {
        var document = FormsDocument();
        var post = document["paths"]!["/roles/{name}"]!["post"]!;
        Assert.Equal("#/components/schemas/KvWriteRolesNameRequest", post["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        var schema = document["components"]!["schemas"]!["KvWriteRolesNameRequest"]!;
        AssertJson("""{"type":"string","description":"How long credentials live.","format":"duration","default":"1h"}""", schema["properties"]!["ttl"]!);
        AssertJson("""{"type":"string","description":"The tier.","enum":["free","paid"]}""", schema["properties"]!["tier"]!);
        AssertJson("""{"type":"string","description":"The password.","format":"password","x-vault-displayAttrs":{"sensitive":true}}""", schema["properties"]!["password"]!);
        AssertJson("""{"type":"array","items":{"type":"string"}}""", schema["properties"]!["policies"]!);
        AssertJson("""{"type":"object","additionalProperties":{"type":"string"},"format":"kvpairs"}""", schema["properties"]!["tags"]!);
        AssertJson("""["tier"]""", schema["required"]!);
        Assert.False(schema["properties"]!.AsObject().ContainsKey("name"), "a capture is a path parameter, never a body field");

        var parameter = document["paths"]!["/roles/{name}"]!["parameters"]![0]!;
        AssertJson("""{"name":"name","in":"path","schema":{"type":"string","pattern":"^\\w([-\\w.]*\\w)?$"},"required":true}""", parameter);
        var multi = document["paths"]!["/data/{path}"]!["parameters"]![0]!;
        Assert.True(multi["x-vaultpathgen-multi-segment"]!.GetValue<bool>());
        var key = document["paths"]!["/secrets/{key}"]!["parameters"]![0]!;
        Assert.True(key["x-vaultpathgen-multi-segment"]!.GetValue<bool>());

        var read = document["paths"]!["/kv/{key}"]!["get"]!["parameters"]!.AsArray();
        Assert.Equal("version", Assert.Single(read)!["name"]!.GetValue<string>());
        Assert.Equal("query", read[0]!["in"]!.GetValue<string>());

        var list = document["paths"]!["/kv/"]!["get"]!["parameters"]![0]!;
        AssertJson("""{"name":"list","description":"Must be set to `true`","in":"query","schema":{"type":"string","enum":["true"]},"required":true}""", list);
        Assert.True(document["paths"]!["/old"]!["get"]!["deprecated"]!.GetValue<bool>());
        Assert.Equal("204", document["paths"]!["/blobs/{path}/meta"]!["delete"]!["responses"]!.AsObject().Single().Key);
    }

    [Fact]
    public void Typed_results_are_described_as_System_Text_Json_writes_them_inside_Vaults_envelope()
    {
        var document = FormsDocument();
        var ok = document["paths"]!["/roles/{name}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        AssertJson("""{"allOf":[{"$ref":"#/components/schemas/VaultResponse"},{"type":"object","properties":{"data":{"$ref":"#/components/schemas/KvReadRoleResponse"}}}]}""", ok);
        var schema = document["components"]!["schemas"]!["KvReadRoleResponse"]!["properties"]!.AsObject();
        Assert.Equal(["name", "ttl_seconds", "comment", "priority", "tier", "URL", "limits", "counts", "created"], schema.Select(p => p.Key));
        AssertJson("""{"type":"string","nullable":true}""", schema["comment"]!);
        AssertJson("""{"type":"integer","format":"int32","nullable":true}""", schema["priority"]!);
        AssertJson("""{"type":"integer"}""", schema["tier"]!);
        AssertJson("""{"type":"object","properties":{"max_keys":{"type":"integer","format":"int32"},"regions":{"type":"array","items":{"type":"string"}}}}""", schema["limits"]!);
        AssertJson("""{"type":"object","additionalProperties":{"type":"integer","format":"int32"}}""", schema["counts"]!);
        AssertJson("""{"type":"string","format":"date-time"}""", schema["created"]!);
        Assert.True(document["components"]!["schemas"]!["VaultResponse"]!["properties"]!.AsObject().ContainsKey("lease_duration"));
    }

    [Theory]
    [InlineData("MaxVersions", "max_versions", "max-versions", "maxVersions")]
    [InlineData("URLValue", "url_value", "url-value", "urlValue")]
    [InlineData("ID", "id", "id", "id")]
    [InlineData("Ttl2Fa", "ttl2_fa", "ttl2-fa", "ttl2Fa")]
    public void Property_names_follow_System_Text_Json_naming_policies(string name, string snake, string kebab, string camel)
    {
        Assert.Equal(snake, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name));
        Assert.Equal(snake, GeneratorInternals.Separated(name, '_', lower: true));
        Assert.Equal(kebab, GeneratorInternals.Separated(name, '-', lower: true));
        Assert.Equal(kebab.ToUpperInvariant(), GeneratorInternals.Separated(name, '-', lower: false));
        Assert.Equal(camel, GeneratorInternals.CamelCase(name));
        Assert.Equal(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name), GeneratorInternals.CamelCase(name));
    }

    [Fact]
    public async Task Help_carries_the_document_named_for_the_mount_type_and_path_help_only_its_paths()
    {
        var backend = GeneratorHarness.Load(OpenApiBackends.Forms, "Samples.Forms");
        var root = await backend.HandleRequestAsync(new Request(Operation.Help, "") { Data = new JsonObject { ["requestResponsePrefix"] = "kv" } }, CancellationToken.None);
        Assert.Equal("kv-read-kv-key", root!.Data!["openapi"]!["paths"]!["/kv/{key}"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.Contains("    roles[/<name>]\n        Roles.", root.Data["help"]!.GetValue<string>(), StringComparison.Ordinal);

        var path = await backend.HandleRequestAsync(new Request(Operation.Help, "roles/admin") { Data = new JsonObject { ["requestResponsePrefix"] = "kv" } }, CancellationToken.None);
        var document = path!.Data!["openapi"]!;
        Assert.Equal(["/roles", "/roles/{name}"], document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["KvReadRoleResponse", "KvReadRolesResponse", "KvWriteRolesNameRequest", "KvWriteRolesRequest", "VaultResponse"], document["components"]!["schemas"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        var help = path.Data["help"]!.GetValue<string>();
        Assert.StartsWith("Request:        roles[/<name>]\n", help, StringComparison.Ordinal);
        Assert.Contains("    tier (string, required, one of: \"free\", \"paid\")\n        The tier.", help, StringComparison.Ordinal);
        Assert.Contains("    ttl (duration (sec), default: \"1h\")\n", help, StringComparison.Ordinal);

        var creds = await backend.HandleRequestAsync(new Request(Operation.Help, "creds/r") , CancellationToken.None);
        Assert.StartsWith("Request:        creds/<role>, creds/<role>/<ttl>\n", creds!.Data!["help"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("read-creds-role", creds.Data["openapi"]!["paths"]!["/creds/{role}"]!["get"]!["operationId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("login", "login", true)]
    [InlineData("roles/x", "roles/*", true)]
    [InlineData("roles", "roles/*", false)]
    [InlineData("a/b/c", "a/+/c", true)]
    [InlineData("a/b/c/d", "a/+/c", false)]
    [InlineData("a/b/cd", "a/+/c*", true)]
    public void Special_paths_match_with_Vaults_rules(string path, string special, bool matches)
    {
        Assert.Equal(matches, BackendOpenApi.SpecialPathMatch(path, [special]));
    }

    [Fact]
    public async Task Dev_mode_serves_every_mounts_document_merged_under_its_mount()
    {
        var backend = GeneratorHarness.Load(OpenApiBackends.Forms, "Samples.Forms");
        await using var server = await VaultDevServer.StartAsync(backend, new VaultDevServerOptions { ListenAddress = new IPEndPoint(IPAddress.Loopback, 0), MountPoint = "forms/", MountType = "forms" });
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Add("X-Vault-Token", server.RootToken);
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/v1/sys/internal/specs/openapi", UriKind.Relative)))!;
        Assert.Equal("HashiCorp Vault API", document["info"]!["title"]!.GetValue<string>());
        Assert.Equal("forms-read-kv-key", document["paths"]!["/forms/kv/{key}"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.True(document["components"]!["schemas"]!.AsObject().ContainsKey("FormsWriteRolesNameRequest"));
        Assert.All(document["paths"]!.AsObject(), p => Assert.StartsWith("/forms/", p.Key, StringComparison.Ordinal));
    }
}
