namespace VaultPathGen.Plugin.Services;

/// <summary>Storage as a backend sees it during Setup: Vault's storage is read-only until Setup returns.</summary>
internal sealed class SetupStorage(IStorage inner) : IStorage
{
    private volatile bool _writable;

    public void AllowWrites() => _writable = true;

    public ValueTask<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public ValueTask<VaultPathGen.StorageEntry?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    public ValueTask PutAsync(VaultPathGen.StorageEntry entry, CancellationToken cancellationToken = default)
        => _writable ? inner.PutAsync(entry, cancellationToken) : throw new StorageException("storage is read-only during setup");

    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
        => _writable ? inner.DeleteAsync(key, cancellationToken) : throw new StorageException("storage is read-only during setup");
}
