namespace KvEngine.Tests;

public sealed class KeyLocksTests
{
    private readonly KeyLocks _locks = new();

    [Fact]
    public async Task Two_reads_of_one_key_hold_the_lock_together_and_a_write_waits_for_both()
    {
        var first = _locks.ReadLockAsync("k", default);
        var second = _locks.ReadLockAsync("k", default);
        Assert.True(first.IsCompletedSuccessfully && second.IsCompletedSuccessfully, "a second reader waited for the first");

        var write = _locks.LockAsync("k", default).AsTask();
        Assert.False(write.IsCompleted, "the writer got in beside readers");
        (await first).Dispose();
        Assert.False(write.IsCompleted, "the writer got in beside a reader");
        (await second).Dispose();
        (await write.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_waiting_writer_holds_back_new_readers_which_go_before_the_next_writer()
    {
        var reader = await _locks.ReadLockAsync("k", default);
        var writer = _locks.LockAsync("k", default).AsTask();
        var lateReader = _locks.ReadLockAsync("k", default).AsTask();
        var secondWriter = _locks.LockAsync("k", default).AsTask();
        Assert.False(lateReader.IsCompleted, "a reader overtook a waiting writer");

        reader.Dispose();
        var writing = await writer.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(lateReader.IsCompleted || secondWriter.IsCompleted, "someone got in beside the writer");
        writing.Dispose();

        var reading = await lateReader.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(secondWriter.IsCompleted, "the second writer got in beside the queued reader");
        reading.Dispose();
        (await secondWriter.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_write_excludes_reads_and_other_writes_and_other_keys_are_not_held_up()
    {
        var writing = await _locks.LockAsync("k", default);
        var read = _locks.ReadLockAsync("k", default).AsTask();
        var write = _locks.LockAsync("k", default).AsTask();
        Assert.False(read.IsCompleted || write.IsCompleted);
        Assert.True(_locks.LockAsync(OtherStripeThan("k"), default).IsCompletedSuccessfully);

        writing.Dispose();
        (await read.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        (await write.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_cancelled_waiting_writer_lets_the_readers_behind_it_in()
    {
        var reader = await _locks.ReadLockAsync("k", default);
        using var cancel = new CancellationTokenSource();
        var writer = _locks.LockAsync("k", cancel.Token).AsTask();
        var lateReader = _locks.ReadLockAsync("k", default).AsTask();
        Assert.False(lateReader.IsCompleted);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer);
        (await lateReader.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        reader.Dispose();
        Assert.True(_locks.LockAsync("k", default).IsCompletedSuccessfully, "the cancelled writer left the lock held");
    }

    private static string OtherStripeThan(string key)
    {
        for (var i = 0; ; i++)
        {
            var candidate = "other" + i;
            if ((uint)StringComparer.Ordinal.GetHashCode(candidate) % 256 != (uint)StringComparer.Ordinal.GetHashCode(key) % 256)
            {
                return candidate;
            }
        }
    }
}
