using System.Text.Json.Nodes;
using VaultPathGen.Dev;

namespace VaultPathGen.Tests.Dev;

/// <summary>
/// Dev mode's <c>sys/internal/specs/openapi</c> options against Vault's behaviour, derived by hand
/// from hashicorp/vault: vault/logical_system.go (<c>pathInternalOpenAPI</c>: with
/// <c>generic_mount_paths</c> a mount that is not a singleton — <c>auth/token</c>, <c>cubbyhole</c>,
/// <c>identity</c>, <c>sys</c> — becomes <c>{&lt;mount path&gt;_mount_path}</c>, <c>-</c> as <c>_</c>,
/// with the parameter "Path that the backend was mounted at" defaulting to the mount; PRs #18663,
/// #18935 and #21563, whose example is <c>/{kv_v2_mount_path}/data/{path}</c>) and
/// sdk/framework/openapi.go (<c>CreateOperationIDs</c>, which only names operations without an id).
/// </summary>
public sealed class DevOpenApiTests
{
    [Theory]
    [InlineData("kv-v2/", "kv", true, "{kv_v2_mount_path}/", "kv_v2_mount_path", "kv-v2")]
    [InlineData("secret/", "kv", true, "{secret_mount_path}/", "secret_mount_path", "secret")]
    [InlineData("auth/userpass/", "userpass", true, "auth/{userpass_mount_path}/", "userpass_mount_path", "userpass")]
    [InlineData("auth/token/", "token", true, "auth/token/", null, null)]
    [InlineData("cubbyhole/", "cubbyhole", true, "cubbyhole/", null, null)]
    [InlineData("identity/", "identity", true, "identity/", null, null)]
    [InlineData("kv-v2/", "kv", false, "kv-v2/", null, null)]
    public void Generic_mount_paths_name_the_mount_by_its_path_except_singletons(string mount, string type, bool generic, string expected, string? name, string? defaultValue)
    {
        var (documentMount, parameter) = DevOpenApi.MountInDocument(mount, type, generic);
        Assert.Equal(expected, documentMount);
        if (name is null)
        {
            Assert.Null(parameter);
            return;
        }

        var expectedParameter = new JsonObject
        {
            ["name"] = name,
            ["description"] = "Path that the backend was mounted at",
            ["in"] = "path",
            ["schema"] = new JsonObject { ["type"] = "string", ["default"] = defaultValue },
            ["required"] = true,
        };
        Assert.True(JsonNode.DeepEquals(expectedParameter, parameter), parameter?.ToJsonString());
    }

    [Fact]
    public void Context_suffixes_only_the_ids_Vaults_legacy_scheme_makes()
    {
        // As Vault's TestOpenAPI_OperationID: getFooId, postFooId, deleteFooId, "_<context>" appended,
        // a clash numbered; "{kv_mount_path}" loses "_mount_path"; an existing id is kept.
        var paths = new JsonObject
        {
            ["/foo/{id}"] = new JsonObject { ["get"] = new JsonObject(), ["post"] = new JsonObject(), ["delete"] = new JsonObject() },
            ["/foo/{id}/"] = new JsonObject { ["get"] = new JsonObject() },
            ["/{kv_mount_path}/data/{path}"] = new JsonObject { ["get"] = new JsonObject() },
            ["/named"] = new JsonObject { ["get"] = new JsonObject { ["operationId"] = "kv-read-named" } },
        };
        DevOpenApi.CreateOperationIds(paths, "ctx");
        Assert.Equal("getFooId_ctx", (string?)paths["/foo/{id}"]!["get"]!["operationId"]);
        Assert.Equal("postFooId_ctx", (string?)paths["/foo/{id}"]!["post"]!["operationId"]);
        Assert.Equal("deleteFooId_ctx", (string?)paths["/foo/{id}"]!["delete"]!["operationId"]);
        Assert.Equal("getFooId_2_ctx", (string?)paths["/foo/{id}/"]!["get"]!["operationId"]);
        Assert.Equal("getKvDataPath_ctx", (string?)paths["/{kv_mount_path}/data/{path}"]!["get"]!["operationId"]);
        Assert.Equal("kv-read-named", (string?)paths["/named"]!["get"]!["operationId"]);
    }

    [Theory]
    [InlineData("{\"generic_mount_paths\":true,\"context\":\"c\"}", true, "c")]
    [InlineData("{\"generic_mount_paths\":\"1\"}", true, "")]
    [InlineData("{\"generic_mount_paths\":\"false\"}", false, "")]
    [InlineData("{}", false, "")]
    public void Options_are_read_with_Vaults_field_coercion(string data, bool generic, string context)
    {
        Assert.True(DevOpenApi.TryReadOptions(JsonNode.Parse(data)!.AsObject(), out var g, out var c, out var error), error);
        Assert.Equal(generic, g);
        Assert.Equal(context, c);
    }

    [Fact]
    public void A_value_that_is_no_bool_is_refused_with_the_field_named()
    {
        Assert.False(DevOpenApi.TryReadOptions(new JsonObject { ["generic_mount_paths"] = "maybe" }, out _, out _, out var error));
        Assert.Contains("generic_mount_paths", error, StringComparison.Ordinal);
    }
}
