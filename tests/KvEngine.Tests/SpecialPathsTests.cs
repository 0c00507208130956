using VaultPathGen;

namespace KvEngine.Tests;

/// <summary>Like Vault's KV v2, the sample asks a capable seal to wrap its versioned data and nothing else.</summary>
public sealed class SpecialPathsTests
{
    [Fact]
    public void Versioned_data_is_seal_wrapped_and_every_path_needs_a_token()
    {
        var paths = ((IBackend)new KvEngine()).Descriptor.SpecialPaths;
        Assert.Equal(["versions/"], paths.SealWrapStorage);
        Assert.True(paths.IsSealWrapStorage("versions/app/db/1"));
        Assert.False(paths.IsSealWrapStorage("metadata/app/db"));
        Assert.False(paths.IsSealWrapStorage("config"));
        Assert.Empty(paths.Unauthenticated);
        Assert.Empty(paths.Root);
    }
}
