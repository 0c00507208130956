namespace KvEngine;

/// <summary>
/// A fixed set of async locks shared out by key hash (Vault's <c>locksutil</c>): every read-modify-write
/// of one secret runs alone, so concurrent writers never lose an update, while memory stays bounded
/// however many secrets exist.
/// </summary>
internal sealed class KeyLocks
{
    private const int StripeCount = 256;
    private readonly SemaphoreSlim[] _stripes = new SemaphoreSlim[StripeCount];

    public KeyLocks()
    {
        for (var i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new SemaphoreSlim(1, 1);
        }
    }

    public async ValueTask<Releaser> LockAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(key) % StripeCount];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    public readonly struct Releaser(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
