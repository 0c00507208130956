using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace MyAuth;

[PathOptions("users/<username>", Synopsis = "Manages the users who can log in.")]
public partial class MyAuthMethod
{
    private const string UserPrefix = "users/";

    private static Task<User?> ReadUserAsync(IStorage storage, string username, CancellationToken cancellationToken)
        => storage.GetJsonAsync(UserPrefix + username, StoredJson.Default.User, cancellationToken).AsTask();

    /// <summary>Whether the user exists: Vault sends create when it does not, update when it does.</summary>
    [Path("users/<username>"), ExistenceCheck]
    public static async Task<bool> UserExists(string username, IStorage storage, CancellationToken cancellationToken)
        => await storage.GetAsync(UserPrefix + username, cancellationToken) is not null;

    /// <summary>Create or update a user.</summary>
    /// <param name="username">The name the user logs in with.</param>
    /// <param name="password">The user's password; required when the user is created.</param>
    /// <param name="policies">Policies on the tokens the user's logins get.</param>
    [Path("users/<username>"), Operation(Create, Update)]
    public static async Task<Response?> WriteUser(
        Request request,
        string username,
        [Field(Sensitive = true)] string? password,
        [Field(Type = FieldType.CommaStringSlice)] string[]? policies,
        IStorage storage,
        CancellationToken cancellationToken)
    {
        var existing = await ReadUserAsync(storage, username, cancellationToken);
        if (string.IsNullOrEmpty(password) && (request.Operation == Create || existing is null))
        {
            return Response.Error("missing password");
        }

        var user = new User(
            string.IsNullOrEmpty(password) ? existing!.PasswordHash : PasswordHash.Hash(password),
            policies ?? existing?.Policies ?? []);
        await storage.PutJsonAsync(UserPrefix + username, user, StoredJson.Default.User, cancellationToken);
        return null;
    }

    /// <summary>Read a user (never the password).</summary>
    /// <param name="username">The name the user logs in with.</param>
    [Path("users/<username>"), Operation(Read)]
    public static async Task<Response?> ReadUser(string username, IStorage storage, CancellationToken cancellationToken)
    {
        // No response for a read is Vault's 404.
        if (await ReadUserAsync(storage, username, cancellationToken) is not { } user)
        {
            return null;
        }

        return Response.WithData(new JsonObject
        {
            ["policies"] = new JsonArray(Array.ConvertAll(user.Policies, policy => (JsonNode?)policy)),
        });
    }

    /// <summary>Delete a user. Tokens from earlier logins are not renewed any more.</summary>
    /// <param name="username">The name the user logs in with.</param>
    [Path("users/<username>"), Operation(Delete)]
    public static async Task DeleteUser(string username, IStorage storage, CancellationToken cancellationToken)
        => await storage.DeleteAsync(UserPrefix + username, cancellationToken);

    /// <summary>List the users.</summary>
    [Path("users[/]"), Operation(List)]
    public static async Task<Response> ListUsers(IStorage storage, CancellationToken cancellationToken)
        => Response.List(await storage.ListAsync(UserPrefix, cancellationToken));
}
