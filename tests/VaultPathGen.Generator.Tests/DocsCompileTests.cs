using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VaultPathGen.Generator.Tests;

/// <summary>
/// Code in README.md and docs/*.md is true: every <c>```csharp</c> block is a complete file that
/// compiles against the runtime with the generator (and the SDK's JSON and regex generators), as in
/// a project with ImplicitUsings. A block may say otherwise in its info string, deliberately:
/// <c>```csharp fragment</c> (an excerpt, not a file) is skipped, and <c>```csharp tested</c> (a
/// file another test compiles and runs) must appear verbatim in a test source.
/// </summary>
public partial class DocsCompileTests
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [GeneratedRegex(@"^```csharp(?<info>[^\n]*)\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "VaultPathGen.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static IEnumerable<(string Name, string Info, string Code)> Blocks()
    {
        var root = Root();
        var pages = new[] { Path.Combine(root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal));
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page).Replace("\r\n", "\n", StringComparison.Ordinal);
            foreach (Match m in CSharpBlock().Matches(text))
            {
                var line = text[..m.Index].Count(c => c == '\n') + 1;
                yield return (Path.GetRelativePath(root, page) + ":" + line, m.Groups["info"].Value.Trim(), m.Groups["code"].Value);
            }
        }
    }

    public static TheoryData<string> CompiledBlocks() => [.. Blocks().Where(b => b.Info.Length == 0).Select(b => b.Name)];

    [Fact]
    public void Every_block_is_a_file_a_fragment_or_tested_elsewhere()
    {
        var blocks = Blocks().ToList();
        Assert.True(blocks.Count >= 20, "the docs' C# blocks were not found");
        Assert.All(blocks, b => Assert.True(b.Info is "" or "fragment" or "tested", $"{b.Name}: unknown marker \"{b.Info}\""));
        Assert.Contains(blocks, b => b.Info.Length == 0);
    }

    [Fact]
    public void Blocks_marked_tested_are_verbatim_in_a_test()
    {
        var tests = Directory.GetFiles(Path.Combine(Root(), "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var tested = Blocks().Where(b => b.Info == "tested").ToList();
        Assert.NotEmpty(tested);
        Assert.All(tested, b =>
        {
            // The body from the first type on: usings may differ where the test file shares them.
            var body = b.Code[b.Code.IndexOf("public ", StringComparison.Ordinal)..];
            Assert.True(tests.Any(t => t.Contains(body, StringComparison.Ordinal)), b.Name + " is in no test source");
        });
    }

    [Theory]
    [MemberData(nameof(CompiledBlocks))]
    public void Block_compiles(string name)
    {
        var code = Blocks().Single(b => b.Name == name).Code;
        var compilation = GeneratorHarness.Compilation(ImplicitUsings, code);
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var problems = generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Concat(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            .ToList();
        Assert.True(problems.Count == 0, name + " does not compile:\n" + string.Join("\n", problems));
    }
}
