using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace VaultPathGen.Package.Tests;

/// <summary>What the packages hold: exactly the files docs/package.md lists, with the metadata NuGet shows.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentsTests(PackedFeed feed)
{
    /// <summary>Files every package has that NuGet itself writes.</summary>
    private static bool IsNuGetPlumbing(string entry)
        => entry is "_rels/.rels" or "[Content_Types].xml" || entry.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal);

    private List<string> Listed(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(feed.RepoRoot, "docs", "package.md"));
        var start = Array.FindIndex(lines, l => l == "<!-- contents: " + heading + " -->");
        Assert.True(start >= 0, $"docs/package.md has no '<!-- contents: {heading} -->' listing");
        return lines.Skip(start + 2).TakeWhile(l => l != "```").Select(l => l.Trim()).ToList();
    }

    private static List<string> Contents(string package)
        => PackedFeed.Entries(package).Where(e => !IsNuGetPlumbing(e)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Package_holds_exactly_what_the_docs_list()
    {
        feed.AssertPacked();
        Assert.Equal(Listed("VaultPathGen").Order(StringComparer.Ordinal), Contents(feed.PackagePath));
    }

    [Fact]
    public void Symbols_package_holds_exactly_what_the_docs_list()
    {
        feed.AssertPacked();
        Assert.Equal(Listed("VaultPathGen snupkg").Order(StringComparer.Ordinal), Contents(feed.SymbolsPath));
    }

    [Fact]
    public void Template_package_holds_exactly_what_the_docs_list()
    {
        feed.AssertPacked();
        Assert.Equal(Listed("VaultPathGen.Templates").Order(StringComparer.Ordinal), Contents(feed.TemplatesPath));
    }

    [Fact]
    public void Generator_and_analyzers_are_in_the_analyzer_folder_and_no_test_or_sample_assembly_leaks_in()
    {
        feed.AssertPacked();
        var assemblies = PackedFeed.Entries(feed.PackagePath).Where(e => e.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "analyzers/dotnet/cs/VaultPathGen.Analyzers.dll",
                "analyzers/dotnet/cs/VaultPathGen.Generator.dll",
                "lib/net10.0/VaultPathGen.Runtime.dll",
                "lib/net9.0/VaultPathGen.Runtime.dll",
            ],
            assemblies);
        string[] foreign = ["Test", "Sample", "KvEngine", "Benchmark"];
        var leaks = PackedFeed.Entries(feed.PackagePath).Where(e => foreign.Any(f => e.Contains(f, StringComparison.OrdinalIgnoreCase)))
            .Concat(PackedFeed.Entries(feed.TemplatesPath).Where(e => e.Contains("/bin/", StringComparison.Ordinal) || e.Contains("/obj/", StringComparison.Ordinal)
                || e.EndsWith(".dll", StringComparison.Ordinal) || e.EndsWith(".pdb", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public void Roslyn_components_build_against_Roslyn_4_14_so_every_current_SDK_loads_them()
    {
        feed.AssertPacked();
        using var zip = ZipFile.OpenRead(feed.PackagePath);
        foreach (var name in new[] { "VaultPathGen.Generator.dll", "VaultPathGen.Analyzers.dll" })
        {
            using var stream = new MemoryStream();
            using (var entry = zip.GetEntry("analyzers/dotnet/cs/" + name)!.Open())
            {
                entry.CopyTo(stream);
            }

            stream.Position = 0;
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            var roslyn = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference)
                .Where(r => metadata.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .Select(r => r.Version).ToList();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, v => Assert.True(v <= new Version(4, 14, 0, 0), $"{name} references Roslyn {v}"));
        }
    }

    [Fact]
    public void Nuspec_carries_the_version_readme_license_and_only_the_runtime_dependency()
    {
        feed.AssertPacked();
        var nuspec = Nuspec(feed.PackagePath, "VaultPathGen.nuspec");
        string Meta(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name && e.Parent!.Name.LocalName == "metadata").Value;

        Assert.Equal("VaultPathGen", Meta("id"));
        Assert.Equal(feed.Version, Meta("version"));
        Assert.Equal("README.md", Meta("readme"));
        Assert.Equal("MIT", Meta("license"));
        Assert.DoesNotContain("Package Description", Meta("description"), StringComparison.Ordinal);
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => $"{e.Parent!.Attribute("targetFramework")!.Value}:{e.Attribute("id")!.Value}").Order(StringComparer.Ordinal);
        Assert.Equal(["net10.0:Google.Protobuf", "net9.0:Google.Protobuf"], dependencies);
    }

    [Fact]
    public void Templates_reference_the_VaultPathGen_version_packed_with_them()
    {
        feed.AssertPacked();
        using var zip = ZipFile.OpenRead(feed.TemplatesPath);
        foreach (var template in new[] { "vault-secrets", "vault-auth" })
        {
            using var reader = new StreamReader(zip.GetEntry($"content/{template}/.template.config/template.json")!.Open());
            Assert.Contains($"\"value\": \"{feed.Version}\"", reader.ReadToEnd(), StringComparison.Ordinal);
        }

        Assert.Equal("Template", Nuspec(feed.TemplatesPath, "VaultPathGen.Templates.nuspec").Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")!.Value);
    }

    private static XDocument Nuspec(string package, string name)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }
}
