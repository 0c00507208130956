namespace VaultPathGen.Plugin.Services;

/// <summary>
/// Counts requests a backend is handling, so a stopping plugin lets them finish (within Vault's
/// grace period) before cleaning the backends up under them, and counts every request started, so
/// the idle memory trim can tell a quiet plugin from a busy one.
/// </summary>
internal sealed class InFlightRequests
{
    private readonly Lock _gate = new();
    private int _count;
    private long _started;
    private TaskCompletionSource? _drained;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>
    /// Requests started so far and requests in flight, read together: unchanged numbers with none in
    /// flight between two readings mean no request was served in between.
    /// </summary>
    public (long Started, int InFlight) Activity
    {
        get
        {
            lock (_gate)
            {
                return (_started, _count);
            }
        }
    }

    /// <summary>Marks a request as started; dispose the result when it ends.</summary>
    public Scope Enter()
    {
        lock (_gate)
        {
            _count++;
            _started++;
        }

        return new Scope(this);
    }

    /// <summary>Completes when no request is in flight, or after <paramref name="grace"/>.</summary>
    /// <returns>Whether every request finished in time.</returns>
    public async Task<bool> DrainAsync(TimeSpan grace)
    {
        Task drained;
        lock (_gate)
        {
            if (_count == 0)
            {
                return true;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }

        try
        {
            await drained.WaitAsync(grace).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void Exit()
    {
        TaskCompletionSource? drained = null;
        lock (_gate)
        {
            if (--_count == 0)
            {
                (drained, _drained) = (_drained, null);
            }
        }

        drained?.TrySetResult();
    }

    public readonly struct Scope(InFlightRequests owner) : IDisposable
    {
        public void Dispose() => owner.Exit();
    }
}
