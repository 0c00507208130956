using System.Text.Json.Nodes;

namespace VaultPathGen.Generator.Tests;

/// <summary>The generated router for &lt;key**&gt; beside a folder listing, driven as Vault's core would.</summary>
public class FolderRoutingTests
{
    private static readonly Lazy<IBackend> Folders = new(() => GeneratorHarness.Load(TestBackends.Folders, "Samples.Folders"));

    private static Task<Response?> Send(Operation op, string path) =>
        Folders.Value.HandleRequestAsync(new Request(op, path) { Storage = new InMemoryStorage() }, CancellationToken.None).AsTask();

    [Theory]
    [InlineData("kv/a", "a")]
    [InlineData("kv/dir/key", "dir/key")]
    [InlineData("kv//x", "/x")]
    [InlineData("kv/a\n", "a\n")]
    public async Task Keys_hold_slashes_but_do_not_end_in_one(string path, string key)
    {
        var response = await Send(Operation.Read, path);
        Assert.Equal(key, response!.Data!["key"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("kv/", "")]
    [InlineData("kv/dir/", "dir")]
    [InlineData("kv/a/b/", "a/b")]
    public async Task Folder_paths_reach_the_list_handler(string path, string dir)
    {
        var response = await Send(Operation.List, path);
        Assert.Equal("in:" + dir, response!.Data!["keys"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Operation.Read, "kv/dir/", ErrorType.UnsupportedOperation)]
    [InlineData(Operation.List, "kv/key", ErrorType.UnsupportedOperation)]
    [InlineData(Operation.Read, "kv/a\nb", ErrorType.UnsupportedPath)]
    [InlineData(Operation.Read, "blobs/a//meta", ErrorType.UnsupportedPath)]
    public async Task Each_path_keeps_its_own_operations(Operation op, string path, ErrorType error)
    {
        var response = await Send(op, path);
        Assert.Equal(error, Assert.IsType<LogicalException>(response?.LogicalError).Type);
    }

    [Fact]
    public async Task A_key_may_be_followed_by_literal_text()
    {
        var response = await Send(Operation.Read, "blobs/a/b/meta");
        Assert.Equal("a/b", response!.Data!["blob"]!.GetValue<string>());
    }

    [Fact]
    public void The_descriptor_shows_vaults_regex()
    {
        var patterns = Folders.Value.Descriptor.Paths.Select(p => p.Pattern).ToList();
        Assert.Contains(@"^kv/(?P<key>.*?[^/])$", patterns);
        Assert.Contains(@"^kv/((?P<dir>.+)/)?$", patterns);
    }
}
