using System.Text.Json.Nodes;

namespace VaultPathGen.Generator.Tests;

/// <summary>
/// Declared responses and display attributes in the document, against what Vault writes for the
/// same declarations. Expected values are derived by hand from hashicorp/vault:
/// sdk/framework/openapi.go (<c>documentPath</c>: one response per code, a response with fields
/// gets <c>hyphenatedToTitleCase(operationId) + "Response"</c> typed by <c>convertType</c>;
/// <c>withoutOperationHints</c>; <c>constructOperationID</c>: the operation's hints, then the
/// path's), sdk/framework/path.go (<c>DisplayAttributes</c> JSON names), the Vault test
/// <c>TestOpenAPI_Paths/Responses</c> with sdk/framework/testdata/responses.json, and the
/// <c>internal/specs/openapi</c> path in vault/logical_system_paths.go (<c>internalPaths</c>).
/// </summary>
public class OpenApiDeclarationTests
{
    private static readonly Lazy<GeneratorOutcome> Declared = new(() => GeneratorHarness.Run(OpenApiDeclaredBackends.Declared));

    private static JsonObject Document => OpenApiDocuments.Of(Declared.Value, "kv");

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");

    private static string Envelope(string schema) =>
        """{"allOf":[{"$ref":"#/components/schemas/VaultResponse"},{"type":"object","properties":{"data":{"$ref":"#/components/schemas/SCHEMA"}}}]}""".Replace("SCHEMA", schema, StringComparison.Ordinal);

    [Fact]
    public void The_declaration_compiles_without_diagnostics()
    {
        Assert.Empty(Declared.Value.GeneratorDiagnostics);
    }

    [Fact]
    public void Declared_response_fields_give_the_schema_Vault_gives_them()
    {
        var document = Document;
        var get = document["paths"]!["/foo"]!["get"]!;
        Assert.Equal("kv-read-foo", get["operationId"]!.GetValue<string>());

        // responses.json: 202 "Amazing" referring to KvReadFooResponse, with field_a and field_b.
        AssertJson("""{"202":{"description":"Amazing","content":{"application/json":{"schema":ENVELOPE}}}}""".Replace("ENVELOPE", Envelope("KvReadFooResponse"), StringComparison.Ordinal), get["responses"]);
        AssertJson("""
            {"type":"object","properties":{
              "field_a":{"type":"string","description":"field_a description"},
              "field_b":{"type":"boolean","description":"field_b description"}}}
            """, document["components"]!["schemas"]!["KvReadFooResponse"]);

        // A delete without declarations keeps Vault's default.
        AssertJson("""{"204":{"description":"empty body"}}""", document["paths"]!["/foo"]!["delete"]!["responses"]);
    }

    [Fact]
    public void Every_declared_code_is_listed_with_required_and_sensitive_fields_typed_as_requests_are()
    {
        var document = Document;
        var get = document["paths"]!["/roles/{name}"]!["get"]!;
        AssertJson("""
            {"200":{"description":"The role.","content":{"application/json":{"schema":ENVELOPE}}},
             "404":{"description":"No such role."}}
            """.Replace("ENVELOPE", Envelope("MyRolesReadRolesNameResponse"), StringComparison.Ordinal), get["responses"]);
        AssertJson("""
            {"type":"object","properties":{
              "password":{"type":"string","format":"password","x-vault-displayAttrs":{"sensitive":true}},
              "ttl":{"type":"string","description":"How long.","format":"duration"}},
             "required":["ttl"]}
            """, document["components"]!["schemas"]!["MyRolesReadRolesNameResponse"]);
    }

    [Fact]
    public void Path_display_attributes_go_on_the_path_without_the_operation_hints()
    {
        var item = Document["paths"]!["/roles/{name}"]!;
        AssertJson("""{"name":"Role","navigation":true,"itemType":"Role","action":"Create"}""", item["x-vault-displayAttrs"]);

        // Only hints: Vault's withoutOperationHints leaves no object at all.
        Assert.Null(Document["paths"]!["/internal/specs/openapi"]!["x-vault-displayAttrs"]);
    }

