using System.Text;

namespace VaultPathGen.Benchmarks.GeneratorTime;

/// <summary>
/// Source text of a 500-path backend for <see cref="GeneratorBenchmarks"/>: 100 groups × the five shapes
/// real engines use most, with typed fields on the writes. Written in code so the edits are exact.
/// </summary>
internal static class FiveHundredPaths
{
    public const int Groups = 100;

    /// <summary>The group whose handler body or template the incremental edits change: the middle one.</summary>
    public const int EditedGroup = 50;

    public static string Source(bool editBody = false, bool editTemplate = false)
    {
        var s = new StringBuilder();
        s.AppendLine("using System;");
        s.AppendLine("using System.Text.Json.Nodes;");
        s.AppendLine("using VaultPathGen;");
        s.AppendLine("using static VaultPathGen.Operation;");
        s.AppendLine();
        s.AppendLine("namespace Bench;");
        s.AppendLine();
        s.AppendLine("[SecretsEngine]");
        s.AppendLine("public partial class FiveHundred");
        s.AppendLine("{");
        for (var g = 0; g < Groups; g++)
        {
            var group = "g" + g.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            var edited = g == EditedGroup;
            var body = edited && editBody ? "Response.Error(\"edited\")" : "null";
            var rotate = edited && editTemplate ? "rotate-now" : "rotate";
            s.AppendLine($"    [Path(\"{group}/<name>\"), ExistenceCheck] public bool Exists{g}(string name) => name.Length > 3;");
            s.AppendLine($"    [Path(\"{group}/<name>\"), Operation(Read)] public Response? Read{g}(string name) => null;");
            s.AppendLine($"    [Path(\"{group}/<name>\"), Operation(Create, Update)] public Response? Write{g}(string name, TimeSpan ttl, int maxUses, string[] policies) => {body};");
            s.AppendLine($"    [Path(\"{group}[/]\"), Operation(List)] public Response? List{g}() => null;");
            s.AppendLine($"    [Path(\"{group}/<name>/{rotate}\"), Operation(Update)] public Response? Rotate{g}(string name) => null;");
            s.AppendLine($"    [Path(\"{group}/<name>/creds/<role>\"), Operation(Read)] public Response? Creds{g}(string name, string role, TimeSpan ttl) => null;");
            s.AppendLine($"    [Path(\"{group}/<name>/config/<setting>\"), Operation(Update)] public Response? Config{g}(string name, string setting, string value, bool enabled) => null;");
        }

        s.AppendLine("}");
        return s.ToString();
    }
}
