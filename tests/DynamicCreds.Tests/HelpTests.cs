using System.Text.Json.Nodes;

namespace DynamicCreds.Tests;

/// <summary>
/// Help and OpenAPI for an engine with a secret type look as Vault's framework makes them: its root
/// help has only the DESCRIPTION and PATHS sections and its OpenAPI document only the paths, since
/// a Go framework.Backend's Secrets appear in neither (sdk/framework/backend.go rootHelpTemplate,
/// openapi.go documentPaths).
/// </summary>
public sealed class HelpTests : CredsTestBase
{
    [Fact]
    public async Task Root_help_has_vaults_two_sections_and_lists_paths_only()
    {
        var help = (await Vault.HelpAsync()).EnsureSuccess().Data!;
        var text = help["help"]!.GetValue<string>();

        Assert.Equal(["## DESCRIPTION", "## PATHS"], text.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
        var listed = text.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal) && !l.StartsWith("        ", StringComparison.Ordinal)).Select(l => l.Trim());
        Assert.Equal(["creds/<name>", "issued[/]", "roles/<name>", "roles[/]"], listed);
    }

    [Fact]
    public async Task OpenApi_documents_the_paths_and_nothing_for_the_secret_type()
    {
        var openapi = (await Vault.HelpAsync()).EnsureSuccess().Data!["openapi"]!.AsObject();

        Assert.Equal(["/creds/{name}", "/issued/", "/roles/", "/roles/{name}"], openapi["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("creds", (openapi["components"] as JsonObject)?["schemas"]?.AsObject().Select(s => s.Key) ?? []);
    }
}
