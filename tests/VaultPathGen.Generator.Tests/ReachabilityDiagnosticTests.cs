using System.Globalization;

namespace VaultPathGen.Generator.Tests;

/// <summary>VPG0025 and VPG0026: paths and list handlers that precedence leaves no request to.</summary>
public class ReachabilityDiagnosticTests
{
    internal static string Message(string source, string id) =>
        GeneratorHarness.Run(source).GeneratorDiagnostics.Single(d => d.Id == id).GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void VPG0025_says_when_the_winner_runs_its_own_handler_instead()
    {
        var source = DiagnosticTests.Engine("""
            [Path("a/<p+>"), Operation(Read)] public Response? Any(string p) => null;
            [Path("a/<q+>/b"), Operation(Read, Delete)] public Response? Deep(string q) => null;
            """);
        DiagnosticTests.AssertDiagnostic(source, "VPG0025", "Path(\"a/<q+>/b\")");
        var message = Message(source, "VPG0025");
        Assert.Contains("e.g. \"a/x/b\" goes to \"a/<p+>\", which answers delete with 405 (unsupported operation) and runs its own read handler", message, StringComparison.Ordinal);
        Assert.DoesNotContain("declaring it", message, StringComparison.Ordinal);
    }

    [Fact]
    public void VPG0025_needs_the_union_of_several_paths()
    {
        var source = DiagnosticTests.Engine("""
            [Path("a/"), Operation(Read)] public Response? Top() => null;
            [Path("a//"), Operation(Read)] public Response? Empty() => null;
            [Path("a/<k**>"), Operation(Read)] public Response? Key(string k) => null;
            [Path("a/<d+>/"), Operation(Read)] public Response? Folder(string d) => null;
            [Path("a/<p*>"), Operation(Read)] public Response? Rest(string p) => null;
            """);
        DiagnosticTests.AssertDiagnostic(source, "VPG0025", "Path(\"a/<p*>\")");
    }

    [Theory]
    [InlineData("""[Path("kv/<key**>"), ExistenceCheck] public bool Exists(string key) => false; [Path("kv/<key**>"), Operation(Create, Read, Update, Delete)] public Response? Key(string key) => null; [Path("kv/<dir+>/"), Operation(List)] public Response? Folder(string dir) => null;""")]
    [InlineData("""[Path("kv/config"), Operation(Read)] public Response? Config() => null; [Path("kv/<n>"), Operation(Read)] public Response? Name(string n) => null;""")]
    [InlineData("""[Path("a/<p+>"), Operation(Read)] public Response? Plus(string p) => null; [Path("a/<q*>"), Operation(Read, List)] public Response? Star(string q) => null;""")]
    [InlineData("""[Path("u/<n>"), Operation(Read)] public Response? Name(string n) => null; [Path("u/<m@>"), Operation(Read)] public Response? At(string m) => null;""")]
    public void Paths_that_some_request_reaches_are_not_reported(string members)
    {
        var outcome = GeneratorHarness.Run(DiagnosticTests.Engine(members));
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id is "VPG0025" or "VPG0026");
        Assert.NotEmpty(outcome.Sources);
    }
}
