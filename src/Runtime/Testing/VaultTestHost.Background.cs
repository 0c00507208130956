using System.Text.Json.Nodes;

namespace VaultPathGen.Testing;

/// <summary>Vault's rollback tick, on demand.</summary>
public sealed partial class VaultTestHost
{
    /// <summary>
    /// Sends the rollback tick Vault sends every minute: the backend's periodic function runs, then
    /// WAL entries older than their minimum age are rolled back. With <paramref name="immediate"/> every
    /// WAL entry is rolled back whatever its age, as Vault's <c>immediate</c> flag does.
    /// </summary>
    public Task<HostResponse> RollbackAsync(bool immediate = false, CancellationToken cancellationToken = default)
        => SendExactAsync(NewRequest(Operation.Rollback, "", immediate ? new JsonObject { ["immediate"] = true } : null), cancellationToken);
}
