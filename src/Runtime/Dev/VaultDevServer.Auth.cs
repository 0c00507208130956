using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VaultPathGen.Http;

namespace VaultPathGen.Dev;

/// <summary>
/// Dev mode's tokens and special paths: the root token and tokens issued by logins to a mounted auth
/// method are accepted; the backend's unauthenticated paths need no token and its root paths need the
/// root token; <c>auth/token/lookup-self</c> and <c>renew-self</c> answer for either kind of token.
/// Policies are not enforced.
/// </summary>
public sealed partial class VaultDevServer
{
    private DevTokens? _devTokens;

    private DevTokens Tokens => LazyInitializer.EnsureInitialized(ref _devTokens, () => new DevTokens(RootToken, TimeProvider.System));

    /// <summary>Where the backend is mounted, e.g. <c>secret/</c> or, for an auth method, <c>auth/userpass/</c>.</summary>
    public string MountPoint => _mount;

    /// <summary>Auth methods live under <c>auth/</c>, as <c>vault auth enable</c> mounts them.</summary>
    private static string MountPathFor(IBackend backend, string mountPoint)
    {
        var mount = mountPoint.Trim('/') + "/";
        return backend.Descriptor.Type == BackendType.Credential && !mount.StartsWith("auth/", StringComparison.Ordinal) ? "auth/" + mount : mount;
    }

    /// <summary>
    /// Where Vault lists an auth method: <c>sys/auth</c> (keyed without <c>auth/</c>, as
    /// <c>vault auth list</c> shows it), never <c>sys/mounts</c>, which lists secrets engines. Null for
    /// other paths, and for both when the backend is a secrets engine.
    /// </summary>
    private JsonObject? AuthMountsResponse(string logical)
    {
        if (_backend.Descriptor.Type != BackendType.Credential)
        {
            return null;
        }

        return logical switch
        {
            "sys/auth" => new JsonObject { [_mount["auth/".Length..]] = MountInfo() },
            "sys/mounts" => [],
            _ => null,
        };
    }

    /// <summary>The token the request carries, when dev mode knows it and it has not expired.</summary>
    private DevToken? Caller(HttpRequest request)
    {
        // Go's Header.Get: the first of repeated headers.
        var token = request.Headers["X-Vault-Token"].FirstOrDefault() ?? "";
        if (token.Length == 0)
        {
            var authorization = request.Headers.Authorization.FirstOrDefault() ?? "";
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                token = authorization["Bearer ".Length..].Trim();
            }
        }

        return Tokens.Find(token);
    }

    /// <summary>The path inside the mount, or null when <paramref name="logical"/> is not in it.</summary>
    private string? InMount(string logical) =>
        logical.StartsWith(_mount, StringComparison.Ordinal) ? logical[_mount.Length..] : logical + "/" == _mount ? "" : null;

    private bool IsUnauthenticated(string logical) => InMount(logical) is { } path && _backend.Descriptor.SpecialPaths.IsUnauthenticated(path);

    private bool IsRootPath(string logical) => InMount(logical) is { } path && _backend.Descriptor.SpecialPaths.IsRoot(path);

    /// <summary>
    /// Refuses the request (403) unless it may go on: a known token, or none on an unauthenticated
    /// path; the root token on a root path. True when the answer has been written.
    /// </summary>
    private async Task<bool> RefuseAsync(HttpContext context, string logical, DevToken? caller)
    {
        var allowed = caller is not null ? !IsRootPath(logical) || caller.IsRoot : IsUnauthenticated(logical);
        if (!allowed)
        {
            await WriteErrors(context, StatusCodes.Status403Forbidden, "permission denied").ConfigureAwait(false);
        }

        return !allowed;
    }

    /// <summary>Answers <c>auth/token/lookup-self</c> and <c>renew-self</c>; false for any other path.</summary>
    private async Task<bool> HandleTokenAsync(HttpContext context, string logical, DevToken? caller)
    {
        if (caller is null)
        {
            return false;
        }

        switch (logical)
        {
            case "auth/token/lookup-self":
                await WriteJson(context, StatusCodes.Status200OK, Envelope(Tokens.LookupJson(caller), warnings: null)).ConfigureAwait(false);
                return true;
            case "auth/token/renew-self":
                await RenewSelfAsync(context, caller).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private async Task RenewSelfAsync(HttpContext context, DevToken caller)
    {
        if (caller.Auth is null || !caller.Renewable)
        {
            await WriteErrors(context, StatusCodes.Status400BadRequest, "lease is not renewable").ConfigureAwait(false);
            return;
        }

        var (data, dataStatus, dataError) = await VaultHttpMapping.ReadDataAsync(context.Request, Operation.Update, context.RequestAborted).ConfigureAwait(false);
        if (dataError is not null)
        {
            await WriteErrors(context, dataStatus, dataError).ConfigureAwait(false);
            return;
        }

        var increment = TimeSpan.Zero;
        if (data?["increment"] is { } raw)
        {
            if (!FieldCoercion.TryDurationSecond(raw, allowNegative: false, out var seconds, out var error))
            {
                await WriteErrors(context, StatusCodes.Status400BadRequest, "invalid increment: " + error).ConfigureAwait(false);
                return;
            }

            increment = TimeSpan.FromSeconds(seconds);
        }

        var request = new Request(Operation.Renew, caller.Path[_mount.Length..])
        {
            Id = Guid.NewGuid().ToString(),
            Storage = Storage,
            MountPoint = _mount,
            MountType = _options.MountType,
            ClientToken = caller.Id,
            Auth = RenewalAuth(caller, increment),
        };
        var result = await CoreRequestHandler.HandleAsync(_backend, request, context.RequestAborted).ConfigureAwait(false);
        if (result.Outcome.IsError)
        {
            await WriteJson(context, result.Outcome.StatusCode, result.Outcome.ErrorBody() ?? new JsonObject { ["errors"] = new JsonArray() }).ConfigureAwait(false);
            return;
        }

        if (result.Response?.Auth is not { } renewed)
        {
            await WriteErrors(context, StatusCodes.Status400BadRequest, "the auth method did not renew the token").ConfigureAwait(false);
            return;
        }

        var token = Tokens.Renewed(caller, renewed, increment);
        var body = Envelope(null, result.Response.Warnings);
        body["auth"] = DevTokens.AuthJson(token);
        await WriteJson(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    /// <summary>What Vault hands the auth method on renewal: the login's auth with the token's lease as it stands.</summary>
    private Auth RenewalAuth(DevToken token, TimeSpan increment)
    {
        var auth = AuthCopy.Of(token.Auth!);
        auth.Lease = auth.Lease with { Ttl = token.TtlAt(Tokens.Now), Increment = increment, IssueTime = token.IssueTime };
        auth.ClientToken = token.Id;
        auth.Accessor = token.Accessor;
        return auth;
    }

    /// <summary>A login's answer: the token dev mode issued for the returned <see cref="Auth"/>, as the envelope's <c>auth</c>.</summary>
    private JsonObject? IssueToken(Request request, Response? response, bool succeeded)
    {
        if (!succeeded || response?.Auth is not { } auth || !_backend.Descriptor.SpecialPaths.IsUnauthenticated(request.Path))
        {
            return null;
        }

        return DevTokens.AuthJson(Tokens.Issue(auth, _mount, request.Path));
    }
}
