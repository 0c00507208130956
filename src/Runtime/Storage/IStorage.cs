namespace VaultPathGen;

/// <summary>
/// The mount's storage (Vault's <c>logical.Storage</c>). Keys are slash-separated paths; values are
/// opaque bytes. Implementations are safe for concurrent use.
/// </summary>
public interface IStorage
{
    /// <summary>Keys directly under <paramref name="prefix"/>; a folder is returned with a trailing <c>/</c>.</summary>
    ValueTask<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>The entry at <paramref name="key"/>, or null when there is none.</summary>
    ValueTask<StorageEntry?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes an entry, replacing any entry at the same key.</summary>
    ValueTask PutAsync(StorageEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Deletes the entry at <paramref name="key"/>; deleting a missing key succeeds.</summary>
    ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>Thrown by storage when the backing store fails or refuses a write.</summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner);
