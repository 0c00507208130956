namespace KvEngine;

/// <summary>
/// An async reader/writer lock with the rules of Go's <c>sync.RWMutex</c>, which Vault's kv takes per key:
/// any number of readers share it, a writer holds it alone, and once a writer waits new readers queue behind
/// it so a stream of reads cannot starve a write. When a writer leaves, the readers that queued behind it go
/// first, so writes cannot starve reads either. Uncontended acquisitions complete synchronously.
/// </summary>
internal sealed class AsyncReaderWriterLock
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource> _waitingReaders = new();
    private readonly LinkedList<TaskCompletionSource> _waitingWriters = new();
    private int _activeReaders;
    private bool _writerActive;

    public ValueTask<Releaser> ReadLockAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_writerActive && _waitingWriters.Count == 0)
            {
                _activeReaders++;
                return new(new Releaser(this, write: false));
            }

            return WaitAsync(Enqueue(_waitingReaders), write: false, cancellationToken);
        }
    }

    public ValueTask<Releaser> WriteLockAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_writerActive && _activeReaders == 0)
            {
                _writerActive = true;
                return new(new Releaser(this, write: true));
            }

            return WaitAsync(Enqueue(_waitingWriters), write: true, cancellationToken);
        }
    }

    private static LinkedListNode<TaskCompletionSource> Enqueue(LinkedList<TaskCompletionSource> queue)
        => queue.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async ValueTask<Releaser> WaitAsync(LinkedListNode<TaskCompletionSource> waiter, bool write, CancellationToken cancellationToken)
    {
        // A waiter is granted (removed from its queue) and cancelled only under the gate, so exactly one wins.
        using (cancellationToken.UnsafeRegister(CancelWaiter, (this, waiter)))
        {
            await waiter.Value.Task.ConfigureAwait(false);
        }

        return new Releaser(this, write);
    }

    private static void CancelWaiter(object? state)
    {
        var (owner, waiter) = ((AsyncReaderWriterLock, LinkedListNode<TaskCompletionSource>))state!;
        owner.Cancel(waiter);
    }

    private void Cancel(LinkedListNode<TaskCompletionSource> waiter)
    {
        lock (_gate)
        {
            if (waiter.List is not { } queue)
            {
                return;
            }

            queue.Remove(waiter);
            // A cancelled writer may have been the only thing holding readers back.
            if (!_writerActive && _waitingWriters.Count == 0)
            {
                GrantWaitingReaders();
            }

            waiter.Value.SetCanceled();
        }
    }

    private void ReleaseRead()
    {
        lock (_gate)
        {
            if (--_activeReaders == 0)
            {
                GrantNextWriter();
            }
        }
    }

    private void ReleaseWrite()
    {
        lock (_gate)
        {
            _writerActive = false;
            if (_waitingReaders.Count > 0)
            {
                GrantWaitingReaders();
            }
            else
            {
                GrantNextWriter();
            }
        }
    }

    private void GrantWaitingReaders()
    {
        while (_waitingReaders.First is { } reader)
        {
            _waitingReaders.RemoveFirst();
            _activeReaders++;
            reader.Value.SetResult();
        }
    }

    private void GrantNextWriter()
    {
        if (_waitingWriters.First is { } writer)
        {
            _waitingWriters.RemoveFirst();
            _writerActive = true;
            writer.Value.SetResult();
        }
    }

    /// <summary>Gives the lock back when disposed; a default value gives nothing back.</summary>
    public readonly struct Releaser(AsyncReaderWriterLock? owner, bool write) : IDisposable
    {
        public void Dispose()
        {
            if (write)
            {
                owner?.ReleaseWrite();
            }
            else
            {
                owner?.ReleaseRead();
            }
        }
    }
}
