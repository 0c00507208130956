namespace VaultPathGen.Generator.Tests;

public class SnapshotTests
{
    [Theory]
    [InlineData(nameof(TestBackends.Kv), TestBackends.Kv)]
    [InlineData(nameof(TestBackends.Fields), TestBackends.Fields)]
    [InlineData(nameof(TestBackends.FieldValues), TestBackends.FieldValues)]
    [InlineData(nameof(TestBackends.Templates), TestBackends.Templates)]
    [InlineData(nameof(TestBackends.Results), TestBackends.Results)]
    [InlineData(nameof(TestBackends.Nested), TestBackends.Nested)]
    [InlineData(nameof(TestBackends.Regex), TestBackends.Regex)]
    [InlineData(nameof(TestBackends.Lifecycle), TestBackends.Lifecycle)]
    [InlineData(nameof(TestBackends.Folders), TestBackends.Folders)]
    [InlineData("OpenApiForms", OpenApiBackends.Forms)]
    [InlineData("OpenApiDeclared", OpenApiDeclaredBackends.Declared)]
    [InlineData(nameof(TestBackends.Login), TestBackends.Login)]
    [InlineData(nameof(TestBackends.Leases), TestBackends.Leases)]
    public void Generated_source_matches_snapshot_and_compiles_cleanly(string name, string source)
    {
        var outcome = GeneratorHarness.Run(source);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.NotEmpty(outcome.Sources);
        foreach (var (hint, text) in outcome.Sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Snapshot.Match(text, name + "." + hint.Replace(".g.cs", "", StringComparison.Ordinal));
        }

        var ours = outcome.CompileDiagnostics.Where(d => d.Location.SourceTree?.FilePath.Contains("VaultPathGen.Generator", StringComparison.Ordinal) == true).ToList();
        Assert.True(ours.Count == 0, "generated code has diagnostics:\n" + string.Join("\n", ours));
    }
}
