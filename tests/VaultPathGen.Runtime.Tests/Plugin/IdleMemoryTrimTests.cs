using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using VaultPathGen.Plugin.Hosting;
using VaultPathGen.Plugin.Services;

namespace VaultPathGen.Runtime.Tests.Plugin;

public sealed class IdleMemoryTrimTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly FakeTime _time = new();
    private readonly InFlightRequests _requests = new();
    private readonly ListLogger _log = new();
    private int _trims;

    private IdleMemoryTrim? Start(TimeSpan delay, Func<bool>? trim = null)
        => IdleMemoryTrim.Start(_requests, delay, _time, trim ?? (() =>
        {
            _trims++;
            return true;
        }), _log);

    private void Serve()
    {
        using var request = _requests.Enter();
    }

    [Fact]
    public void Trims_once_the_delay_after_start_when_no_request_comes()
    {
        using var trim = Start(Delay);

        _time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _trims);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _trims);
        Assert.Contains(_log.Lines, l => l.StartsWith("idle for 1000 ms: memory returned", StringComparison.Ordinal));
    }

    [Fact]
    public void Trims_only_once_per_idle_spell()
    {
        using var trim = Start(Delay);

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(1, _trims);
    }

    [Fact]
    public void Does_not_trim_while_requests_keep_coming()
    {
        using var trim = Start(Delay);

        for (var i = 0; i < 50; i++)
        {
            Serve();
            _time.Advance(TimeSpan.FromMilliseconds(300));
        }

        Assert.Equal(0, _trims);
    }

    [Fact]
    public void Trims_between_delay_and_one_and_a_half_delays_after_the_last_request()
    {
        using var trim = Start(Delay);
        Serve();
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Serve();

        _time.Advance(Delay);
        Assert.Equal(0, _trims);

        _time.Advance(Delay / 2);
        Assert.Equal(1, _trims);
    }

    [Fact]
    public void A_process_stalled_mid_traffic_does_not_trim_on_its_late_tick()
    {
        using var trim = Start(Delay);
        Serve();
        _time.Advance(Delay / 2);

        _time.Stall(TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.Zero);
        Assert.Equal(0, _trims);

        Serve();
        _time.Advance(Delay / 2);
        Assert.Equal(0, _trims);
    }

    [Fact]
    public void Does_not_trim_while_a_request_is_in_flight()
    {
        using var trim = Start(Delay);
        var request = _requests.Enter();

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, _trims);

        request.Dispose();
        _time.Advance(Delay * 1.5);
        Assert.Equal(1, _trims);
    }

    [Fact]
    public void Trims_again_after_new_requests_then_quiet()
    {
        using var trim = Start(Delay);
        _time.Advance(Delay * 2);
        Assert.Equal(1, _trims);

        Serve();
        _time.Advance(Delay * 2);
        Assert.Equal(2, _trims);

        _time.Advance(Delay * 20);
        Assert.Equal(2, _trims);
    }

    [Fact]
    public void A_zero_delay_turns_it_off()
    {
        using var trim = Start(TimeSpan.Zero);

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(trim);
        Assert.Equal(0, _time.TimersCreated);
        Assert.Equal(0, _trims);
    }

    [Fact]
    public void No_trim_after_dispose()
    {
        var trim = Start(Delay);
        trim!.Dispose();

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, _trims);
    }

    [Fact]
    public void A_failing_trim_is_logged_not_thrown_and_not_retried_in_the_same_spell()
    {
        var attempts = 0;
        using var trim = Start(Delay, () =>
        {
            attempts++;
            throw new InvalidOperationException("no memory to give");
        });

        _time.Advance(Delay * 10);

        Assert.Equal(1, attempts);
        Assert.Contains("idle memory trim failed: InvalidOperationException: no memory to give", _log.Lines);

        Serve();
        _time.Advance(Delay * 2);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public void Requests_are_counted_as_started_and_in_flight()
    {
        var request = _requests.Enter();
        Assert.Equal((1L, 1), _requests.Activity);

        request.Dispose();
        Serve();
        Assert.Equal((2L, 0), _requests.Activity);
    }

    [Fact]
    public void The_default_delay_is_one_second_and_a_negative_one_is_refused()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), new VaultPathGen.Plugin.VaultPluginOptions().IdleMemoryTrimDelay);
        Assert.Throws<ArgumentOutOfRangeException>(() => new VaultPathGen.Plugin.VaultPluginOptions { IdleMemoryTrimDelay = TimeSpan.FromSeconds(-1) });
    }

    [Fact]
    public void The_real_release_compacts_the_heap_and_trims_glibcs_heap()
    {
        var collections = GC.CollectionCount(GC.MaxGeneration);
        var glibc = OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);

        Assert.Equal(glibc, MemoryRelease.Release());
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > collections);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Lines.Add(formatter(state, exception));
    }
}
