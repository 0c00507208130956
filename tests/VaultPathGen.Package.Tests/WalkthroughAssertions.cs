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
