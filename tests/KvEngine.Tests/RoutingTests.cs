using System.Text.Json.Nodes;
using VaultPathGen;

namespace KvEngine.Tests;

public sealed class RoutingTests : KvTestBase
{
    [Theory]
    [InlineData("kv/app")]
    [InlineData("secret/app")]
    [InlineData("datum/app")]
    [InlineData("config/x")]
    [InlineData("data/")]
    public async Task Paths_outside_the_engine_are_404(string path) =>
        Assert.Equal(404, (await Vault.ReadAsync(path)).StatusCode);

    [Theory]
    [InlineData(Operation.List, "subkeys/app")]
    [InlineData(Operation.Read, "delete/app")]
    [InlineData(Operation.Delete, "undelete/app")]
    [InlineData(Operation.Patch, "destroy/app")]
    [InlineData(Operation.Update, "subkeys/app")]
    [InlineData(Operation.Delete, "config")]
    public async Task Operations_a_path_does_not_serve_are_405(Operation operation, string path) =>
        Assert.Equal(405, (await Vault.SendAsync(operation, path, new JsonObject { ["versions"] = "1" })).StatusCode);

    [Theory]
    [InlineData("data/app")]
    [InlineData("config")]
    public async Task A_list_adds_a_slash_that_data_and_config_paths_do_not_match(string path) =>
        Assert.Equal(404, (await Vault.ListAsync(path)).StatusCode);

    [Fact]
    public async Task Help_describes_the_engine_and_its_paths()
    {
        var root = (await Vault.HelpAsync("")).EnsureStatus(200).Data!["help"]!.GetValue<string>();
        var metadata = (await Vault.HelpAsync("metadata/app")).EnsureStatus(200).Data!["help"]!.GetValue<string>();

        Assert.Contains("Vault's built-in kv version 2", root, StringComparison.Ordinal);
        Assert.Contains("Allows interaction with key metadata and settings in the KV store.", metadata, StringComparison.Ordinal);
        Assert.Contains("custom_metadata", metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_the_backend_throws_escapes_on_ordinary_requests()
    {
        await Put("app", new JsonObject { ["v"] = 1 });
        var responses = new[]
        {
            await Get("app"),
            await Vault.ReadAsync("metadata/app"),
            await Vault.ReadAsync("subkeys/app"),
            await Vault.ListAsync("metadata"),
            await Vault.ReadAsync("config"),
        };

        Assert.All(responses, r => Assert.Null(r.Exception));
    }
}
