using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VaultPathGen.Generator;

namespace VaultPathGen.Benchmarks.GeneratorTime;

/// <summary>
/// The generator's own time on a 500-path backend: a full run (a new driver, as a command-line build),
/// and the two edits an IDE sends while typing: a handler body changed (the model is unchanged, so
/// nothing should be emitted again) and a template changed (the backend is emitted again). The
/// compilations are bound once in setup, so the figures are the generator's work, not the compiler's.
/// Run: dotnet run -c Release --project bench/VaultPathGen.Benchmarks -- --filter '*GeneratorBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _original = null!;
    private CSharpCompilation _bodyEdited = null!;
    private CSharpCompilation _templateEdited = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Append(typeof(IBackend).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var tree = Parse(FiveHundredPaths.Source());
        _original = CSharpCompilation.Create("FiveHundred", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _bodyEdited = _original.ReplaceSyntaxTree(tree, Parse(FiveHundredPaths.Source(editBody: true)));
        _templateEdited = _original.ReplaceSyntaxTree(tree, Parse(FiveHundredPaths.Source(editTemplate: true)));

        var full = FullRun().GetRunResult();
        if (full.Diagnostics.Length > 0 || full.Results.Single().GeneratedSources.Length == 0)
        {
            throw new InvalidOperationException("the 500-path backend does not generate cleanly: " + string.Join("; ", full.Diagnostics.Take(3)));
        }

        _warm = Driver().RunGenerators(_original);
        var before = Text(_warm);
        if (Text(HandlerBodyEdit()) != before || Text(TemplateEdit()) == before)
        {
            throw new InvalidOperationException("the edits do not change the output as expected");
        }
    }

    [Benchmark(Description = "full run, 500 paths")]
    public GeneratorDriver FullRun() => Driver().RunGenerators(_original);

    [Benchmark(Description = "incremental: handler body edited")]
    public GeneratorDriver HandlerBodyEdit() => _warm.RunGenerators(_bodyEdited);

    [Benchmark(Description = "incremental: template edited")]
    public GeneratorDriver TemplateEdit() => _warm.RunGenerators(_templateEdited);

    private static SyntaxTree Parse(string source) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "FiveHundred.cs");

    private static GeneratorDriver Driver() => CSharpGeneratorDriver.Create([new BackendGenerator().AsSourceGenerator()], parseOptions: ParseOptions);

    private static string Text(GeneratorDriver driver) =>
        string.Concat(driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
}
