namespace VaultPathGen.Plugin.Tests;

/// <summary>One <c>dotnet publish</c> into a private artifacts folder: its exit code, output and how long it took.</summary>
internal sealed record PublishRun(string Artifacts, int ExitCode, string Output, TimeSpan Elapsed);

/// <summary>
/// The publishes the interop tests serve to the Go host (the KV sample as NativeAOT and as a single
/// file, the trimmed test plugin), run at the same time on first use: one publish leaves a core idle
/// for most of its length. The first fixture that needs one waits for all three, so no publish is
/// still running when the tests that measure exit latencies start.
/// </summary>
internal static class PluginPublishes
{
    private static readonly Lazy<Task<PublishRun>[]> All = new(() =>
    [
        Task.Run(() => Publish("kv-aot", "samples/KvEngine/KvEngine.csproj")),
        Task.Run(() => Publish("kv-single", "samples/KvEngine/KvEngine.csproj", "-p:PublishAot=false")),
        Task.Run(() => Publish("trim", "tests/TestPlugin/TestPlugin.csproj", "--self-contained", "-p:PublishTrimmed=true", "-p:PublishSingleFile=true")),
    ]);

    public static PublishRun KvNativeAot => Get(0);

    public static PublishRun KvSingleFile => Get(1);

    public static PublishRun TrimmedTestPlugin => Get(2);

    private static PublishRun Get(int index)
    {
        var all = All.Value;
        Task.WaitAll(all);
        return all[index].Result;
    }

    private static PublishRun Publish(string name, string project, params string[] extraArgs)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), $"vaultpathgen-{name}-" + Guid.NewGuid().ToString("N"));
        var started = DateTime.UtcNow;
        var publish = GoHostFixture.Run("dotnet",
            ["publish", Path.Combine(GoHostFixture.FindRepoRoot(), project), "-c", "Release", "-r", "linux-x64", .. extraArgs,
             "--artifacts-path", artifacts, "-nodeReuse:false"],
            // As long as the package tests give a publish: NativeAOT compiles the whole program, which on two busy cores has taken more than 10 minutes.
            TimeSpan.FromMinutes(15),
            new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1" });
        return new PublishRun(artifacts, publish.ExitCode, publish.Stdout + publish.Stderr, DateTime.UtcNow - started);
    }
}
