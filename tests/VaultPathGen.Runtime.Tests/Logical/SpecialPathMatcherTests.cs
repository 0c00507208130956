namespace VaultPathGen.Runtime.Tests.Logical;

/// <summary>Vault's matching of special paths (vault/router.go), one rule per case.</summary>
public class SpecialPathMatcherTests
{
    [Theory]
    [InlineData("login", "login", true)]
    [InlineData("login", "login/alice", false)]
    [InlineData("login", "logi", false)]
    [InlineData("login/*", "login/alice", true)]
    [InlineData("login/*", "login/", true)]
    [InlineData("login/*", "login", false)]
    [InlineData("log*", "login/alice", true)]
    [InlineData("roles/+/login", "roles/web/login", true)]
    [InlineData("roles/+/login", "roles/web/login/x", false)]
    [InlineData("roles/+/login", "roles/login", false)]
    [InlineData("roles/+/login*", "roles/web/login-now", true)]
    [InlineData("roles/+/*", "roles/web/anything/deeper", true)]
    [InlineData("roles/+/*", "roles/web", false)]
    [InlineData("+/login", "any/login", true)]
    public void Unauthenticated_paths_match_exactly_by_prefix_or_by_segment(string pattern, string path, bool expected)
        => Assert.Equal(expected, new SpecialPathMatcher(SpecialPathKind.Unauthenticated, [pattern]).Matches(path));

    [Fact]
    public void The_longest_listed_prefix_decides_as_in_vaults_radix_lookup()
    {
        // "login/admin" (exact) is the longest prefix of "login/admin/x" and does not equal it, so the
        // shorter "login/*" is never consulted: Vault's router behaves the same way.
        var matcher = new SpecialPathMatcher(SpecialPathKind.Root, ["login/*", "login/admin"]);
        Assert.True(matcher.Matches("login/admin"));
        Assert.True(matcher.Matches("login/bob"));
        Assert.False(matcher.Matches("login/admin/x"));
    }

    [Fact]
    public void Storage_kinds_follow_their_own_rules()
    {
        Assert.True(new SpecialPathMatcher(SpecialPathKind.LocalStorage, ["cache"]).Matches("cache/x"));
        var sealWrap = new SpecialPathMatcher(SpecialPathKind.SealWrapStorage, ["users/", "config"]);
        Assert.True(sealWrap.Matches("users/alice"));
        Assert.True(sealWrap.Matches("config"));
        Assert.False(sealWrap.Matches("config/other"));
    }

    [Theory]
    [InlineData(SpecialPathKind.Unauthenticated, "", "cannot be empty")]
    [InlineData(SpecialPathKind.Unauthenticated, "/login", "no leading '/'")]
    [InlineData(SpecialPathKind.Unauthenticated, "a*/b*", "only one '*'")]
    [InlineData(SpecialPathKind.Unauthenticated, "a*/b", "only allowed at the end")]
    [InlineData(SpecialPathKind.Unauthenticated, "roles/+*", "'+*' is not allowed")]
    [InlineData(SpecialPathKind.Unauthenticated, "roles/x+/login", "whole path segment")]
    [InlineData(SpecialPathKind.Root, "roles/+/x", "only allowed in unauthenticated")]
    [InlineData(SpecialPathKind.SealWrapStorage, "users/*", "end a prefix with '/'")]
    public void Invalid_patterns_are_explained(SpecialPathKind kind, string pattern, string expected)
    {
        Assert.Contains(expected, SpecialPathMatcher.Validate(kind, pattern), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SpecialPathMatcher(kind, [pattern]));
    }

    [Fact]
    public void SpecialPaths_answer_vaults_questions()
    {
        var paths = new SpecialPaths { Root = ["config/*"], Unauthenticated = ["login/*"], LocalStorage = ["cache/"], SealWrapStorage = ["users/"] };
        Assert.True(paths.IsRoot("config/ca"));
        Assert.False(paths.IsRoot("login/x"));
        Assert.True(paths.IsUnauthenticated("login/x"));
        Assert.True(paths.IsLocalStorage("cache/1"));
        Assert.True(paths.IsSealWrapStorage("users/alice"));
        Assert.False(SpecialPaths.None.IsUnauthenticated("login/x"));
    }
}
