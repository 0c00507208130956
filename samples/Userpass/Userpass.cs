using VaultPathGen;

namespace Userpass;

/// <summary>
/// The "userpass" auth method allows users to authenticate with Vault using a username and password
/// combination. Compatible with Vault's built-in userpass: the same paths, fields and answers.
/// </summary>
[AuthMethod]
[PathsSpecial(Unauthenticated = new[] { "login/*" })]
public partial class Userpass
{
    private const string UserPrefix = "user/";

    /// <summary>The clock renewals measure the token's age with; tests replace it to move time.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Usernames are case-insensitive, as in Vault: stored and looked up in lower case.</summary>
    private static string Key(string username) => UserPrefix + username.ToLowerInvariant();

    private static ValueTask<UserEntry?> ReadUserAsync(IStorage storage, string username, CancellationToken cancellationToken)
        => storage.GetJsonAsync(Key(username), UserpassStorageContext.Default.UserEntry, cancellationToken);

    private static ValueTask WriteUserAsync(IStorage storage, string username, UserEntry user, CancellationToken cancellationToken)
        => storage.PutJsonAsync(Key(username), user, UserpassStorageContext.Default.UserEntry, cancellationToken);
}
