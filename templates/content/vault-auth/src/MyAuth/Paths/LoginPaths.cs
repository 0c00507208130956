using VaultPathGen;
using static VaultPathGen.Operation;

namespace MyAuth;

[PathOptions("login", Synopsis = "Log in with a username and password.")]
public partial class MyAuthMethod
{
    private const string InvalidCredentials = "invalid username or password";

    /// <summary>Log in with a username and password, without a token: the returned Auth is what Vault turns into a token.</summary>
    /// <param name="username">The user's name.</param>
    /// <param name="password">The user's password.</param>
    [Path("login"), Operation(Update)]
    public static async Task<Response> LogIn(
        [Field(Required = true)] string username,
        [Field(Required = true, Sensitive = true)] string password,
        IStorage storage,
        CancellationToken cancellationToken)
    {
        var user = await ReadUserAsync(storage, username, cancellationToken);
        // The same answer for an unknown user and a wrong password: it does not reveal who exists.
        if (!PasswordHash.Verify(password, user?.PasswordHash) || user is null)
        {
            return Response.Error(InvalidCredentials);
        }

        var config = await ReadConfigAsync(storage, cancellationToken);
        return new Response
        {
            Auth = new Auth
            {
                DisplayName = username,
                Metadata = { ["username"] = username },
                Alias = new Alias { Name = username },
                Policies = [.. user.Policies],
                TokenPolicies = [.. user.Policies],
                Lease = new LeaseOptions
                {
                    Ttl = TimeSpan.FromSeconds(config.TokenTtlSeconds),
                    MaxTtl = TimeSpan.FromSeconds(config.TokenMaxTtlSeconds),
                    Renewable = true,
                },
            },
        };
    }

    /// <summary>Which identity alias a login will use: Vault asks before every login, without the password being checked.</summary>
    /// <param name="username">The user's name.</param>
    [Path("login"), Operation(AliasLookahead)]
    public static Response LoginAliasLookahead([Field(Required = true)] string username)
        => new() { Auth = new Auth { Alias = new Alias { Name = username } } };

    /// <summary>
    /// Renews a token from a login (<c>vault token renew</c>): refused once the user is gone or its
    /// policies changed. Vault never renews past the max TTL counted from the login.
    /// </summary>
    [AuthRenew]
    public static async Task<Response?> RenewLogin(Auth auth, IStorage storage, CancellationToken cancellationToken)
    {
        if (!auth.Metadata.TryGetValue("username", out var username) || await ReadUserAsync(storage, username, cancellationToken) is not { } user)
        {
            return Response.Error("the user no longer exists");
        }

        if (!user.Policies.Order(StringComparer.Ordinal).SequenceEqual(auth.TokenPolicies.Order(StringComparer.Ordinal)))
        {
            return Response.Error("the user's policies have changed; log in again");
        }

        var config = await ReadConfigAsync(storage, cancellationToken);
        auth.Lease = auth.Lease with { Ttl = TimeSpan.FromSeconds(config.TokenTtlSeconds), MaxTtl = TimeSpan.FromSeconds(config.TokenMaxTtlSeconds) };
        return new Response { Auth = auth };
    }
}
