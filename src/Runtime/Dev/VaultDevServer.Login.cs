using VaultPathGen.Http;

namespace VaultPathGen.Dev;

/// <summary>Dev mode's login handling: the alias lookahead Vault's core sends ahead of a login.</summary>
public sealed partial class VaultDevServer
{
    /// <summary>A login: a request without a token to an unauthenticated path of an auth method.</summary>
    private bool IsLogin(Request request)
        => request.Unauthenticated && request.Operation != Operation.Help && _backend.Descriptor.Type == BackendType.Credential
            && _backend.Descriptor.SpecialPaths.IsUnauthenticated(request.Path);

    /// <summary>
    /// Sends <c>alias-lookahead</c> to the login's path with its data, as Vault's core does before it
    /// routes a login; the result when the lookahead's failure is the login's answer, else null and the
    /// login goes on.
    /// </summary>
    private async ValueTask<CoreResult?> LookaheadRefusalAsync(Request login, CancellationToken cancellationToken)
    {
        if (!IsLogin(login))
        {
            return null;
        }

        var lookahead = await CoreRequestHandler.CallBackendAsync(_backend, AliasLookahead.For(login), null, cancellationToken).ConfigureAwait(false);
        return AliasLookahead.EndsLogin(lookahead.Exception) ? lookahead : null;
    }
}
