using System.Net;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace Userpass;

[PathOptions("login/<username>", Synopsis = "Log in with a username and password.",
    Description = "This endpoint authenticates using a username and password.")]
public partial class Userpass
{
    private const string InvalidCredentials = "invalid username or password";

    /// <summary>Log in with a username and password.</summary>
    /// <param name="username">Username of the user.</param>
    /// <param name="password">Password for this user.</param>
    [Path("login/<username>"), Operation(Update)]
    public static async Task<Response> LogIn(Request request, string username, [Field(Sensitive = true)] string password, IStorage storage, CancellationToken cancellationToken)
    {
        if (password.Length == 0)
        {
            return Response.Error("missing password");
        }

        username = username.ToLowerInvariant();
        var user = await ReadUserAsync(storage, username, cancellationToken);
        // A missing user still pays for a hash, so timing does not tell which usernames exist.
        if (!PasswordHash.Verify(password, user?.PasswordHash) || user is null)
        {
            return Response.Error(InvalidCredentials);
        }

        if (user.TokenBoundCidrs.Count > 0 && !FromAllowedAddress(request, user.TokenBoundCidrs))
        {
            throw LogicalException.PermissionDenied();
        }

        return new Response
        {
            Auth = new Auth
            {
                DisplayName = username,
                Metadata = { ["username"] = username },
                Alias = new Alias { Name = username },
                Policies = [.. user.TokenPolicies],
                TokenPolicies = [.. user.TokenPolicies],
                BoundCidrs = [.. user.TokenBoundCidrs],
                Lease = new LeaseOptions
                {
                    Ttl = TimeSpan.FromSeconds(user.TokenTtl),
                    MaxTtl = TimeSpan.FromSeconds(user.TokenMaxTtl),
                    Renewable = true,
                },
            },
        };
    }

    /// <summary>The identity alias a login would use, before the login happens.</summary>
    /// <param name="username">Username of the user.</param>
    [Path("login/<username>"), Operation(AliasLookahead)]
    public static Response LoginAliasLookahead(string username)
        => new() { Auth = new Auth { Alias = new Alias { Name = username } } };

    /// <summary>
    /// Renews a token from a login: refused when the user is gone or its policies changed; otherwise
    /// the user's current TTLs apply by Vault's rules, never past the token's max TTL counted from its login.
    /// </summary>
    [AuthRenew]
    public async Task<Response?> RenewLogin(Auth auth, IStorage storage, ISystemView systemView, CancellationToken cancellationToken)
    {
        if (!auth.Metadata.TryGetValue("username", out var username))
        {
            throw LogicalException.Internal("token has no username");
        }

        var user = await ReadUserAsync(storage, username, cancellationToken);
        if (user is null)
        {
            return null;
        }

        if (!user.TokenPolicies.Order(StringComparer.Ordinal).SequenceEqual(auth.TokenPolicies.Order(StringComparer.Ordinal)))
        {
            throw LogicalException.Internal("policies have changed, not renewing");
        }

        return await LeaseRules.ExtendAsync(auth, systemView, TimeSpan.FromSeconds(user.TokenTtl), TimeSpan.FromSeconds(user.TokenMaxTtl), Clock.GetUtcNow(), cancellationToken);
    }

    private static bool FromAllowedAddress(Request request, List<string> cidrs)
    {
        if (request.Connection is null || !IPAddress.TryParse(request.Connection.RemoteAddress, out var address))
        {
            return false;
        }

        foreach (var cidr in cidrs)
        {
            if (IPNetwork.TryParse(cidr, out var network) ? network.Contains(address) : IPAddress.TryParse(cidr, out var single) && single.Equals(address))
            {
                return true;
            }
        }

        return false;
    }
}
