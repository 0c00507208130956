using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VaultPathGen;

namespace DynamicCreds;

public partial class DynamicCredsEngine
{
    /// <summary>
    /// Rolls back a credential whose issuing never completed (the WAL entry outlived the request): the
    /// credential exists but no lease will ever revoke it, so it is removed.
    /// </summary>
    [WalRollback(MinAge = "5m")]
    public static async Task RollbackIssue(string kind, JsonNode? data, IStorage storage, ILogger logger, CancellationToken cancellationToken)
    {
        if (kind != PendingWalKind || data?.Deserialize(CredsJson.Default.PendingCredential) is not { } pending)
        {
            throw new InvalidOperationException("unknown WAL entry kind " + kind);
        }

        await storage.DeleteAsync(IssuedPrefix + pending.Username, cancellationToken);
        LogRolledBack(logger, pending.Username);
    }

    /// <summary>
    /// Removes credentials whose lease is past its maximum TTL: Vault revokes them itself, but a revoke
    /// that kept failing, or a lease lost with its Vault, would leave them behind.
    /// </summary>
    [Periodic]
    public async Task RemoveExpired(IStorage storage, ISystemView systemView, ILogger logger, CancellationToken cancellationToken)
    {
        // Replicated storage is written by the primary only; its own tick does the clean-up.
        if ((await systemView.ReplicationStateAsync(cancellationToken)).IsPerformanceSecondaryOrStandby())
        {
            return;
        }

        foreach (var username in await storage.ListAsync(IssuedPrefix, cancellationToken))
        {
            var issued = await storage.GetJsonAsync(IssuedPrefix + username, CredsJson.Default.IssuedCredential, cancellationToken);
            if (issued is not null && issued.ExpiresAt <= Now)
            {
                await storage.DeleteAsync(IssuedPrefix + username, cancellationToken);
                LogExpiredRemoved(logger, username);
            }
        }
    }

    private static readonly Action<ILogger, string, Exception?> RolledBack =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1, "RolledBack"), "removed half-issued credential {Username}");

    private static readonly Action<ILogger, string, Exception?> ExpiredRemoved =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(2, "ExpiredRemoved"), "removed credential {Username} past its max TTL");

    private static void LogRolledBack(ILogger logger, string username) => RolledBack(logger, username, null);

    private static void LogExpiredRemoved(ILogger logger, string username) => ExpiredRemoved(logger, username, null);
}
