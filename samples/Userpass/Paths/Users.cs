using System.Net;
using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace Userpass;

[PathOptions("users/<username>", Synopsis = "Manage users allowed to authenticate.",
    Description = "This endpoint allows you to create, read, update, and delete users that are allowed to authenticate.")]
[PathOptions("users[/]", Synopsis = "Manage users allowed to authenticate.")]
public partial class Userpass
{
    /// <summary>Whether the user exists, so Vault sends create or update.</summary>
    /// <param name="username">Username for this user.</param>
    [Path("users/<username>"), ExistenceCheck]
    public static async Task<bool> UserExists(string username, IStorage storage, CancellationToken cancellationToken)
        => await ReadUserAsync(storage, username, cancellationToken) is not null;

    /// <summary>List users.</summary>
    [Path("users[/]"), Operation(List)]
    public static async Task<Response> ListUsers(IStorage storage, CancellationToken cancellationToken)
        => Response.List(await storage.ListAsync(UserPrefix, cancellationToken));

    /// <summary>Read a user's token settings (never the password).</summary>
    /// <param name="username">Username for this user.</param>
    [Path("users/<username>"), Operation(Read)]
    public static async Task<Response?> ReadUser(string username, IStorage storage, CancellationToken cancellationToken)
    {
        var user = await ReadUserAsync(storage, username, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var data = new JsonObject
        {
            ["token_bound_cidrs"] = Strings(user.TokenBoundCidrs),
            ["token_explicit_max_ttl"] = 0,
            ["token_max_ttl"] = user.TokenMaxTtl,
            ["token_no_default_policy"] = false,
            ["token_num_uses"] = 0,
            ["token_period"] = 0,
            ["token_policies"] = Strings(user.TokenPolicies),
            ["token_ttl"] = user.TokenTtl,
            ["token_type"] = "default",
        };
        if (user.LegacyPolicies)
        {
            data["policies"] = Strings(user.TokenPolicies);
        }

        return Response.WithData(data);
    }

    /// <summary>Create or update a user.</summary>
    /// <param name="username">Username for this user.</param>
    /// <param name="password">Password for this user.</param>
    /// <param name="tokenPolicies">A list of policies that will apply to the generated token for this user.</param>
    /// <param name="policies">Use "token_policies" instead. If this and "token_policies" are both specified, only "token_policies" will be used.</param>
    /// <param name="tokenTtl">The initial ttl of the token to generate.</param>
    /// <param name="tokenMaxTtl">The maximum lifetime of the generated token.</param>
    /// <param name="tokenBoundCidrs">A list of CIDR blocks. If set, specifies the blocks of IP addresses which are allowed to use the generated token.</param>
    [Path("users/<username>"), Operation(Create, Update)]
    public static async Task<Response?> WriteUser(
        Request request,
        string username,
        [Field(Sensitive = true)] string? password,
        [Field(Type = FieldType.CommaStringSlice)] string[]? tokenPolicies,
        [Field(Type = FieldType.CommaStringSlice, Deprecated = true)] string[]? policies,
        TimeSpan? tokenTtl,
        TimeSpan? tokenMaxTtl,
        [Field(Type = FieldType.CommaStringSlice)] string[]? tokenBoundCidrs,
        IStorage storage,
        CancellationToken cancellationToken)
    {
        var user = await ReadUserAsync(storage, username, cancellationToken);
        if (user is null && request.Operation == Create && string.IsNullOrEmpty(password))
        {
            return Response.Error("missing password");
        }

        user ??= new UserEntry();
        if (tokenPolicies is not null && policies is not null)
        {
            return Response.Error("cannot specify both \"token_policies\" and \"policies\"");
        }

        if (tokenPolicies is not null || policies is not null)
        {
            user.TokenPolicies = Policies(tokenPolicies ?? policies!);
            user.LegacyPolicies = tokenPolicies is null;
        }

        if (tokenTtl is { } ttl)
        {
            user.TokenTtl = (long)ttl.TotalSeconds;
        }

        if (tokenMaxTtl is { } maxTtl)
        {
            user.TokenMaxTtl = (long)maxTtl.TotalSeconds;
        }

        if (user.TokenMaxTtl > 0 && user.TokenTtl > user.TokenMaxTtl)
        {
            return Response.Error("\"token_ttl\" value must be less than \"token_max_ttl\" value");
        }

        if (tokenBoundCidrs is not null)
        {
            foreach (var cidr in tokenBoundCidrs)
            {
                if (!IPNetwork.TryParse(cidr, out _) && !IPAddress.TryParse(cidr, out _))
                {
                    return Response.Error($"invalid CIDR in \"token_bound_cidrs\": \"{cidr}\"");
                }
            }

            user.TokenBoundCidrs = [.. tokenBoundCidrs.Where(c => c.Length > 0)];
        }

        if (!string.IsNullOrEmpty(password))
        {
            user.PasswordHash = PasswordHash.Hash(password);
        }

        await WriteUserAsync(storage, username, user, cancellationToken);
        return null;
    }

    /// <summary>Delete a user. Tokens it already holds live on until they expire or are revoked.</summary>
    /// <param name="username">Username for this user.</param>
    [Path("users/<username>"), Operation(Delete)]
    public static async Task DeleteUser(string username, IStorage storage, CancellationToken cancellationToken)
        => await storage.DeleteAsync(Key(username), cancellationToken);

    /// <summary>Vault's policy lists are trimmed, lower case, deduplicated and sorted.</summary>
    private static List<string> Policies(IEnumerable<string> names)
        => [.. names.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
}
