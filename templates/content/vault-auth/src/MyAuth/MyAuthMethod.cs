using VaultPathGen;

namespace MyAuth;

/// <summary>
/// Logs users in with a username and password and hands Vault the policies to put on their token.
/// The paths live in Paths/, one file per group, like the path_*.go files of a Go plugin.
/// </summary>
[AuthMethod]
[PathsSpecial(Unauthenticated = new[] { "login" })]
public partial class MyAuthMethod
{
}
