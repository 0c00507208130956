namespace VaultPathGen.Runtime.Tests.Plugin;

/// <summary>A clock whose timers fire only when a test moves it, each at its due time, in order.</summary>
internal sealed class FakeTime : TimeProvider
{
    private readonly List<FakeTimer> _timers = [];

    public long Now { get; private set; }

    public int TimersCreated { get; private set; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        _timers.Add(timer);
        TimersCreated++;
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        var end = Now + by.Ticks;
        while (_timers.Where(t => t.Due is { } due && due <= end).MinBy(t => t.Due) is { } next)
        {
            Now = next.Due!.Value;
            next.Fire();
        }

        Now = end;
    }

    /// <summary>The process is stopped for <paramref name="by"/>: its timers fire late, once, at the next <see cref="Advance"/>.</summary>
    public void Stall(TimeSpan by)
    {
        Now += by.Ticks;
        foreach (var timer in _timers)
        {
            timer.Delay(Now);
        }
    }

    private sealed class FakeTimer(FakeTime owner, TimerCallback callback, object? state) : ITimer
    {
        private long _period;

        public long? Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.Now + dueTime.Ticks;
            _period = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            return true;
        }

        public void Delay(long until) => Due = Due < until ? until : Due;

        public void Fire()
        {
            Due = _period > 0 ? Due + _period : null;
            callback(state);
        }

        public void Dispose()
        {
            Due = null;
            owner._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
