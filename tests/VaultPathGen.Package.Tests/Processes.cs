using VaultPathGen.Plugin.Tests;

namespace VaultPathGen.Package.Tests;

/// <summary>One finished command: what ran, its exit code and everything it printed.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"`{Command}` exited {ExitCode} after {Elapsed.TotalSeconds:F0} s:\n{Output}";
}

/// <summary>Runs the dotnet CLI as a user's shell would, leaving no build server or MSBuild node behind.</summary>
internal static class Processes
{
    private static readonly string[] BuildVerbs = ["build", "pack", "publish", "test", "restore"];

    /// <summary>Runs <c>dotnet</c>; paths in <paramref name="args"/> are absolute, so no working directory is needed.</summary>
    public static CommandResult Dotnet(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var env = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            env[key] = value;
        }

        string[] all = BuildVerbs.Contains(args[0]) ? [.. args, "--disable-build-servers", "-nodeReuse:false"] : args;
        return Run("dotnet", all, env, TimeSpan.FromMinutes(15));
    }

    public static CommandResult Run(string file, string[] args, IDictionary<string, string?> environment, TimeSpan timeout)
    {
        var started = DateTime.UtcNow;
        var run = GoHostFixture.Run(file, args, timeout, environment);
        return new CommandResult($"{file} {string.Join(' ', args)}", run.ExitCode, run.Stdout + run.Stderr, DateTime.UtcNow - started);
    }
}
