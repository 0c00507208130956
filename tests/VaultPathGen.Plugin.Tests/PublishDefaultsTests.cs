using System.Text.Json;

namespace VaultPathGen.Plugin.Tests;

/// <summary>
/// The GC settings a NativeAOT publish of a plugin hands the compiler (VaultPathGen.Runtime.targets),
/// read from MSBuild's evaluation of the KV sample as `dotnet publish -r linux-x64` sees it: they bound
/// the plugin's RSS under load (docs/benchmarks.md, "What RSS is made of"), and a project opts out with 0.
/// </summary>
public sealed class PublishDefaultsTests
{
    [Fact]
    public void NativeAot_publish_gets_a_4_MiB_gen0_budget_in_1_MiB_GC_regions()
    {
        var args = IlcArgs();
        Assert.Contains("--runtimeopt:GCgen0size=400000", args);
        Assert.Contains("--runtimeopt:GCgen0MaxBudget=400000", args);
        Assert.Contains("--runtimeopt:GCRegionSize=100000", args);
    }

    [Fact]
    public void A_project_setting_0_gets_the_runtimes_defaults()
    {
        var args = IlcArgs("-p:VaultPluginGen0Size=0", "-p:VaultPluginGCRegionSize=0");
        Assert.DoesNotContain(args, a => a.StartsWith("--runtimeopt:GC", StringComparison.Ordinal));
        Assert.Contains(args, a => a.StartsWith("--substitution:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_project_setting_its_own_sizes_gets_them_in_hex()
    {
        var args = IlcArgs("-p:VaultPluginGen0Size=8388608", "-p:VaultPluginGCRegionSize=2097152");
        Assert.Contains("--runtimeopt:GCgen0size=800000", args);
        Assert.Contains("--runtimeopt:GCRegionSize=200000", args);
    }

    private static List<string> IlcArgs(params string[] properties)
    {
        var project = Path.Combine(GoHostFixture.FindRepoRoot(), "samples", "KvEngine", "KvEngine.csproj");
        var (code, stdout, stderr) = GoHostFixture.Run("dotnet",
            ["msbuild", project, "-getItem:IlcArg", "-p:RuntimeIdentifier=linux-x64", "-p:Configuration=Release", "-nologo", "-nodeReuse:false", .. properties],
            TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"dotnet msbuild failed ({code}):\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("Items").GetProperty("IlcArg").EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!).ToList();
    }
}
