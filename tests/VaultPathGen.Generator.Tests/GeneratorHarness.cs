using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VaultPathGen.Generator.Tests;

/// <summary>Runs the generator over source text the way the compiler does, and compiles the result.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtime = typeof(IBackend).Assembly.Location;
        return [.. paths.Append(runtime).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json.Nodes;
        using System.Threading;
        using System.Threading.Tasks;
        using VaultPathGen;
        using static VaultPathGen.Operation;

        """;

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "TestBackend" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Backend{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// The SDK's own System.Text.Json and Regex generators, so test backends can use JSON contexts
    /// and [GeneratedRegex] exactly as a real project does.
    /// </summary>
    private static readonly Lazy<ImmutableArray<ISourceGenerator>> SdkGenerators = new(() =>
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var refPack = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"))
            .OrderBy(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
            .Last();
        var analyzers = Path.Combine(refPack, "analyzers", "dotnet", "cs");
        var loader = new SdkAnalyzerLoader();
        return [.. new[] { "System.Text.Json.SourceGeneration.dll", "System.Text.RegularExpressions.Generator.dll" }
            .SelectMany(file => new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(Path.Combine(analyzers, file), loader).GetGenerators(LanguageNames.CSharp))];
    });

    private sealed class SdkAnalyzerLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new BackendGenerator().AsSourceGenerator(), .. SdkGenerators.Value],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Generates for <paramref name="source"/>; returns the generator's diagnostics, its sources, and the compiler's diagnostics on the result.</summary>
    public static GeneratorOutcome Run(string source)
    {
        var compilation = Compilation(Usings + source);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var sources = result.Results.Where(r => r.Generator.GetGeneratorType() == typeof(BackendGenerator)).SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var compileDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return new GeneratorOutcome(generatorDiagnostics, sources, compileDiagnostics, (CSharpCompilation)output);
    }

    /// <summary>Generates, compiles, loads, and creates the backend named <paramref name="typeName"/>.</summary>
    public static IBackend Load(string source, string typeName)
    {
        var outcome = Run(source);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.True(outcome.CompileDiagnostics.IsEmpty, "generated code does not compile cleanly:\n" + string.Join("\n", outcome.CompileDiagnostics));
        using var stream = new MemoryStream();
        var emit = outcome.Compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext(typeName + Guid.NewGuid(), isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        var type = assembly.GetType(typeName) ?? throw new InvalidOperationException($"{typeName} not found");
        return (IBackend)Activator.CreateInstance(type)!;
    }

    /// <summary>
    /// Fails when a cached pipeline value holds an <see cref="ISymbol"/>, <see cref="SyntaxNode"/>,
    /// <see cref="Compilation"/> or <see cref="SemanticModel"/>: those defeat caching.
    /// </summary>
    public static void AssertNoRoslynObjects(object? value, string path = "model")
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(value, path, seen);
    }

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Microsoft.CodeAnalysis.Compilation or SemanticModel or SyntaxTree, $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable enumerable)
        {
            var i = 0;
            foreach (var item in enumerable)
            {
                Walk(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}

internal sealed record GeneratorOutcome(
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    Dictionary<string, string> Sources,
    ImmutableArray<Diagnostic> CompileDiagnostics,
    CSharpCompilation Compilation);
