using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VaultPathGen.Generator.Tests;

/// <summary>The pipeline caches: unrelated edits reuse the model; real changes produce new output.</summary>
public class IncrementalTests
{
    private static readonly string[] TrackedSteps = [TrackingNames.Parse, TrackingNames.Diagnostics, TrackingNames.Backends];

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(string source)
    {
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.Usings + source);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results
            .Where(r => r.Generator.GetGeneratorType() == typeof(BackendGenerator))
            .SelectMany(r => r.TrackedSteps.TryGetValue(step, out var runs) ? runs : [])
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason);

    [Theory]
    [InlineData(TestBackends.Kv)]
    [InlineData(TestBackends.Templates)]
    [InlineData(TestBackends.Results)]
    [InlineData(TestBackends.Nested)]
    [InlineData(TestBackends.Regex)]
    [InlineData(TestBackends.Folders)]
    [InlineData(TestBackends.FieldValues)]
    [InlineData(OpenApiBackends.Forms)]
    [InlineData(OpenApiDeclaredBackends.Declared)]
    [InlineData(TestBackends.Login)]
    [InlineData(TestBackends.Leases)]
    public void Second_run_on_the_same_input_is_all_cached_and_models_hold_no_roslyn_objects(string source)
    {
        var (driver, compilation) = FirstRun(source);

        foreach (var step in TrackedSteps)
        {
            foreach (var run in driver.GetRunResult().Results.SelectMany(r => r.TrackedSteps.TryGetValue(step, out var runs) ? runs : []))
            {
                foreach (var (value, _) in run.Outputs)
                {
                    GeneratorHarness.AssertNoRoslynObjects(value, step);
                }
            }
        }

        driver = driver.RunGenerators(compilation.Clone());

        foreach (var step in TrackedSteps)
        {
            var reasons = Reasons(driver, step).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step} was {reason}"));
        }

        var outputs = driver.GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(BackendGenerator))
            .TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(run => run.Outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Unrelated_edit_leaves_the_backend_model_unchanged()
    {
        var (driver, compilation) = FirstRun(TestBackends.Kv);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { public class Unrelated { public int X => 1; } }", GeneratorHarness.ParseOptions, path: "Other.cs"));

        driver = driver.RunGenerators(edited);

        Assert.All(Reasons(driver, TrackingNames.Backends), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Editing_a_handler_body_keeps_the_model_unchanged()
    {
        var (driver, compilation) = FirstRun(TestBackends.Kv);
        var tree = compilation.SyntaxTrees.Single();
        var newText = tree.ToString().Replace("Response.List(await storage.ListAsync(\"kv/\"))", "Response.List(await storage.ListAsync(\"kv/\" + \"\"))", StringComparison.Ordinal);
        Assert.NotEqual(tree.ToString(), newText);

        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(newText))));

        Assert.Contains(Reasons(driver, TrackingNames.Parse), r => r == IncrementalStepRunReason.Unchanged);
        Assert.All(Reasons(driver, TrackingNames.Backends), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Adding_a_path_modifies_the_model_and_the_output()
    {
        var (driver, compilation) = FirstRun(TestBackends.Kv);
        var tree = compilation.SyntaxTrees.Single();
        var newText = tree.ToString().Replace(
            "/// <summary>List secrets.</summary>",
            "[Path(\"health\"), Operation(Read)] public Response Health() => Response.WithData(new JsonObject());\n/// <summary>List secrets.</summary>",
            StringComparison.Ordinal);

        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(newText))));

        Assert.Contains(Reasons(driver, TrackingNames.Backends), r => r == IncrementalStepRunReason.Modified);
        var source = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("Samples.Kv.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("\"health\"", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_template_modifies_the_model()
    {
        var (driver, compilation) = FirstRun(TestBackends.Kv);
        var tree = compilation.SyntaxTrees.Single();
        var newText = tree.ToString().Replace("[Path(\"kv[/]\")", "[Path(\"keys[/]\")", StringComparison.Ordinal);

        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(newText))));

        Assert.Contains(Reasons(driver, TrackingNames.Backends), r => r == IncrementalStepRunReason.Modified);
        var source = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("Samples.Kv.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("\"keys[/]\"", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kv[/]\"", source, StringComparison.Ordinal);
    }
}
