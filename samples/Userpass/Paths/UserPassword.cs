using VaultPathGen;
using static VaultPathGen.Operation;

namespace Userpass;

[PathOptions("users/<username>/password", Synopsis = "Reset user's password.",
    Description = "This endpoint allows resetting the user's password.")]
public partial class Userpass
{
    /// <summary>Reset a user's password.</summary>
    /// <param name="username">Username for this user.</param>
    /// <param name="password">Password for this user.</param>
    [Path("users/<username>/password"), Operation(Update)]
    public static async Task<Response?> UpdatePassword(string username, [Field(Sensitive = true)] string? password, IStorage storage, CancellationToken cancellationToken)
    {
        var user = await ReadUserAsync(storage, username, cancellationToken);
        if (user is null)
        {
            return Response.Error("username does not exist");
        }

        if (string.IsNullOrEmpty(password))
        {
            return Response.Error("missing password");
        }

        user.PasswordHash = PasswordHash.Hash(password);
        await WriteUserAsync(storage, username, user, cancellationToken);
        return null;
    }
}
