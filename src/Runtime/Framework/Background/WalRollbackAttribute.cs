namespace VaultPathGen;

/// <summary>
/// Marks the method that rolls back write-ahead-log entries (Vault's <c>WALRollback</c>). On each
/// rollback tick, entries older than <see cref="MinAge"/> are handed to it one at a time; an entry is
/// deleted when the method returns and kept for the next tick when it throws. The method may take the
/// <see cref="WalEntry"/>, its <c>string kind</c> and <c>JsonNode? data</c>, the <see cref="Request"/>,
/// <see cref="IStorage"/>, <see cref="ISystemView"/>, <see cref="BackendConfig"/>, a logger and a
/// <c>CancellationToken</c>; it returns nothing or a task. See docs/background-work.md.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class WalRollbackAttribute : Attribute
{
    /// <summary>
    /// How old an entry must be before it is rolled back, as a Vault duration; Vault's default is
    /// 10 minutes. Younger entries may belong to a request still running.
    /// </summary>
    public string? MinAge { get; set; }
}
