using Microsoft.CodeAnalysis;

namespace VaultPathGen.Generator.Tests;

/// <summary>Every generator diagnostic: exact id, exact span, and no generated code for the broken backend.</summary>
public class DiagnosticTests
{
    internal static void AssertDiagnostic(string source, string id, string spanText)
    {
        var outcome = GeneratorHarness.Run(source);
        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var file = diagnostic.Location.GetLineSpan().Path;
        var tree = Assert.Single(outcome.Compilation.SyntaxTrees, t => t.FilePath == file);
        Assert.Equal(spanText, tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(tree.GetLineSpan(diagnostic.Location.SourceSpan).StartLinePosition, diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.EndsWith("docs/diagnostics/" + id + ".md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Empty(outcome.Sources);
    }

    internal static string Engine(string members, string classPrefix = "") => $$"""
        {{classPrefix}}
        [SecretsEngine]
        public partial class E
        {
        {{members}}
        }
        """;

    private const string ReadPath = "[Path(\"p\"), Operation(Read)] public Response? M() => null;";

    [Theory]
    [InlineData("[SecretType(\"\")]", "SecretType(\"\")")]
    [InlineData("[SecretType(\"c\", DefaultTtl = \"soon\")]", "SecretType(\"c\", DefaultTtl = \"soon\")")]
    [InlineData("[SecretType(\"c\", MaxTtl = \"-1h\")]", "SecretType(\"c\", MaxTtl = \"-1h\")")]
    [InlineData("[SecretType(\"c\", DefaultTtl = \"2h\", MaxTtl = \"1h\")]", "SecretType(\"c\", DefaultTtl = \"2h\", MaxTtl = \"1h\")")]
    [InlineData("[SecretType(\"c\"), SecretType(\"c\", Renewable = false)]", "SecretType(\"c\", Renewable = false)")]
    public void VPG0030_invalid_secret_type(string attributes, string span) =>
        AssertDiagnostic(Engine(ReadPath, attributes), "VPG0030", span);

    [Fact]
    public void VPG0030_renew_method_for_a_type_that_is_not_renewable() =>
        AssertDiagnostic(Engine("""
            [Renew("c")] public void R() { }
            """ + ReadPath, "[SecretType(\"c\", Renewable = false)]"), "VPG0030", "SecretType(\"c\", Renewable = false)");

    [Fact]
    public void VPG0031_renew_or_revoke_for_an_undeclared_secret_type() =>
        AssertDiagnostic(Engine("""
            [Revoke("creds")] public void R() { }
            """ + ReadPath, "[SecretType(\"cred\")]"), "VPG0031", "Revoke(\"creds\")");

    [Fact]
    public void VPG0032_two_revoke_methods_for_one_secret_type() =>
        AssertDiagnostic(Engine("""
            [Revoke("c")] public void A() { }
            [Revoke("c")] public void B() { }
            """ + ReadPath, "[SecretType(\"c\")]"), "VPG0032", "Revoke(\"c\")");

    [Theory]
    [InlineData("public int R() => 0;", "R")]
    [InlineData("public void R(int count) { }", "count")]
    [InlineData("public void R(TimeSpan ttl) { }", "ttl")]
    [InlineData("public void R(Request request, System.Uri internalData) { }", "internalData")]
    public void VPG0033_invalid_renew_or_revoke_method(string method, string span) =>
        AssertDiagnostic(Engine("[Renew(\"c\")] " + method + "\n" + ReadPath, "[SecretType(\"c\")]"), "VPG0033", span);

    [Theory]
    [InlineData("[WalRollback] public int W() => 0;", "W")]
    [InlineData("[WalRollback(MinAge = \"later\")] public void W() { }", "W")]
    [InlineData("[WalRollback] public void W(string name) { }", "name")]
    [InlineData("[WalRollback] public void W(JsonObject data) { }", "data")]
    public void VPG0034_invalid_wal_rollback_method(string method, string span) =>
        AssertDiagnostic(Engine(method + "\n" + ReadPath), "VPG0034", span);

    [Fact]
    public void VPG0035_two_wal_rollback_methods() =>
        AssertDiagnostic(Engine("""
            [WalRollback] public void A(WalEntry entry) { }
            [WalRollback] public void B(string kind) { }
            """ + ReadPath), "VPG0035", "B");

    [Fact]
    public void VPG0001_backend_not_partial() =>
        AssertDiagnostic("[SecretsEngine] public class NotPartial { [Path(\"p\"), Operation(Read)] public Response? R() => null; }", "VPG0001", "NotPartial");

    [Fact]
    public void VPG0002_backend_generic() =>
        AssertDiagnostic("[SecretsEngine] public partial class G<T> { [Path(\"p\"), Operation(Read)] public Response? R() => null; }", "VPG0002", "G");

    [Fact]
    public void VPG0003_containing_type_not_partial() =>
        AssertDiagnostic("public class Outer { [SecretsEngine] public partial class Inner { [Path(\"p\"), Operation(Read)] public Response? R() => null; } }", "VPG0003", "Inner");

    [Theory]
    [InlineData("kv/<key", "<key")]
    [InlineData("/kv", "/")]
    [InlineData("kv/?", "?")]
    [InlineData("kv/<a><b>", "<b>")]
    [InlineData("kv/<key>.json", ".")]
    [InlineData("kv/<p*>/<q>", "<q>")]
    [InlineData("kv[/<a>]x", "x")]
    [InlineData("kv/<a>/<a>", "<a>")]
    public void VPG0004_invalid_template_points_at_the_problem(string template, string span) =>
        AssertDiagnostic(Engine($"[Path(\"{template}\"), Operation(Read)] public Response? R(Request r) => null;"), "VPG0004", span);

    [Fact]
    public void VPG0005_ambiguous_paths_with_an_example()
    {
        var source = Engine("""
            [Path("a/<x>"), Operation(Read)] public Response? X(string x) => null;
            [Path("a/<y>"), Operation(Update)] public Response? Y(string y) => null;
            """);
        AssertDiagnostic(source, "VPG0005", "Path(\"a/<y>\")");
        var message = GeneratorHarness.Run(source).GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("\"a/x\"", message, StringComparison.Ordinal);
    }

    /// <summary>The issue's example: a list of kv/dir/ would answer 405, since kv/&lt;key+&gt; takes every folder path.</summary>
    private static readonly string IssueExample = Engine("""
            [Path("kv/<key+>"), ExistenceCheck] public bool Exists(string key) => false;
            [Path("kv/<key+>"), Operation(Create, Read, Update, Delete)] public Response? Key(string key) => null;
            [Path("kv/<dir+>/"), Operation(List)] public Response? Folder(string dir) => null;
        """);

    [Fact]
    public void VPG0025_the_folder_listing_behind_a_key_template_is_an_error()
    {
        AssertDiagnostic(IssueExample, "VPG0025", "Path(\"kv/<dir+>/\")");
        Assert.Equal(
            "The path \"kv/<dir+>/\" can never be reached: paths of higher precedence take every path it matches, e.g. \"kv/x/\" goes to \"kv/<key+>\", "
            + "which answers list with 405 (unsupported operation); declaring it \"kv/<key**>\" (a key that never ends in '/') would leave those paths to \"kv/<dir+>/\"",
            ReachabilityDiagnosticTests.Message(IssueExample, "VPG0025"));
    }

    [Fact]
    public void VPG0026_a_list_handler_whose_folder_paths_are_all_taken()
    {
        var source = Engine("""
            [Path("a/"), Operation(Read)] public Response? Top() => null;
            [Path("a//"), Operation(Read)] public Response? Empty() => null;
            [Path("a/<d+>/"), Operation(Read)] public Response? Folder(string d) => null;
            [Path("a/<p*>"), Operation(Read, List)] public Response? Rest(string p) => null;
            """);
        AssertDiagnostic(source, "VPG0026", "Rest");
        Assert.Equal(
            "The list handler 'Rest' on \"a/<p*>\" can never be reached: list requests end in '/', and paths of higher precedence take every such path it matches, "
            + "e.g. \"a/\" goes to \"a/\", which answers list with 405 (unsupported operation)",
            ReachabilityDiagnosticTests.Message(source, "VPG0026"));
    }

    [Fact]
    public void VPG0006_path_without_operation() =>
        AssertDiagnostic(Engine("[Path(\"p\")] public Response? M() => null;"), "VPG0006", "M");

    [Fact]
    public void VPG0007_two_handlers_for_one_operation() =>
        AssertDiagnostic(Engine("""
            [Path("p"), Operation(Read)] public Response? A() => null;
            [Path("p"), Operation(Read, Update)] public Response? B() => null;
            """), "VPG0007", "B");

    [Fact]
    public void VPG0008_unsupported_parameter_type() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Read)] public Response? M(Guid id) => null;"), "VPG0008", "id");

    [Fact]
    public void VPG0009_field_type_does_not_fit() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Read)] public Response? M([Field(Type = FieldType.Bool)] string flag) => null;"), "VPG0009", "flag");

    [Fact]
    public void VPG0010_default_does_not_convert() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Read)] public Response? M([Field(Default = true)] TimeSpan ttl) => null;"), "VPG0010", "ttl");

    [Fact]
    public void VPG0011_one_field_two_types() =>
        AssertDiagnostic(Engine("""
            [Path("p"), Operation(Read)] public Response? A(int n) => null;
            [Path("p"), Operation(Update)] public Response? B(string n) => null;
            """), "VPG0011", "Path(\"p\")");

    [Fact]
    public void VPG0012_unsupported_return_type() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Read)] public int M() => 1;"), "VPG0012", "M");

    [Fact]
    public void VPG0013_create_without_existence_check() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Create, Update)] public Response? M() => null;"), "VPG0013", "Path(\"p\")");

    [Fact]
    public void VPG0014_typed_result_without_json_context() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Read)] public Status M() => new(\"a\");", "public sealed record Status(string Name);"), "VPG0014", "M");

    [Fact]
    public void VPG0015_pattern_must_name_a_generated_regex() =>
        AssertDiagnostic(Engine("[PathPattern(\"Missing\"), Operation(Read)] public Response? M() => null;"), "VPG0015", "PathPattern(\"Missing\")");

    [Fact]
    public void VPG0015_pattern_must_be_anchored_like_vault() =>
        AssertDiagnostic(Engine("""
            [System.Text.RegularExpressions.GeneratedRegex("creds/(?<n>[a-z]+)")] private static partial System.Text.RegularExpressions.Regex P();
            [PathPattern(nameof(P)), Operation(Read)] public Response? M(string n) => null;
            """), "VPG0015", "PathPattern(nameof(P))");

    [Fact]
    public void VPG0015_pattern_with_unicode_word_class_is_refused() =>
        AssertDiagnostic(Engine("""
            [System.Text.RegularExpressions.GeneratedRegex(@"^creds/(?<n>\w+)\z")] private static partial System.Text.RegularExpressions.Regex P();
            [PathPattern(nameof(P)), Operation(Read)] public Response? M(string n) => null;
            """), "VPG0015", "PathPattern(nameof(P))");

    [Fact]
    public void VPG0016_existence_check_must_return_bool() =>
        AssertDiagnostic(Engine("""
            [Path("p"), ExistenceCheck] public int Check() => 1;
            [Path("p"), Operation(Read)] public Response? M() => null;
            """), "VPG0016", "Check");

    [Fact]
    public void VPG0017_two_existence_checks() =>
        AssertDiagnostic(Engine("""
            [Path("p"), ExistenceCheck] public bool A() => true;
            [Path("p"), ExistenceCheck] public bool B() => true;
            [Path("p"), Operation(Read)] public Response? M() => null;
            """), "VPG0017", "Path(\"p\")");

    [Fact]
    public void VPG0018_allowed_value_does_not_convert() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Read)] public Response? M([Field(AllowedValues = new object[] { \"many\" })] int count) => null;"), "VPG0018", "count");

    [Fact]
    public void VPG0019_required_field_with_default() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Read)] public Response? M([Field(Required = true, Default = \"x\")] string name) => null;"), "VPG0019", "name");

    [Fact]
    public void VPG0020_field_names_differ_only_by_case() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Read)] public Response? M([Field(\"Name\")] string a, [Field(\"name\")] string b) => null;"), "VPG0020", "Path(\"p\")");

    [Fact]
    public void VPG0021_options_for_an_undeclared_path() =>
        AssertDiagnostic("""
            [SecretsEngine]
            [PathOptions("nope")]
            public partial class E { [Path("p"), Operation(Read)] public Response? M() => null; }
            """, "VPG0021", "PathOptions(\"nope\")");

    [Fact]
    public void VPG0022_invalid_field_name() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Read)] public Response? M([Field(\"bad name\")] string a) => null;"), "VPG0022", "a");

    [Fact]
    public void VPG0023_lifecycle_method_with_an_unsupported_parameter() =>
        AssertDiagnostic(Engine("""
            [Initialize] public void Init(int count) { }
            [Path("p"), Operation(Read)] public Response? M() => null;
            """), "VPG0023", "count");

    [Fact]
    public void VPG0023_lifecycle_method_must_return_nothing() =>
        AssertDiagnostic(Engine("""
            [Clean] public int Clean() => 1;
            [Path("p"), Operation(Read)] public Response? M() => null;
            """), "VPG0023", "Clean");

    [Fact]
    public void VPG0024_two_lifecycle_methods_of_one_kind() =>
        AssertDiagnostic(Engine("""
            [Initialize] public void A() { }
            [Initialize] public void B() { }
            [Path("p"), Operation(Read)] public Response? M() => null;
            """), "VPG0024", "B");

    [Fact]
    public void VPG0012_message_says_what_is_accepted_not_that_int_is_unserializable()
    {
        var outcome = GeneratorHarness.Run(Engine("[Path(\"p\"), Operation(Read)] public int M() => 1;"));

        var message = Assert.Single(outcome.GeneratorDiagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("'M' returns 'int', which cannot be response data (always a JSON object); return Response, JsonObject, a class or struct serialized through the backend's JsonContext, or nothing, directly or as Task/ValueTask", message);
    }

    [Fact]
    public void VPG0060_unresolved_return_type_is_reported_as_such() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Read)] public Tsk<Response?> M() => null!;"), "VPG0060", "M");

    [Fact]
    public void VPG0060_unresolved_parameter_type_is_reported_as_such() =>
        AssertDiagnostic(Engine("[Path(\"p\"), Operation(Read)] public Response? M(CancelToken token) => null;"), "VPG0060", "token");

    [Fact]
    public void VPG0060_message_names_the_unresolved_type()
    {
        var outcome = GeneratorHarness.Run(Engine("[Path(\"p\"), Operation(Read)] public Tsk<Response?> M() => null!;"));

        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.StartsWith("'M' uses 'Tsk', which does not resolve", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_descriptor_has_a_docs_page_and_a_test()
    {
        var root = FindRepositoryRoot();
        var tests = string.Concat(Directory.GetFiles(Path.Combine(root, "tests", "VaultPathGen.Generator.Tests"), "*DiagnosticTests.cs").Select(File.ReadAllText));
        foreach (var descriptor in DiagnosticDescriptors.Descriptors)
        {
            Assert.True(File.Exists(Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md")), $"docs/diagnostics/{descriptor.Id}.md is missing");
            Assert.Contains("public void " + descriptor.Id + "_", tests, StringComparison.Ordinal);
        }

        var unshipped = File.ReadAllText(Path.Combine(root, "src", "Generator", "AnalyzerReleases.Unshipped.md"));
        Assert.All(DiagnosticDescriptors.Descriptors, d => Assert.Contains(d.Id + " |", unshipped, StringComparison.Ordinal));
    }

    internal static string FindRepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
