using System.Text;

namespace VaultPathGen.Tests;

public class InMemoryStorageTests
{
    private static StorageEntry Entry(string key, string value) => new(key, Encoding.UTF8.GetBytes(value));

    [Fact]
    public async Task Get_returns_what_was_put_and_null_for_missing()
    {
        var storage = new InMemoryStorage();
        await storage.PutAsync(Entry("a/b", "one"));

        var entry = await storage.GetAsync("a/b");

        Assert.NotNull(entry);
        Assert.Equal("one", Encoding.UTF8.GetString(entry.Value));
        Assert.Null(await storage.GetAsync("a"));
    }

    [Fact]
    public async Task List_returns_direct_children_with_folders_once_and_sorted()
    {
        var storage = new InMemoryStorage();
        foreach (var key in new[] { "kv/b", "kv/a/x", "kv/a/y", "kv/a0", "other/z", "kv/c/d/e" })
        {
            await storage.PutAsync(Entry(key, "v"));
        }

        Assert.Equal(["a/", "a0", "b", "c/"], await storage.ListAsync("kv/"));
        Assert.Equal(["kv/", "other/"], await storage.ListAsync(""));
        Assert.Empty(await storage.ListAsync("missing/"));
    }

    [Fact]
    public async Task Stored_bytes_are_copies()
    {
        var storage = new InMemoryStorage();
        var bytes = Encoding.UTF8.GetBytes("abc");
        await storage.PutAsync(new StorageEntry("k", bytes));
        bytes[0] = (byte)'z';

        var first = await storage.GetAsync("k");
        first!.Value[1] = (byte)'z';

        Assert.Equal("abc", Encoding.UTF8.GetString((await storage.GetAsync("k"))!.Value));
    }

    [Fact]
    public async Task Delete_removes_and_deleting_missing_key_succeeds()
    {
        var storage = new InMemoryStorage();
        await storage.PutAsync(Entry("k", "v"));
        await storage.DeleteAsync("k");
        await storage.DeleteAsync("never");

        Assert.Null(await storage.GetAsync("k"));
        Assert.Equal(0, storage.Count);
    }

    [Fact]
    public async Task Empty_key_is_refused()
    {
        var storage = new InMemoryStorage();
        await Assert.ThrowsAsync<StorageException>(async () => await storage.PutAsync(Entry("", "v")));
    }

    [Fact]
    public async Task Null_storage_reads_nothing_and_refuses_writes()
    {
        Assert.Null(await NullStorage.Instance.GetAsync("k"));
        await Assert.ThrowsAsync<StorageException>(async () => await NullStorage.Instance.PutAsync(Entry("k", "v")));
    }
}
