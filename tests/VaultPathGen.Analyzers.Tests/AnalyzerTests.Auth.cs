using System.Globalization;

namespace VaultPathGen.Analyzers.Tests;

/// <summary>Special paths and auth method checks (VPG0120–VPG0124).</summary>
public partial class AnalyzerTests
{
    private static string AuthMethod(string members, string classAttributes = "", string name = "A") => $$"""
        /// <summary>Test auth method.</summary>
        [AuthMethod]{{classAttributes}}
        public partial class {{name}}
        {
        {{members}}
        }
        """;

    private const string LoginPath = """
            /// <summary>Log in.</summary>
            /// <param name="username">Who logs in.</param>
            [Path("login/<username>"), Operation(Update)]
            public Response? LogIn(string username) => null;
        """;

    private const string RenewMethod = """
            /// <summary>Renew a token.</summary>
            [AuthRenew]
            public Auth Renew(Auth auth) => auth;
        """;

    private const string LoginSpecial = "\n[PathsSpecial(Unauthenticated = new[] { \"login/*\" })]";

    [Theory]
    [InlineData("Root = new[] { [|\"a*/b\"|] }", "\"a*/b\" is not a valid root path: '*' is only allowed at the end of a path")]
    [InlineData("Unauthenticated = new[] { \"kv/*\", [|\"kv/x+\"|] }", "\"kv/x+\" is not a valid unauthenticated path: '+' must be a whole path segment, as in 'roles/+/login'")]
    [InlineData("SealWrapStorage = [[|\"kv/*\"|]]", "\"kv/*\" is not a valid seal-wrap storage path: storage paths are prefixes or exact keys, without '*'; end a prefix with '/'")]
    public void VPG0120_invalid_special_path(string argument, string message)
    {
        var d = Harness.AssertReported(Engine(ReadKey, "\n[PathsSpecial(" + argument + ")]"), "VPG0120");
        Assert.Equal(message, d.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void VPG0120_not_reported_for_entries_vault_accepts() =>
        Harness.AssertClean(Engine(ReadKey, "\n[PathsSpecial(Root = new[] { \"kv/*\" }, Unauthenticated = new[] { \"kv/+\" }, LocalStorage = new[] { \"cache\" }, SealWrapStorage = new[] { \"kv/\" }, WriteForwardedStorage = new[] { \"w/\" })]"));

    [Fact]
    public void VPG0121_special_path_matching_no_path()
    {
        var d = Harness.AssertReported(Engine(ReadKey, "\n[PathsSpecial(Root = new[] { \"kv/a\", [|\"config/*\"|] })]"), "VPG0121");
        Assert.Equal("Root path \"config/*\" matches no path of 'E'; Vault would apply it to nothing", d.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void VPG0121_not_reported_for_exact_prefix_and_segment_entries_that_reach_a_path() =>
        Harness.AssertClean(Engine(ReadKey, "\n[PathsSpecial(Root = new[] { \"kv/a\", \"k*\" }, Unauthenticated = new[] { \"kv/+\" })]"));

    [Fact]
    public void VPG0122_auth_method_without_unauthenticated_path() =>
        Harness.AssertReported(AuthMethod(LoginPath + RenewMethod, name: "[|A|]"), "VPG0122");

    [Fact]
    public void VPG0122_not_reported_when_the_login_path_is_unauthenticated() =>
        Harness.AssertClean(AuthMethod(LoginPath + RenewMethod, LoginSpecial));

    [Fact]
    public void VPG0123_alias_lookahead_on_an_authenticated_path() =>
        Harness.AssertReported(AuthMethod(LoginPath + RenewMethod + """
                /// <summary>Look the alias up.</summary>
                /// <param name="name">Role.</param>
                [Path("roles/<name>"), Operation([|AliasLookahead|])]
                public Response? Lookahead(string name) => null;
            """, LoginSpecial), "VPG0123");

    [Fact]
    public void VPG0123_not_reported_on_the_login_path() =>
        Harness.AssertClean(AuthMethod(LoginPath + RenewMethod + """
                /// <summary>Look the alias up.</summary>
                /// <param name="username">Who logs in.</param>
                [Path("login/<username>"), Operation(AliasLookahead)]
                public Response? Lookahead(string username) => null;
            """, LoginSpecial));

    [Fact]
    public void VPG0124_auth_method_without_auth_renew() =>
        Harness.AssertReported(AuthMethod(LoginPath, LoginSpecial, name: "[|A|]"), "VPG0124");

    [Fact]
    public void VPG0124_not_reported_with_auth_renew() =>
        Harness.AssertNotReported(AuthMethod(LoginPath + RenewMethod, LoginSpecial).Replace("[|", "", StringComparison.Ordinal), "VPG0124");
}
