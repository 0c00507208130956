using System.IO.Compression;
using System.Security.Cryptography;

namespace VaultPathGen.Package.Tests;

/// <summary>A second pack, built from nothing in another folder, for comparison with the feed's.</summary>
public sealed class SecondPack
{
    public SecondPack(PackedFeed feed)
    {
        Feed = Path.Combine(feed.Root, "feed-b");
        Result = feed.Pack(Path.Combine(feed.Root, "source-b"), Feed, out var templates);
        Templates = templates;
    }

    public string Feed { get; }

    public CommandResult Result { get; }

    public CommandResult? Templates { get; }
}

/// <summary>
/// Two packs of the same sources from different folders are identical, byte for byte in every
/// file, apart from what NuGet itself varies: zip timestamps and the package's core-properties
/// part.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ReproducibleBuildTests(PackedFeed feed, SecondPack second) : IClassFixture<SecondPack>
{
    public static TheoryData<string> Packages => new("VaultPathGen.{0}.nupkg", "VaultPathGen.{0}.snupkg", "VaultPathGen.Templates.{0}.nupkg");

    [Theory]
    [MemberData(nameof(Packages))]
    public void Two_packs_are_identical_apart_from_what_NuGet_varies(string pattern)
    {
        feed.AssertPacked();
        Assert.True(second.Result.Succeeded && second.Templates is { Succeeded: true }, second.Templates?.ToString() ?? second.Result.ToString());
        var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, feed.Version);

        var first = Hashes(Path.Combine(feed.FeedDir, name));
        var other = Hashes(Path.Combine(second.Feed, name));

        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
        var differing = first.Keys.Where(k => first[k] != other[k]).ToList();
        Assert.True(differing.Count == 0, "differ between the two packs: " + string.Join(", ", differing));
    }

    private static Dictionary<string, string> Hashes(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries
            .Where(e => !e.FullName.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal))
            .ToDictionary(e => e.FullName, e =>
            {
                using var stream = e.Open();
                return Convert.ToHexString(SHA256.HashData(stream));
            });
    }
}
