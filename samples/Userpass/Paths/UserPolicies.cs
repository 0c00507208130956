using VaultPathGen;
using static VaultPathGen.Operation;

namespace Userpass;

[PathOptions("users/<username>/policies", Synopsis = "Update the policies associated with the username.",
    Description = "This endpoint allows updating the policies associated with the username.")]
public partial class Userpass
{
    /// <summary>Update a user's token policies; tokens it holds stop renewing until it logs in again.</summary>
    /// <param name="username">Username for this user.</param>
    /// <param name="tokenPolicies">A list of policies that will apply to the generated token for this user.</param>
    /// <param name="policies">Use "token_policies" instead. If this and "token_policies" are both specified, only "token_policies" will be used.</param>
    [Path("users/<username>/policies"), Operation(Update)]
    public static async Task<Response?> UpdatePolicies(
        string username,
        [Field(Type = FieldType.CommaStringSlice)] string[]? tokenPolicies,
        [Field(Type = FieldType.CommaStringSlice, Deprecated = true)] string[]? policies,
        IStorage storage,
        CancellationToken cancellationToken)
    {
        var user = await ReadUserAsync(storage, username, cancellationToken);
        if (user is null)
        {
            return Response.Error("username does not exist");
        }

        // As Vault's userpass: token_policies wins; policies alone is the legacy field, echoed back by reads.
        if (tokenPolicies is not null || policies is not null)
        {
            user.TokenPolicies = Policies(tokenPolicies ?? policies!);
            user.LegacyPolicies = policies is not null;
        }

        await WriteUserAsync(storage, username, user, cancellationToken);
        return null;
    }
}
