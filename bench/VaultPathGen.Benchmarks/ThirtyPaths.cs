using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace VaultPathGen.Benchmarks;

/// <summary>A backend with 30 paths, shaped like a real engine.</summary>
[SecretsEngine]
public partial class ThirtyPaths
{
    private static readonly Response Cached = Response.WithData(new JsonObject { ["ok"] = true });

    [Path("roles/<name>"), Operation(Read)] public Response Read0(string name) => Cached;
    [Path("roles[/]"), Operation(List)] public Response List0() => Cached;
    [Path("roles/<name>/rotate"), Operation(Update)] public Response Rotate0(string name) => Cached;
    [Path("keys/<name>"), Operation(Read)] public Response Read1(string name) => Cached;
    [Path("keys[/]"), Operation(List)] public Response List1() => Cached;
    [Path("keys/<name>/rotate"), Operation(Update)] public Response Rotate1(string name) => Cached;
    [Path("certs/<name>"), Operation(Read)] public Response Read2(string name) => Cached;
    [Path("certs[/]"), Operation(List)] public Response List2() => Cached;
    [Path("certs/<name>/rotate"), Operation(Update)] public Response Rotate2(string name) => Cached;
    [Path("issuers/<name>"), Operation(Read)] public Response Read3(string name) => Cached;
    [Path("issuers[/]"), Operation(List)] public Response List3() => Cached;
    [Path("issuers/<name>/rotate"), Operation(Update)] public Response Rotate3(string name) => Cached;
    [Path("users/<name>"), Operation(Read)] public Response Read4(string name) => Cached;
    [Path("users[/]"), Operation(List)] public Response List4() => Cached;
    [Path("users/<name>/rotate"), Operation(Update)] public Response Rotate4(string name) => Cached;
    [Path("groups/<name>"), Operation(Read)] public Response Read5(string name) => Cached;
    [Path("groups[/]"), Operation(List)] public Response List5() => Cached;
    [Path("groups/<name>/rotate"), Operation(Update)] public Response Rotate5(string name) => Cached;
    [Path("policies/<name>"), Operation(Read)] public Response Read6(string name) => Cached;
    [Path("policies[/]"), Operation(List)] public Response List6() => Cached;
    [Path("policies/<name>/rotate"), Operation(Update)] public Response Rotate6(string name) => Cached;
    [Path("tokens/<name>"), Operation(Read)] public Response Read7(string name) => Cached;
    [Path("tokens[/]"), Operation(List)] public Response List7() => Cached;
    [Path("tokens/<name>/rotate"), Operation(Update)] public Response Rotate7(string name) => Cached;
    [Path("leases/<name>"), Operation(Read)] public Response Read8(string name) => Cached;
    [Path("leases[/]"), Operation(List)] public Response List8() => Cached;
    [Path("leases/<name>/rotate"), Operation(Update)] public Response Rotate8(string name) => Cached;
    [Path("config/<name>"), Operation(Read)] public Response Read9(string name) => Cached;
    [Path("config[/]"), Operation(List)] public Response List9() => Cached;
    [Path("config/<name>/rotate"), Operation(Update)] public Response Rotate9(string name) => Cached;
}

/// <summary>Vault's way: anchored regexes tried in slice order (Go's framework.Backend.route).</summary>
public static class VaultStyleRouter
{
    private static readonly Regex[] Patterns =
    [
        new(@"^roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^keys/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^keys/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^keys/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^certs/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^certs/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^certs/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^issuers/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^issuers/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^issuers/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^users/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^users/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^users/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^groups/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^groups/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^groups/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^policies/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^policies/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^policies/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^tokens/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^tokens/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^tokens/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^leases/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^leases/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^leases/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^config/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^config/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^config/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
    ];

    public static int Route(string path, out string? name)
    {
        for (var i = 0; i < Patterns.Length; i++)
        {
            var match = Patterns[i].Match(path);
            if (match.Success)
            {
                name = match.Groups["name"].Value;
                return i;
            }
        }

        name = null;
        return -1;
    }
}