    [Fact]
    public void Field_display_attributes_go_on_the_field_schema_in_Vaults_names()
    {
        var document = Document;
        var request = document["components"]!["schemas"]!["MyRolesWriteRolesNameRequest"]!["properties"]!;
        AssertJson("""{"type":"integer","x-vault-displayAttrs":{"name":"Age","value":7,"sensitive":true,"group":"Some Group"}}""", request["age"]);
        AssertJson("""{"type":"string","x-vault-displayAttrs":{"description":"The certificate, PEM encoded.","editType":"textarea"}}""", request["certificate"]);
        var parameter = document["paths"]!["/roles/{name}"]!["parameters"]![0]!;
        AssertJson("""{"name":"Role name"}""", parameter["schema"]!["x-vault-displayAttrs"]);
    }

    [Fact]
    public void Operation_ids_take_the_operations_hints_then_the_paths()
    {
        var paths = Document["paths"]!;

        // vault/logical_system_paths.go: the path sets prefix "internal" and verb "generate", each
        // operation its suffix.
        Assert.Equal("internal-generate-open-api-document", paths["/internal/specs/openapi"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("internal-generate-open-api-document-with-parameters", paths["/internal/specs/openapi"]!["post"]!["operationId"]!.GetValue<string>());

        // A path prefix alone: the verb is the operation's, the suffix the path's words.
        Assert.Equal("my-roles-read-roles-name", paths["/roles/{name}"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("my-roles-write-roles-name", paths["/roles/{name}"]!["post"]!["operationId"]!.GetValue<string>());
    }

    // Vault's own table, TestOpenAPI_constructOperationID in sdk/framework/openapi_test.go: path
    // hints and operation hints as prefix|verb|suffix ("" for none), mount type "test".
    [Theory]
    [InlineData("path/to/thing", 0, "||", "||", "read", "test-read-path-to-thing")]
    [InlineData("path/to/thing", 0, "||", "||", "update", "test-write-path-to-thing")]
    [InlineData("path/to/thing", 0, "|do-something|", "||", "update", "do-something")]
    [InlineData("path/to/thing", 0, "|do-something|", "|do-something-else|", "update", "do-something-else")]
    [InlineData("path/to/thing", 0, "my-prefix||", "||", "update", "my-prefix-write-path-to-thing")]
    [InlineData("path/to/thing", 0, "my-prefix||", "better-prefix||", "update", "better-prefix-write-path-to-thing")]
    [InlineData("path/to/thing", 0, "my-prefix||my-suffix", "||", "update", "my-prefix-write-my-suffix")]
    [InlineData("path/to/thing", 0, "my-prefix||my-suffix", "better-prefix||better-suffix", "update", "better-prefix-write-better-suffix")]
    [InlineData("path/to/thing", 0, "my-prefix|Create|my-suffix", "better-prefix||better-suffix", "update", "better-prefix-create-better-suffix")]
    [InlineData("path/to/thing", 0, "my-prefix|Create|my-suffix", "better-prefix|Login|better-suffix", "update", "better-prefix-login-better-suffix")]
    [InlineData("path/to/thing", 0, "||", "better-prefix|Login|", "update", "better-prefix-login")]
    [InlineData("path/to/thing", 0, "||", "|Login|better-suffix", "update", "login-better-suffix")]
    [InlineData("path/to/thing", 0, "||", "better-prefix||suffix0|suffix1", "update", "better-prefix-write-suffix0")]
    [InlineData("path/to/thing", 1, "||", "better-prefix||suffix0|suffix1", "update", "better-prefix-write-suffix1")]
    [InlineData("path/to/thing", 2, "||", "better-prefix||suffix0|suffix1", "update", "better-prefix-write-path-to-thing")]
    public void Operation_ids_follow_Vaults_constructOperationID_table(string path, int pathIndex, string pathHints, string operationHints, string operation, string expected)
    {
        static string?[] Parts(string hints)
        {
            var parts = hints.Split('|', 3);
            return [.. parts.Select(p => p.Length == 0 ? null : p)];
        }

        Assert.Equal(expected, GeneratorInternals.OperationId(path, pathIndex, Parts(pathHints), Parts(operationHints), operation, "test"));
    }
}
