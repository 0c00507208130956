using System.Runtime.CompilerServices;

namespace VaultPathGen.Generator.Tests;

/// <summary>
/// Our own snapshot check (Verify is not available here): compares text with a checked-in
/// <c>Snapshots/&lt;name&gt;.verified.cs</c>. On a mismatch it writes <c>.received.cs</c> beside it and
/// fails; set <c>VPG_ACCEPT_SNAPSHOTS=1</c> to accept the received text as the new verified file.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "") => MatchFile(actual, name, "cs", callerFile);

    /// <summary>The same with another file extension (<c>json</c> for OpenAPI documents).</summary>
    public static void MatchFile(string actual, string name, string extension, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var verified = Path.Combine(directory, name + ".verified." + extension);
        var received = Path.Combine(directory, name + ".received." + extension);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("VPG_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"no verified snapshot {verified}; review {received} and accept it with VPG_ACCEPT_SNAPSHOTS=1"
            : $"generated source differs from {verified}; see {received} (accept with VPG_ACCEPT_SNAPSHOTS=1)\n{FirstDifference(expected, actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<end>";
            var y = i < a.Length ? a[i] : "<end>";
            if (x != y)
            {
                return $"line {i + 1}:\n  verified: {x}\n  received: {y}";
            }
        }

        return "";
    }
}
