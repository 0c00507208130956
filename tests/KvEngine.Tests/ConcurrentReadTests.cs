using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using VaultPathGen;

namespace KvEngine.Tests;

/// <summary>Reads of one secret run side by side through the whole engine; a write to it waits for them.</summary>
public sealed class ConcurrentReadTests : KvTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly GatedStorage _storage = new("metadata/shared");

    protected override IStorage CreateStorage() => _storage;

    [Fact]
    public async Task Two_reads_of_one_key_are_inside_the_handler_at_once_and_a_write_waits_for_them()
    {
        (await Put("shared", new JsonObject { ["v"] = 1 })).EnsureStatus(200);
        _storage.Hold = true;

        var reads = new[] { Get("shared"), Get("shared") };
        await _storage.WaitForHeldAsync(2, Patience);

        // A soft delete takes the key's lock exclusively, and Vault runs no existence check before it.
        var write = Vault.WriteAsync("delete/shared", new JsonObject { ["versions"] = new JsonArray(1) });
        // The writer may not reach the key while both readers hold it; a second of grace for it to (wrongly) try.
        var writerGotIn = await _storage.WaitForHeldAsync(3, TimeSpan.FromSeconds(1)).ContinueWith(t => t.IsCompletedSuccessfully);
        Assert.False(writerGotIn, "the write read the key's metadata while two reads held it");

        _storage.Hold = false;
        _storage.ReleaseAll();
        foreach (var read in reads)
        {
            Assert.Equal(1, (await read).EnsureStatus(200).Data!["data"]!["v"].AsInt());
        }

        (await write).EnsureStatus(204);
        Clock.Advance(TimeSpan.FromSeconds(1));
        (await Get("shared")).EnsureStatus(404);
    }

    /// <summary>Storage that, while <see cref="Hold"/> is set, parks every read of one key until released.</summary>
    private sealed class GatedStorage(string gatedKey) : IStorage
    {
        private readonly InMemoryStorage _inner = new();
        private readonly ConcurrentQueue<TaskCompletionSource> _held = new();
        private readonly SemaphoreSlim _arrivals = new(0);
        private int _arrived;

        public volatile bool Hold;

        public async Task WaitForHeldAsync(int count, TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            while (Volatile.Read(ref _arrived) < count)
            {
                await _arrivals.WaitAsync(timeout.Token);
            }
        }

        public void ReleaseAll()
        {
            while (_held.TryDequeue(out var gate))
            {
                gate.SetResult();
            }
        }

        public async ValueTask<StorageEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
        {
            if (Hold && key == gatedKey)
            {
                var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _held.Enqueue(gate);
                Interlocked.Increment(ref _arrived);
                _arrivals.Release();
                await gate.Task;
            }

            return await _inner.GetAsync(key, cancellationToken);
        }

        public ValueTask<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => _inner.ListAsync(prefix, cancellationToken);

        public ValueTask PutAsync(StorageEntry entry, CancellationToken cancellationToken = default) => _inner.PutAsync(entry, cancellationToken);

        public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default) => _inner.DeleteAsync(key, cancellationToken);
    }
}
