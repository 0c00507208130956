using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VaultPathGen.Dev;

namespace VaultPathGen.Generator.Tests;

/// <summary>
/// Dev mode's <c>sys/internal/specs/openapi</c> with Vault's options (vault/logical_system.go,
/// <c>pathInternalOpenAPI</c>): <c>generic_mount_paths</c> as a query parameter or in a written body,
/// <c>context</c> leaving compiled operationIds alone (Vault only suffixes ids it makes itself).
/// </summary>
public class OpenApiDevModeTests
{
    private static async Task<(VaultDevServer Server, HttpClient Client)> StartAsync(string mount)
    {
        var backend = GeneratorHarness.Load(OpenApiBackends.Forms, "Samples.Forms");
        var server = await VaultDevServer.StartAsync(backend, new VaultDevServerOptions { ListenAddress = new IPEndPoint(IPAddress.Loopback, 0), MountPoint = mount, MountType = "forms" });
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Add("X-Vault-Token", server.RootToken);
        return (server, client);
    }

    [Fact]
    public async Task Generic_mount_paths_put_the_mount_in_a_parameter_named_for_its_path()
    {
        var (server, client) = await StartAsync("my-forms/");
        await using var _ = server;
        using var __ = client;
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/v1/sys/internal/specs/openapi?generic_mount_paths=true&context=ctx", UriKind.Relative)))!;
        var paths = document["paths"]!.AsObject();
        Assert.All(paths, p => Assert.StartsWith("/{my_forms_mount_path}/", p.Key, StringComparison.Ordinal));
        var item = paths["/{my_forms_mount_path}/kv/{key}"]!;
        var mountParameter = item["parameters"]!.AsArray().Last()!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"name":"my_forms_mount_path","description":"Path that the backend was mounted at","in":"path","schema":{"type":"string","default":"my-forms"},"required":true}
            """), mountParameter), mountParameter.ToJsonString());
        Assert.Equal("key", item["parameters"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("forms-read-kv-key", item["get"]!["operationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_options_can_be_written_and_are_checked()
    {
        var (server, client) = await StartAsync("forms/");
        await using var _ = server;
        using var __ = client;
        using var written = await client.PostAsync(new Uri("/v1/sys/internal/specs/openapi", UriKind.Relative), new StringContent("""{"generic_mount_paths": true}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.True(JsonNode.Parse(await written.Content.ReadAsStringAsync())!["paths"]!.AsObject().ContainsKey("/{forms_mount_path}/kv/{key}"));

        var plain = JsonNode.Parse(await client.GetStringAsync(new Uri("/v1/sys/internal/specs/openapi", UriKind.Relative)))!;
        Assert.True(plain["paths"]!.AsObject().ContainsKey("/forms/kv/{key}"));

        using var refused = await client.GetAsync(new Uri("/v1/sys/internal/specs/openapi?generic_mount_paths=maybe", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("generic_mount_paths", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
