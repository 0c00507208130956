namespace VaultPathGen.Package.Tests;

/// <summary>
/// What a template walk-through records, step by step, for its tests to assert on: each step's
/// command result (null when an earlier step failed and it never ran).
/// </summary>
public abstract class Walkthrough
{
    public string Work { get; protected set; } = "";

    /// <summary>The private packages folder restores extract into.</summary>
    public string Packages { get; protected set; } = "";

    public string Solution { get; protected set; } = "";

    public string PluginProject { get; protected set; } = "";

    public string PublishDir { get; protected set; } = "";

    public string PluginPath { get; protected set; } = "";

    public CommandResult? Install { get; protected set; }

    public CommandResult? New { get; protected set; }

    public CommandResult? Build { get; protected set; }

    public CommandResult? Test { get; protected set; }

    public CommandResult? Mistake { get; protected set; }

    public CommandResult? Publish { get; protected set; }

    public CommandResult? GoHost { get; protected set; }

    public Dictionary<string, (bool Ok, string Detail)> Checks { get; protected set; } = [];

    /// <summary>From the first step to the Go host's last check.</summary>
    public TimeSpan Elapsed { get; protected set; }

    /// <summary>
    /// What every template's walk-through does first: <c>dotnet new</c> outside the repository, build,
    /// test, then a build with <paramref name="mistakesSource"/> added as Mistakes.cs. False when a
    /// step failed that the rest needs.
    /// </summary>
    protected bool CreateBuildAndTest(OutsideWorkspace outside, string template, string name, string publishFolder, string mistakesSource, params string[] mistakeBuildArgs)
    {
        Work = outside.Work;
        Packages = outside.Packages;
        Solution = Path.Combine(Work, name, name + ".slnx");
        PluginProject = Path.Combine(Work, name, "src", name);
        PublishDir = Path.Combine(Work, publishFolder);
        PluginPath = Path.Combine(PublishDir, name);
        Install = outside.Install;
        if (!Install.Succeeded)
        {
            return false;
        }

        New = outside.New(template, name);
        if (!New.Succeeded)
        {
            return false;
        }

        Build = Processes.Dotnet(outside.Environment, "build", Solution);
        if (!Build.Succeeded)
        {
            return false;
        }

        Test = Processes.Dotnet(outside.Environment, "test", Solution, "--no-build");
        var mistakes = Path.Combine(PluginProject, "Mistakes.cs");
        File.WriteAllText(mistakes, mistakesSource);
        Mistake = Processes.Dotnet(outside.Environment, ["build", PluginProject, .. mistakeBuildArgs]);
        File.Delete(mistakes);
        return true;
    }

    /// <summary>
    /// <c>dotnet publish -r linux-x64</c> into <paramref name="publishDir"/> (NativeAOT, the default;
    /// <paramref name="publishArgs"/> may opt out), then the Go host's <paramref name="scenario"/> against the file.
    /// </summary>
    protected (CommandResult Publish, CommandResult? GoHost, Dictionary<string, (bool Ok, string Detail)> Checks) PublishAndRunGoHost(
        OutsideWorkspace outside, string publishDir, string scenario, string pluginVersion, params string[] publishArgs)
    {
        var plugin = Path.Combine(publishDir, Path.GetFileName(PluginProject));
        var publish = Processes.Dotnet(outside.Environment, ["publish", PluginProject, "-c", "Release", "-r", "linux-x64", "-o", publishDir, .. publishArgs]);
        if (!publish.Succeeded || !File.Exists(plugin))
        {
            return (publish, null, []);
        }

        var (host, checks) = outside.RunGoHost(plugin, scenario, pluginVersion);
        return (publish, host, checks);
    }

    /// <summary>The steps in the order they run, for <see cref="Step"/>'s failure message.</summary>
    protected abstract IEnumerable<CommandResult?> Steps { get; }

    /// <summary>The step's result, failing with the last step that ran when it did not get that far.</summary>
    public CommandResult Step(CommandResult? step, string name)
    {
        var ran = Steps.Where(s => s is not null).Select(s => s!.ToString());
        Assert.True(step is not null, $"the walkthrough stopped before '{name}':\n" + string.Join("\n\n", ran.TakeLast(1)));
        return step;
    }
}
