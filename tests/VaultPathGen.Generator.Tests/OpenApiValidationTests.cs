using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using VaultPathGen.OpenApi;

namespace VaultPathGen.Generator.Tests;

/// <summary>
/// The documents validate as OpenAPI 3 with a real validator (tests/OpenApi/validate.mjs:
/// @apidevtools/swagger-parser, installed by scripts/install-test-deps.sh): those of the test
/// backends, and of every sample under samples/, each built with the real build, whose task writes
/// the document beside the assembly. The samples are project references of this test project (a
/// wildcard, so a new sample is picked up by being there): the build that builds the tests built
/// them, and the tests read what it wrote instead of building them again.
/// </summary>
public class OpenApiValidationTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.GetDirectories(Path.Combine(Root, "samples")).SelectMany(d => Directory.GetFiles(d, "*.csproj")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, project));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_document_written_by_the_build_validates(string project)
    {
        await AssertValid(Documents(project));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_document_matches_its_snapshot(string project)
    {
        var documents = Documents(project);
        var own = Path.GetFileNameWithoutExtension(project) + ".";
        var files = documents.Where(f => Path.GetFileName(f).StartsWith(own, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Snapshot.MatchFile(await File.ReadAllTextAsync(file), "Samples." + Path.GetFileNameWithoutExtension(file), "json");
        }
    }

    /// <summary>The documents the build wrote beside the sample's assembly.</summary>
    private static string[] Documents(string project)
    {
        var projectPath = Path.GetFullPath(Path.Combine(Root, project));
        var output = typeof(OpenApiValidationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "SampleOutput:" + projectPath)?.Value;
        Assert.True(output is not null, $"{project} is not built before these tests: is it a project reference of VaultPathGen.Generator.Tests.csproj (samples/*/*.csproj)?");
        var bin = Path.GetDirectoryName(output)!;
        var documents = Directory.Exists(bin) ? Directory.GetFiles(bin, "*.openapi.json") : [];
        Assert.True(documents.Length > 0, $"{project} wrote no *.openapi.json in {bin}: does it import VaultPathGen.Runtime.targets (which imports the OpenAPI task)?");
        return documents;
    }

    [Fact]
    public async Task Test_backend_documents_validate()
    {
        var directory = Directory.CreateTempSubdirectory("vpg-openapi-");
        try
        {
            var sources = new Dictionary<string, string>
            {
                [nameof(TestBackends.Kv)] = TestBackends.Kv,
                [nameof(TestBackends.Fields)] = TestBackends.Fields,
                [nameof(TestBackends.Templates)] = TestBackends.Templates,
                [nameof(TestBackends.Results)] = TestBackends.Results,
                [nameof(TestBackends.Regex)] = TestBackends.Regex,
                [nameof(TestBackends.Lifecycle)] = TestBackends.Lifecycle,
                ["Forms"] = OpenApiBackends.Forms,
                ["Declared"] = OpenApiDeclaredBackends.Declared,
            };
            var files = new List<string>();
            foreach (var (name, source) in sources)
            {
                foreach (var mountType in new[] { "", "test-engine" })
                {
                    var file = Path.Combine(directory.FullName, $"{name}.{(mountType.Length == 0 ? "plain" : mountType)}.json");
                    await File.WriteAllTextAsync(file, OpenApiDocuments.Of(GeneratorHarness.Run(source), mountType).ToJsonString());
                    files.Add(file);
                }
            }

            // What the help response carries at run time, special paths included.
            var backend = GeneratorHarness.Load(OpenApiBackends.Forms, "Samples.Forms");
            var withSpecial = new BackendDescriptor(backend.Descriptor.Name, backend.Descriptor.Type, backend.Descriptor.Help, backend.Descriptor.Paths, new SpecialPaths { Root = ["roles/*"], Unauthenticated = ["login"] })
            {
                OpenApi = backend.Descriptor.OpenApi,
            };
            var runtime = BackendOpenApi.Document(withSpecial, "kv");
            Assert.True(runtime["paths"]!["/roles/{name}"]!["x-vault-sudo"]!.GetValue<bool>());
            Assert.True(runtime["paths"]!["/login"]!["x-vault-unauthenticated"]!.GetValue<bool>());
            Assert.Null(runtime["paths"]!["/roles"]!["x-vault-sudo"]);
            var runtimeFile = Path.Combine(directory.FullName, "Forms.runtime.json");
            await File.WriteAllTextAsync(runtimeFile, runtime.ToJsonString());
            files.Add(runtimeFile);

            await AssertValid(files);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_validator_rejects_an_invalid_document()
    {
        var file = Path.Combine(Path.GetTempPath(), $"vpg-invalid-{Guid.NewGuid():N}.json");
        var document = new JsonObject
        {
            ["openapi"] = "3.0.2",
            ["info"] = new JsonObject { ["title"] = "x", ["version"] = "1" },
            ["paths"] = new JsonObject { ["/a/{b}"] = new JsonObject { ["get"] = new JsonObject { ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } } } } },
        };
        await File.WriteAllTextAsync(file, document.ToJsonString());
        try
        {
            var (code, output) = await Validate([file]);
            Assert.True(code != 0, output);
            Assert.Contains("path parameter {b} is not declared", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task AssertValid(IReadOnlyCollection<string> files)
    {
        var (code, output) = await Validate(files);
        Assert.True(code == 0, output);
        Assert.Equal(files.Count, output.Split('\n').Count(l => l.StartsWith("valid ", StringComparison.Ordinal)));
    }

    private static Task<(int Code, string Output)> Validate(IEnumerable<string> files)
    {
        var validator = Path.Combine(Root, "tests", "OpenApi");
        if (!Directory.Exists(Path.Combine(validator, "node_modules", "@apidevtools", "swagger-parser")))
        {
            Assert.Fail($"the OpenAPI validator is not installed in {validator}/node_modules: run scripts/install-test-deps.sh (npm ci --prefix tests/OpenApi)");
        }

        return Run("node", validator, ["validate.mjs", .. files]);
    }

    private static async Task<(int Code, string Output)> Run(string program, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "VaultPathGen.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
