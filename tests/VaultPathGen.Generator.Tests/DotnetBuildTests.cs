using VaultPathGen.Tests.Shared;

namespace VaultPathGen.Generator.Tests;

/// <summary>The generator as users get it: loaded by the real compiler in <c>dotnet build</c>.</summary>
public class DotnetBuildTests
{
    [Fact]
    public async Task Dotnet_build_reports_a_declaration_mistake_at_its_line_with_a_help_link()
    {
        var (exitCode, output) = await DotnetBuild.BuildAsync("Engine.cs", """
            using VaultPathGen;
            using static VaultPathGen.Operation;

            [SecretsEngine]
            public partial class Engine
            {
                [Path("kv/<key>"), Operation(Create, Update)]
                public Response? Write(string key) => null;
            }
            """, "VaultPathGen.Generator.dll");

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(output.Split('\n').Where(l => l.Contains("error VPG0013", StringComparison.Ordinal)).Distinct());
        Assert.Contains("Engine.cs(7,6)", line, StringComparison.Ordinal);
        Assert.Contains("\"kv/<key>\" handles create but has no [ExistenceCheck]", line, StringComparison.Ordinal);
        Assert.Contains("docs/diagnostics/VPG0013.md", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_build_writes_one_document_per_backend_named_for_the_mount_type_and_version()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "VaultPathGen.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("no VaultPathGen.sln above the test binary");
        }

        var targets = Path.Combine(root, "src", "Runtime", "OpenApi", "VaultPathGen.OpenApi.targets");
        var documents = new Dictionary<string, string>();
        var (exitCode, output) = await DotnetBuild.BuildAsync("Engines.cs", """
            using VaultPathGen;
            using static VaultPathGen.Operation;

            /// <summary>The first {"engine"}.</summary>
            [SecretsEngine]
            public partial class First
            {
                [Path("one/<key>"), Operation(Read)]
                public Response? ReadOne(string key) => null;
            }

            [SecretsEngine]
            public partial class Second
            {
                [Path("two"), Operation(Update)]
                public void WriteTwo(string value) { }
            }
            """,
            $"""
            <PropertyGroup><VaultOpenApiPrefix>my-kv</VaultOpenApiPrefix><Version>2.1.0</Version></PropertyGroup>
            <Import Project="{targets}" />
            """,
            async directory =>
            {
                foreach (var file in Directory.GetFiles(directory, "*.openapi.json", SearchOption.AllDirectories))
                {
                    documents[Path.GetFileName(file)] = await File.ReadAllTextAsync(file);
                }
            },
            "VaultPathGen.Generator.dll");

        Assert.True(exitCode == 0, output);
        Assert.Equal(["Probe.First.openapi.json", "Probe.Second.openapi.json"], documents.Keys.Order(StringComparer.Ordinal));
        var first = System.Text.Json.Nodes.JsonNode.Parse(documents["Probe.First.openapi.json"])!;
        Assert.Equal("First", first["info"]!["title"]!.GetValue<string>());
        Assert.Equal("The first {\"engine\"}.", first["info"]!["description"]!.GetValue<string>());
        Assert.Equal("2.1.0", first["info"]!["version"]!.GetValue<string>());
        Assert.Equal("my-kv-read-one-key", first["paths"]!["/one/{key}"]!["get"]!["operationId"]!.GetValue<string>());
        var second = System.Text.Json.Nodes.JsonNode.Parse(documents["Probe.Second.openapi.json"])!;
        Assert.True(second["components"]!["schemas"]!.AsObject().ContainsKey("MyKvWriteTwoRequest"));
    }
}
