using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace VaultPathGen.Package.Tests;

/// <summary>What both template walk-throughs check in dotnet's output.</summary>
internal static partial class WalkthroughAssertions
{
    [GeneratedRegex(@"\bwarning [A-Z]+[0-9]+")]
    private static partial Regex WarningPattern();

    /// <summary>The distinct compiler, analyzer and SDK warning lines of a command.</summary>
    public static List<string> Warnings(CommandResult result)
        => result.Output.Split('\n').Where(l => WarningPattern().IsMatch(l)).Distinct().ToList();

    // The marker the .NET single-file host looks for to find the bundle appended to it: in every
    // single-file publish, in no NativeAOT executable.
    private static readonly byte[] BundleSignature =
    [
        0x8b, 0x12, 0x02, 0xb9, 0x6a, 0x61, 0x20, 0x38, 0x72, 0x7b, 0x93, 0x02, 0x14, 0xd7, 0xa0, 0x32,
        0x13, 0xf5, 0xb9, 0xe6, 0xef, 0xae, 0x33, 0x18, 0xee, 0x3b, 0x2d, 0xce, 0x24, 0xb3, 0x6a, 0xae,
    ];

    /// <summary>The publish succeeded without warnings and left <paramref name="plugin"/> alone in its folder, an executable ELF file.</summary>
    private static void AssertOneExecutable(CommandResult publish, string plugin)
    {
        Assert.True(publish.Succeeded, publish.ToString());
        Assert.Empty(Warnings(publish));
        Assert.Equal([Path.GetFileName(plugin)], Directory.GetFileSystemEntries(Path.GetDirectoryName(plugin)!).Select(Path.GetFileName));
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(plugin)[..4]);
        Assert.True(OperatingSystem.IsLinux() && (File.GetUnixFileMode(plugin) & UnixFileMode.UserExecute) != 0, plugin + " is not executable");
    }

    /// <summary>The default publish: one native executable compiled by NativeAOT, no .NET bundle in it.</summary>
    public static void AssertNativeAotExecutable(CommandResult publish, string plugin)
    {
        AssertOneExecutable(publish, plugin);
        Assert.Contains("Generating native code", publish.Output, StringComparison.Ordinal);
        Assert.True(File.ReadAllBytes(plugin).AsSpan().IndexOf(BundleSignature) < 0, plugin + " is a single-file bundle, not NativeAOT");
    }

    /// <summary>The <c>-p:PublishAot=false</c> publish: one single-file bundle, no native compilation.</summary>
    public static void AssertSingleFileBundle(CommandResult publish, string plugin)
    {
        AssertOneExecutable(publish, plugin);
        Assert.DoesNotContain("Generating native code", publish.Output, StringComparison.Ordinal);
        Assert.True(File.ReadAllBytes(plugin).AsSpan().IndexOf(BundleSignature) >= 0, plugin + " holds no single-file bundle");
    }

    /// <summary>The publish printed the file's real SHA-256 and the commands that register and enable it as <paramref name="type"/> (secret or auth).</summary>
    public static void AssertPrintsRegistration(CommandResult publish, string plugin, string name, string version, string type)
    {
        string sha;
        using (var file = File.OpenRead(plugin))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(file));
        }

        var enable = type == "auth" ? "vault auth enable" : "vault secrets enable";
        Assert.Contains("SHA-256: " + sha, publish.Output, StringComparison.Ordinal);
        Assert.Contains($"vault plugin register -sha256={sha} -version={version} -command={name} {type} {name}", publish.Output, StringComparison.Ordinal);
        Assert.Contains($"{enable} -path={name} -plugin-version={version} {name}", publish.Output, StringComparison.Ordinal);
    }

    /// <summary>The Go host reported <paramref name="check"/> and it passed.</summary>
    public static void AssertGoHostCheck(CommandResult host, Dictionary<string, (bool Ok, string Detail)> checks, string check)
    {
        Assert.True(checks.TryGetValue(check, out var result), $"the Go host reported no '{check}' check.\n{host}");
        Assert.True(result.Ok, $"{check}: {result.Detail}");
    }

    /// <summary>Every check the Go host reported is one a test asserts, and it exited 0.</summary>
    public static void AssertOnlyKnownChecks(CommandResult host, Dictionary<string, (bool Ok, string Detail)> checks, TheoryData<string> known)
    {
        var unknown = checks.Keys.Except(((IEnumerable<object[]>)known).Select(row => (string)row[0])).ToList();
        Assert.True(unknown.Count == 0, "checks no test asserts: " + string.Join(", ", unknown));
        Assert.True(host.Succeeded, host.ToString());
    }
}
