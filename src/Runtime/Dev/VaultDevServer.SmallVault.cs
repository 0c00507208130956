using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VaultPathGen.Http;
using static VaultPathGen.RuntimeLog;

namespace VaultPathGen.Dev;

/// <summary>
/// What makes dev mode a small Vault for leased secrets and background work: real lease ids kept by
/// an expiration manager, <c>sys/leases/*</c> driving the backend's renew and revoke, leases revoked
/// when they expire, the rollback tick, response wrapping and <c>sys/seal-status</c>.
/// </summary>
public sealed partial class VaultDevServer
{
    private readonly DevWrapping _wrapping = new();
    private ExpirationManager? _expiration;
    private CancellationTokenSource? _backgroundStop;
    private Task _background = Task.CompletedTask;

    private ExpirationManager Expiration => LazyInitializer.EnsureInitialized(ref _expiration,
        () => new ExpirationManager(_backend, () => Storage, _options.SystemView, _mount, _logger));

    /// <summary>The leases alive now, as <c>sys/leases/lookup</c> shows them.</summary>
    public IReadOnlyList<LeaseEntry> Leases => Expiration.Leases;

    private void StartBackgroundWork()
    {
        _backgroundStop = new CancellationTokenSource();
        var stop = _backgroundStop.Token;
        _background = Task.WhenAll(
            RunEveryAsync(_options.RollbackInterval, RollbackTickAsync, stop),
            RunEveryAsync(_options.LeaseExpiryInterval, ct => Expiration.RevokeExpiredAsync(DateTimeOffset.UtcNow, ct).AsTask(), stop));
    }

    private async Task StopBackgroundWorkAsync()
    {
        if (_backgroundStop is null)
        {
            return;
        }

        await _backgroundStop.CancelAsync().ConfigureAwait(false);
        await _background.ConfigureAwait(false);
        _backgroundStop.Dispose();
    }

