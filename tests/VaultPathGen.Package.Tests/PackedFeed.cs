using System.IO.Compression;
using System.Xml.Linq;
using VaultPathGen.Plugin.Tests;

namespace VaultPathGen.Package.Tests;

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "package";
}

/// <summary>
/// Packs VaultPathGen and VaultPathGen.Templates once, from a clean copy of the sources, into a
/// local folder feed that every test in the collection uses.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public PackedFeed()
    {
        RepoRoot = GoHostFixture.FindRepoRoot();
        Version = XDocument.Load(Path.Combine(RepoRoot, "Directory.Build.props")).Descendants("Version").Single().Value;
        Root = Directory.CreateTempSubdirectory("vpg-package-").FullName;
        FeedDir = Path.Combine(Root, "feed");
        Runtime = Pack(Path.Combine(Root, "source-a"), FeedDir, out var templates);
        Templates = templates;
        _outside = new(() => new OutsideWorkspace(this));
    }

    private readonly Lazy<OutsideWorkspace> _outside;

    /// <summary>The user's machine both template walk-throughs share, made on first use (only after a successful pack).</summary>
    public OutsideWorkspace Outside => _outside.Value;

    public string RepoRoot { get; }

    /// <summary>The version in Directory.Build.props: the one place it is set.</summary>
    public string Version { get; }

    /// <summary>A temporary folder outside the repository for everything these tests make.</summary>
    public string Root { get; }

    public string FeedDir { get; }

    public CommandResult Runtime { get; }

    public CommandResult? Templates { get; }

    public string PackagePath => Path.Combine(FeedDir, $"VaultPathGen.{Version}.nupkg");

    public string SymbolsPath => Path.Combine(FeedDir, $"VaultPathGen.{Version}.snupkg");

    public string TemplatesPath => Path.Combine(FeedDir, $"VaultPathGen.Templates.{Version}.nupkg");

    /// <summary>Copies the sources to <paramref name="source"/> and packs the runtime package (and the templates) into <paramref name="feed"/>.</summary>
    internal CommandResult Pack(string source, string feed, out CommandResult? templates)
    {
        SourceCopy.Make(RepoRoot, source);
        // ContinuousIntegrationBuild maps source paths to /_/: what a release build does, and what
        // makes two packs from different folders comparable.
        var runtime = Processes.Dotnet(null, "pack", Path.Combine(source, "src", "Runtime"), "-c", "Release", "-o", feed, "-p:ContinuousIntegrationBuild=true");
        templates = runtime.Succeeded
            ? Processes.Dotnet(null, "pack", Path.Combine(source, "templates"), "-c", "Release", "-o", feed, "-p:ContinuousIntegrationBuild=true")
            : null;
        return runtime;
    }

    public void AssertPacked()
    {
        Assert.True(Runtime.Succeeded && File.Exists(PackagePath), Runtime.ToString());
        Assert.True(Templates is { Succeeded: true } && File.Exists(TemplatesPath), Templates?.ToString() ?? "templates not packed");
    }

    /// <summary>Entry names of a package, in archive order.</summary>
    public static List<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
