namespace KvEngine;

/// <summary>
/// A fixed set of reader/writer locks shared out by key hash (Vault's <c>locksutil</c>, whose locks are
/// <c>sync.RWMutex</c>): reads of one secret run side by side, every read-modify-write of it runs alone, so
/// concurrent writers never lose an update and readers never see half a write, while memory stays bounded
/// however many secrets exist.
/// </summary>
internal sealed class KeyLocks
{
    private const int StripeCount = 256;
    private readonly AsyncReaderWriterLock[] _stripes = new AsyncReaderWriterLock[StripeCount];

    public KeyLocks()
    {
        for (var i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new AsyncReaderWriterLock();
        }
    }

    /// <summary>Shared: for handlers that only read the key.</summary>
    public ValueTask<AsyncReaderWriterLock.Releaser> ReadLockAsync(string key, CancellationToken cancellationToken)
        => StripeFor(key).ReadLockAsync(cancellationToken);

    /// <summary>Exclusive: for handlers that change the key.</summary>
    public ValueTask<AsyncReaderWriterLock.Releaser> LockAsync(string key, CancellationToken cancellationToken)
        => StripeFor(key).WriteLockAsync(cancellationToken);

    private AsyncReaderWriterLock StripeFor(string key) => _stripes[(uint)StringComparer.Ordinal.GetHashCode(key) % StripeCount];
}