    private async Task RunEveryAsync(TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    await work(stop).ConfigureAwait(false);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    LogBackgroundFailed(_logger, e.Message, e);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Vault's rollback tick: the backend runs its periodic function and WAL rollback; a failure is logged, never fatal.</summary>
    private async Task RollbackTickAsync(CancellationToken cancellationToken)
    {
        var request = new Request(Operation.Rollback, "") { Id = Guid.NewGuid().ToString(), Storage = Storage, MountPoint = _mount, MountType = MountType };
        var response = await _backend.HandleRequestAsync(request, cancellationToken).ConfigureAwait(false);
        if ((response?.LogicalError?.Message ?? response?.ErrorMessage) is { } error)
        {
            LogBackgroundFailed(_logger, error, null);
        }
    }

    /// <summary>Gives an issued secret its lease, before the client sees the response.</summary>
    private ValueTask RegisterLeaseAsync(Request request, CoreResult result, CancellationToken cancellationToken)
        => result.Outcome.IsError ? default : Expiration.RegisterAsync(request, result.Response, DateTimeOffset.UtcNow, cancellationToken);

    /// <summary>The mount type reported: the configured one, else the backend's name in Vault's style (<c>DynamicCredsEngine</c> → <c>dynamic-creds</c>).</summary>
    private string MountType => _options.MountType is { Length: > 0 } type ? type : DevNames.MountTypeOf(_backend.Descriptor.Name);

    /// <summary><c>sys/seal-status</c> and the wrapping endpoints Vault serves without a token.</summary>
    private async Task<bool> TryHandleUnauthenticatedAsync(HttpContext context, string logical)
    {
        switch (logical)
        {
            case "sys/seal-status":
                await WriteJson(context, StatusCodes.Status200OK, new JsonObject
                {
                    ["type"] = "shamir",
                    ["initialized"] = true,
                    ["sealed"] = false,
                    ["t"] = 1,
                    ["n"] = 1,
                    ["progress"] = 0,
                    ["nonce"] = "",
                    ["version"] = "vaultpathgen-dev",
                    ["build_date"] = "",
                    ["migration"] = false,
                    ["cluster_name"] = "vaultpathgen-dev",
                    ["cluster_id"] = ClusterId,
                    ["recovery_seal"] = false,
                    ["storage_type"] = "inmem",
                }).ConfigureAwait(false);
                return true;
            case "sys/wrapping/lookup":
                var (lookupToken, _) = await WrappingTokenAsync(context).ConfigureAwait(false);
                var info = _wrapping.Lookup(lookupToken, DateTimeOffset.UtcNow);
                await (info is null
                    ? WriteErrors(context, StatusCodes.Status400BadRequest, "wrapping token is not valid or does not exist")
                    : WriteJson(context, StatusCodes.Status200OK, Envelope(info, warnings: null))).ConfigureAwait(false);
                return true;
            case "sys/wrapping/unwrap":
                var (token, fromHeader) = await WrappingTokenAsync(context).ConfigureAwait(false);
                if (!fromHeader && !HasValidToken(context.Request))
                {
                    await WriteErrors(context, StatusCodes.Status403Forbidden, "permission denied").ConfigureAwait(false);
                    return true;
                }

                var wrapped = _wrapping.Unwrap(token, DateTimeOffset.UtcNow);
                await (wrapped is null
                    ? WriteErrors(context, StatusCodes.Status400BadRequest, "wrapping token is not valid or does not exist")
                    : WriteJson(context, StatusCodes.Status200OK, wrapped)).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private static readonly string ClusterId = Guid.NewGuid().ToString();

    private bool HasValidToken(HttpRequest request) => Caller(request) is not null;

    /// <summary>The wrapping token: the body's <c>token</c>, else the request's own token when it is a wrapping token.</summary>
    private async Task<(string Token, bool FromHeader)> WrappingTokenAsync(HttpContext context)
    {
        var (data, _, _) = await VaultHttpMapping.ReadDataAsync(context.Request, Operation.Update, context.RequestAborted).ConfigureAwait(false);
        if (data?["token"] is JsonValue value && value.TryGetValue<string>(out var bodyToken) && bodyToken.Length > 0)
        {
            return (bodyToken, false);
        }

        var header = context.Request.Headers["X-Vault-Token"].FirstOrDefault() ?? "";
        return (header, _wrapping.IsWrappingToken(header, DateTimeOffset.UtcNow));
    }

    /// <summary><c>sys/leases/lookup|renew|revoke|revoke-prefix</c> and their older <c>sys/renew</c>, <c>sys/revoke</c> forms.</summary>
    private async Task<bool> TryHandleLeasesAsync(HttpContext context, string logical)
    {
        var route = logical.StartsWith("sys/leases/", StringComparison.Ordinal) ? logical["sys/leases/".Length..]
            : logical.StartsWith("sys/renew", StringComparison.Ordinal) || logical.StartsWith("sys/revoke", StringComparison.Ordinal) ? logical["sys/".Length..]
            : null;
        if (route is null)
        {
            return false;
        }

        var cancellationToken = context.RequestAborted;
        var (data, dataStatus, dataError) = await VaultHttpMapping.ReadDataAsync(context.Request, Operation.Update, cancellationToken).ConfigureAwait(false);
        if (dataError is not null)
        {
            await WriteErrors(context, dataStatus, dataError).ConfigureAwait(false);
            return true;
        }

        var slash = route.IndexOf('/', StringComparison.Ordinal);
        var (verb, rest) = slash < 0 ? (route, "") : (route[..slash], route[(slash + 1)..]);
        var leaseId = rest.Length > 0 ? rest : data?["lease_id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : "";
        switch (verb)
        {
            case "lookup":
                await LookupAsync(context, leaseId).ConfigureAwait(false);
                return true;
            case "renew":
                if (!TryIncrement(data, out var increment))
                {
                    await WriteErrors(context, StatusCodes.Status400BadRequest, "invalid increment").ConfigureAwait(false);
                    return true;
                }

                await AnswerAsync(context, await Expiration.RenewAsync(leaseId, increment, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return true;
            case "revoke":
                await AnswerAsync(context, await Expiration.RevokeAsync(leaseId, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return true;
            case "revoke-prefix":
                var failures = await Expiration.RevokePrefixAsync(rest, cancellationToken).ConfigureAwait(false);
                if (failures.Count > 0)
                {
                    await AnswerAsync(context, failures[0]).ConfigureAwait(false);
                    return true;
                }

                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return true;
            default:
                return false;
        }
    }

    private async Task LookupAsync(HttpContext context, string leaseId)
    {
        if (leaseId.Length == 0 || Expiration.Lookup(leaseId) is not { } lease)
        {
            await WriteErrors(context, StatusCodes.Status400BadRequest, leaseId.Length == 0 ? "missing lease id" : "invalid lease").ConfigureAwait(false);
            return;
        }

        var now = DateTimeOffset.UtcNow;
        await WriteJson(context, StatusCodes.Status200OK, Envelope(new JsonObject
        {
            ["id"] = lease.LeaseId,
            ["issue_time"] = Time(lease.IssueTime),
            ["expire_time"] = Time(lease.ExpireTime),
            ["last_renewal"] = lease.LastRenewal is { } renewed ? Time(renewed) : null,
            ["renewable"] = lease.Lease.Renewable,
            ["ttl"] = Math.Max(0, (long)(lease.ExpireTime - now).TotalSeconds),
        }, warnings: null)).ConfigureAwait(false);
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static bool TryIncrement(JsonObject? data, out TimeSpan increment)
    {
        increment = TimeSpan.Zero;
        switch (data?["increment"])
        {
            case null:
                return true;
            case JsonValue value when value.TryGetValue<long>(out var seconds) && seconds >= 0:
                increment = TimeSpan.FromSeconds(seconds);
                return true;
            case JsonValue value when value.TryGetValue<string>(out var text) && VaultParse.TryParseDurationSeconds(text, out var parsed, out _) && parsed >= 0:
                increment = TimeSpan.FromSeconds(parsed);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Answers a renew or revoke as Vault does: the error, 204 for nothing, or the lease envelope.</summary>
    private async Task AnswerAsync(HttpContext context, CoreResult result)
    {
        var outcome = result.Outcome;
        if (outcome.IsError)
        {
            await WriteJson(context, outcome.StatusCode, outcome.ErrorBody() ?? new JsonObject { ["errors"] = new JsonArray() }).ConfigureAwait(false);
            return;
        }

        if (result.Response?.Secret is not { } secret || result.Operation == Operation.Revoke)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        await WriteJson(context, StatusCodes.Status200OK, Envelope(result.Response.Data, result.Response.Warnings, secret)).ConfigureAwait(false);
    }

    /// <summary>
    /// Wraps the response when the client sent <c>X-Vault-Wrap-TTL</c>: the client gets <c>wrap_info</c>
    /// with a single-use token, and <c>sys/wrapping/unwrap</c> gives the response back. True when
    /// the answer was written here.
    /// </summary>
    private async Task<bool> TryWrapAsync(HttpContext context, JsonObject body, string path)
    {
        var header = context.Request.Headers["X-Vault-Wrap-TTL"].ToString();
        if (header.Length == 0)
        {
            return false;
        }

        if (!VaultParse.TryParseDurationSeconds(header, out var seconds, out _) || seconds < 0)
        {
            await WriteErrors(context, StatusCodes.Status400BadRequest, "error parsing X-Vault-Wrap-TTL header: invalid duration").ConfigureAwait(false);
            return true;
        }

        if (seconds == 0)
        {
            return false;
        }

        var info = _wrapping.Wrap(body, TimeSpan.FromSeconds(seconds), _mount + path, DateTimeOffset.UtcNow);
        var wrapped = Envelope(null, warnings: null);
        wrapped["wrap_info"] = info;
        await WriteJson(context, StatusCodes.Status200OK, wrapped).ConfigureAwait(false);
        return true;
    }
}
