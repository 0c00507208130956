using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VaultPathGen.Generator;

namespace VaultPathGen.Analyzers.Tests;

/// <summary>
/// Runs the generator and the analyzers over source the way the compiler does, and applies code
/// fixes through an <see cref="AdhocWorkspace"/>: the Microsoft.CodeAnalysis.*.Testing packages
/// are not available, so this drives the same APIs they do.
/// </summary>
internal static class Harness
{
    private const string FileName = "Backend0.cs";

    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Nodes;
        using System.Threading;
        using System.Threading.Tasks;
        using VaultPathGen;
        using static VaultPathGen.Operation;

        """;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private static readonly CSharpCompilationOptions CompilationOptions = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. paths.Append(typeof(IBackend).Assembly.Location).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        [.. typeof(BackendAnalyzer).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsAbstract).Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } =
        [.. typeof(BackendAnalyzer).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CodeFixProvider)) && !t.IsAbstract).Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)];

    /// <summary>Generator, analyzer (Info and up) and compiler (Warning and up) diagnostics for <paramref name="source"/> after <see cref="Usings"/>.</summary>
    public static ImmutableArray<Diagnostic> Diagnostics(string source, bool withUsings = true)
    {
        var text = withUsings ? Usings + source : source;
        var compilation = CSharpCompilation.Create("TestBackend", [CSharpSyntaxTree.ParseText(text, ParseOptions, path: FileName)], References.Value, CompilationOptions);
        CSharpGeneratorDriver.Create([new BackendGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzerDiagnostics = output.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var compilerDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
        return [.. generatorDiagnostics, .. analyzerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Info), .. compilerDiagnostics];
    }

    /// <summary>
    /// Generator and analyzer diagnostics (Info and up) for a whole project's files. Compiler
    /// diagnostics are left out: the project's own build checks those, with generators this harness
    /// does not run (JSON, regex).
    /// </summary>
    public static ImmutableArray<Diagnostic> ProjectDiagnostics(IEnumerable<(string Path, string Text)> files)
    {
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Path));
        var compilation = CSharpCompilation.Create("Project", trees, References.Value, CompilationOptions);
        CSharpGeneratorDriver.Create([new BackendGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzerDiagnostics = output.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return [.. generatorDiagnostics, .. analyzerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Info)];
    }

    /// <summary>Splits <c>[|…|]</c> markup off the source: the clean source and the marked span (in the text with <see cref="Usings"/>).</summary>
    public static (string Source, TextSpan Span) Markup(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the test source needs one [|span|]");
        var source = markup.Remove(end, 2).Remove(start, 2);
        return (source, new TextSpan(Usings.Length + start, end - start - 2));
    }

    /// <summary>Asserts one diagnostic <paramref name="id"/>, exactly at the marked span, with its help link; returns it.</summary>
    public static Diagnostic AssertReported(string markup, string id)
    {
        var (source, span) = Markup(markup);
        var all = Diagnostics(source);
        var diagnostic = Assert.Single(all, d => d.Id == id);
        var text = SourceText.From(Usings + source);
        Assert.True(span == diagnostic.Location.SourceSpan,
            $"expected {id} at \"{text.ToString(span)}\" {span}, got \"{text.ToString(diagnostic.Location.SourceSpan)}\" {diagnostic.Location.SourceSpan}");
        Assert.Equal(FileName, diagnostic.Location.GetLineSpan().Path);
        Assert.EndsWith("docs/diagnostics/" + id + ".md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        return diagnostic;
    }

    public static void AssertClean(string source, bool withUsings = true)
    {
        var all = Diagnostics(source, withUsings);
        Assert.True(all.IsEmpty, "expected no diagnostics, got:\n" + string.Join("\n", all));
    }

    public static void AssertNotReported(string source, string id)
    {
        var all = Diagnostics(source).Where(d => d.Id == id).ToList();
        Assert.True(all.Count == 0, $"expected no {id}, got:\n" + string.Join("\n", all));
    }

    /// <summary>
    /// Applies the fix titled <paramref name="title"/> (prefix) for the first <paramref name="id"/>
    /// diagnostic in <paramref name="source"/>; returns the fixed source without <see cref="Usings"/>.
    /// </summary>
    public static string ApplyFix(string source, string id, string? title = null)
    {
        var text = Usings + source;
        var diagnostic = Diagnostics(source).First(d => d.Id == id);
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "TestBackend", "TestBackend", LanguageNames.CSharp,
                compilationOptions: CompilationOptions, parseOptions: ParseOptions, metadataReferences: References.Value))
            .AddDocument(documentId, FileName, SourceText.From(text), filePath: FileName);
        var document = solution.GetDocument(documentId)!;
        var tree = document.GetSyntaxTreeAsync().GetAwaiter().GetResult()!;
        var located = Diagnostic.Create(diagnostic.Descriptor, Location.Create(tree, diagnostic.Location.SourceSpan), diagnostic.Properties);

        var actions = new List<CodeAction>();
        foreach (var provider in CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(id)))
        {
            provider.RegisterCodeFixesAsync(new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None)).GetAwaiter().GetResult();
        }

        var chosen = title is null ? Assert.Single(actions) : Assert.Single(actions, a => a.Title.StartsWith(title, StringComparison.Ordinal));
        var operations = chosen.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        var result = changed.GetDocument(documentId)!.GetTextAsync().GetAwaiter().GetResult().ToString();
        Assert.StartsWith(Usings, result, StringComparison.Ordinal);
        return result.Substring(Usings.Length);
    }

    /// <summary>The directory holding VaultPathGen.sln, for files the tests check against.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "VaultPathGen.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
