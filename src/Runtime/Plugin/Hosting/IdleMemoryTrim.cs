using Microsoft.Extensions.Logging;
using VaultPathGen.Plugin.Services;
using static VaultPathGen.RuntimeLog;

namespace VaultPathGen.Plugin.Hosting;

/// <summary>
/// Gives memory back once the plugin goes quiet, as Go's scavenger does for a Go plugin: a plugin
/// idles most of its life, often one of dozens on a server, and a burst of requests leaves the GC's
/// gen0 budget, freed regions and native heap pages resident until the next burst.
/// </summary>
/// <remarks>
/// Requests are seen through <see cref="InFlightRequests.Activity"/>, a count the request path keeps
/// anyway: the hot path pays nothing, and a timer ticking every half <c>delay</c> compares readings.
/// The trim runs once per idle spell, when two ticks in a row saw no request start and none in
/// flight (so between <c>delay</c> and 1.5 <c>delay</c> after the last one ended), and again only
/// after new requests. Ticks, not the clock alone: a process stopped or starved of CPU for longer
/// than <c>delay</c> (a debugger, a frozen cgroup) comes back to a late tick that saw no request,
/// and must not take that for quiet while its callers wait. A request arriving as a trim starts
/// waits for it (milliseconds).
/// </remarks>
internal sealed class IdleMemoryTrim : IDisposable
{
    private readonly InFlightRequests _requests;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;
    private readonly Func<bool> _trim;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private long _seenStarted;
    private long _quietSince;
    private int _quietTicks;
    private bool _trimmed;
    private int _ticking;

    private IdleMemoryTrim(InFlightRequests requests, TimeSpan delay, TimeProvider time, Func<bool> trim, ILogger logger)
    {
        _requests = requests;
        _delay = delay;
        _time = time;
        _trim = trim;
        _logger = logger;
        _seenStarted = requests.Activity.Started;
        _quietSince = time.GetTimestamp();
        var period = delay / 2;
        _timer = time.CreateTimer(static state => ((IdleMemoryTrim)state!).Tick(), this, period, period);
    }

    /// <summary>Starts watching <paramref name="requests"/>; none when <paramref name="delay"/> is zero (off).</summary>
    public static IdleMemoryTrim? Start(InFlightRequests requests, TimeSpan delay, ILogger logger)
        => Start(requests, delay, TimeProvider.System, MemoryRelease.Release, logger);

    /// <summary>As above, on <paramref name="time"/>'s clock, trimming with <paramref name="trim"/>.</summary>
    /// <param name="requests">The requests whose activity is watched.</param>
    /// <param name="delay">The quiet time before a trim; zero for none.</param>
    /// <param name="time">The clock and timers.</param>
    /// <param name="trim">Returns memory to the OS; says whether the C heap was trimmed too.</param>
    /// <param name="logger">Where each trim is logged, at Debug.</param>
    internal static IdleMemoryTrim? Start(InFlightRequests requests, TimeSpan delay, TimeProvider time, Func<bool> trim, ILogger logger)
        => delay > TimeSpan.Zero ? new IdleMemoryTrim(requests, delay, time, trim, logger) : null;

    private void Tick()
    {
        // A trim slower than the period must not start a second tick beside it.
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            Check();
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    private void Check()
    {
        var (started, inFlight) = _requests.Activity;
        var now = _time.GetTimestamp();
        if (started != _seenStarted || inFlight != 0)
        {
            _seenStarted = started;
            _quietSince = now;
            _quietTicks = 0;
            _trimmed = false;
            return;
        }

        if (_trimmed || ++_quietTicks < QuietTicksBeforeTrim)
        {
            return;
        }

        var quiet = _time.GetElapsedTime(_quietSince, now);

        _trimmed = true;
        try
        {
            var cHeapTrimmed = _trim();
            var took = _time.GetElapsedTime(now);
            LogIdleMemoryTrimmed(_logger, (long)quiet.TotalMilliseconds, took.TotalMilliseconds, cHeapTrimmed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // On a timer thread an escaping exception would end the process; the trim is only a saving.
            var errorType = e.GetType().Name;
            LogIdleMemoryTrimFailed(_logger, errorType, e.Message);
        }
    }

    /// <summary>Two ticks half a delay apart: the delay.</summary>
    private const int QuietTicksBeforeTrim = 2;

    public void Dispose() => _timer.Dispose();
}
