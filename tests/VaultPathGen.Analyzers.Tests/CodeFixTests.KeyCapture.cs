namespace VaultPathGen.Analyzers.Tests;

// The code fix for the generator's VPG0025: a key capture gives a shadowed folder listing its requests back.
public partial class CodeFixTests
{
    [Fact]
    public void VPG0025_the_key_template_becomes_a_key_capture_everywhere_it_is_named()
    {
        var fixedSource = Harness.ApplyFix(
            """
            /// <summary>Test engine.</summary>
            [SecretsEngine]
            [PathOptions("kv/<key+>", Synopsis = "Keys.")]
            public partial class E
            {
                [Path("kv/<key+>"), ExistenceCheck]
                public bool Exists(string key) => false;

                /// <summary>Keys.</summary>
                [Path("kv/<key+>"), Operation(Create, Read, Update, Delete)]
                public Response? Key(string key) => null;

                /// <summary>Folders.</summary>
                [Path("kv/<dir+>/"), Operation(List)]
                public Response? Folder(string dir) => null;
            }
            """,
            "VPG0025");
        Assert.DoesNotContain("<key+>", fixedSource, StringComparison.Ordinal);
        Assert.Equal(3, fixedSource.Split("\"kv/<key**>\"").Length - 1);
        Assert.Contains("[Path(\"kv/<dir+>/\"), Operation(List)]", fixedSource, StringComparison.Ordinal);
        Harness.AssertNotReported(fixedSource, "VPG0025");
    }

    [Fact]
    public void VPG0025_no_fix_when_a_key_capture_would_not_help()
    {
        // a/<q+>/b ends in "b", not '/': a/<p**> would still take all of it, so there is nothing to offer.
        const string source = """
            /// <summary>Test engine.</summary>
            [SecretsEngine]
            public partial class E
            {
                /// <summary>Any.</summary>
                [Path("a/<p+>"), Operation(Read)]
                public Response? Any(string p) => null;

                /// <summary>Deep.</summary>
                [Path("a/<q+>/b"), Operation(Read)]
                public Response? Deep(string q) => null;
            }
            """;
        Assert.Contains(Harness.Diagnostics(source), d => d.Id == "VPG0025");
        var noAction = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Harness.ApplyFix(source, "VPG0025"));
        Assert.Contains("empty", noAction.Message, StringComparison.OrdinalIgnoreCase);
    }
}
