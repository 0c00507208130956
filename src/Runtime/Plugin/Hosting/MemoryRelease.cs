using System.Runtime.InteropServices;

namespace VaultPathGen.Plugin.Hosting;

/// <summary>Returns the memory a quiet process holds without using to the OS: the GC heap's and the C heap's.</summary>
internal static partial class MemoryRelease
{
    private static volatile bool s_mallocTrimUnavailable = !OperatingSystem.IsLinux();

    /// <summary>Compacts and decommits the GC heap, then trims glibc's malloc arenas.</summary>
    /// <returns>Whether the C heap was trimmed too (glibc only).</returns>
    public static bool Release()
    {
        // Aggressive: a full blocking compaction that also decommits the free regions and the
        // ephemeral space the GC would otherwise keep committed for the next allocations.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return TrimCHeap();
    }

    private static bool TrimCHeap()
    {
        if (s_mallocTrimUnavailable)
        {
            return false;
        }

        try
        {
            // OpenSSL's TLS buffers and the runtime's own native allocations live in malloc's arenas,
            // which glibc keeps once grown: only malloc_trim hands their free pages back.
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl and other C libraries: no libc.so.6, or no malloc_trim in it. Not asked again.
            s_mallocTrimUnavailable = true;
            return false;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
