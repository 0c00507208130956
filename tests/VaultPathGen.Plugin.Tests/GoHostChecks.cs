namespace VaultPathGen.Plugin.Tests;

/// <summary>Reads what a Go host scenario printed: one JSON line per check.</summary>
internal static class GoHostChecks
{
    public static Dictionary<string, (bool Ok, string Detail)> Parse(string stdout)
    {
        var checks = new Dictionary<string, (bool Ok, string Detail)>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            var root = doc.RootElement;
            checks[root.GetProperty("check").GetString()!] = (
                root.GetProperty("ok").GetBoolean(),
                root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "");
        }

        return checks;
    }
}
