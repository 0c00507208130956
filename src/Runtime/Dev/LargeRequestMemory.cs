using System.Runtime;
using Microsoft.AspNetCore.Http;

namespace VaultPathGen.Dev;

/// <summary>
/// Keeps dev mode's memory bounded under large requests. A 32 MiB write builds a tree, its strings and
/// the backend's own copies: a few hundred MiB. Requests announcing a large body are handled one at a
/// time, so four at once cost what one costs; and when the last large request in flight completes,
/// a compacting collection gives the memory back to the OS instead of keeping it committed.
/// </summary>
internal static class LargeRequestMemory
{
    /// <summary>Bodies from this size on count as large.</summary>
    public const long Threshold = 4L * 1024 * 1024;

    private static readonly SemaphoreSlim s_oneAtATime = new(1, 1);
    private static int s_inFlight;

    /// <summary>Waits for the request's turn when it announces a large body (a Content-Length).</summary>
    public static async ValueTask AdmitAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength is not >= Threshold)
        {
            return;
        }

        await s_oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref s_inFlight);
        context.Response.OnCompleted(static () =>
        {
            Completed();
            s_oneAtATime.Release();
            return Task.CompletedTask;
        });
    }

    /// <summary>Gives memory back once a large body (one without a Content-Length, too) has been handled.</summary>
    public static void Track(HttpContext context, long bodyBytes)
    {
        if (bodyBytes < Threshold || context.Request.ContentLength is >= Threshold)
        {
            return;
        }

        Interlocked.Increment(ref s_inFlight);
        context.Response.OnCompleted(static () =>
        {
            Completed();
            return Task.CompletedTask;
        });
    }

    private static void Completed()
    {
        if (Interlocked.Decrement(ref s_inFlight) == 0)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}
