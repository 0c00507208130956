namespace VaultPathGen.Plugin.Tests;

[CollectionDefinition(Name)]
public sealed class RepositoryPublishCollection : ICollectionFixture<PublishArtifacts>
{
    public const string Name = "publishes from the repository";
}

/// <summary>
/// The one private artifacts folder (<c>--artifacts-path</c>) every publish from the repository's
/// sources shares in a test run: the first publish compiles the generator and analyzers and the
/// others reuse them incrementally, as a developer's second publish would (the runtime too, except
/// for the trimmed test plugin, whose <c>-p:PublishTrimmed=true</c> on the command line reaches the
/// runtime's own compile), while the repository's own bin/ and obj/ stay untouched. Each publish
/// writes its executable into its own folder (<see cref="PublishDir"/>).
/// </summary>
public sealed class PublishArtifacts : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("vaultpathgen-publish-").FullName;

    /// <summary>The folder <c>-o</c> names for the publish called <paramref name="name"/>.</summary>
    public string PublishDir(string name) => Path.Combine(Root, "out", name);

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
