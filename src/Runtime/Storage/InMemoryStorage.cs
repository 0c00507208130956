namespace VaultPathGen;

/// <summary>
/// Storage held in memory (Vault's <c>logical.InmemStorage</c>): for tests and dev mode. Values are
/// copied in and out so callers cannot change what is stored behind its back.
/// </summary>
public sealed class InMemoryStorage : IStorage
{
    private readonly SortedDictionary<string, byte[]> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _sealWrap = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>How many entries are stored.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>All keys, in ordinal order.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Keys];
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var result = new List<string>();
        lock (_gate)
        {
            string? lastFolder = null;
            foreach (var key in _entries.Keys)
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var rest = key.Substring(prefix.Length);
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0)
                {
                    result.Add(rest);
                }
                else
                {
                    var folder = rest.Substring(0, slash + 1);
                    if (folder != lastFolder)
                    {
                        result.Add(folder);
                        lastFolder = folder;
                    }
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return ValueTask.FromResult<IReadOnlyList<string>>(result);
    }

    /// <inheritdoc />
    public ValueTask<StorageEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return ValueTask.FromResult(_entries.TryGetValue(key, out var value)
                ? new StorageEntry(key, (byte[])value.Clone(), _sealWrap[key])
                : null);
        }
    }

    /// <inheritdoc />
    public ValueTask PutAsync(StorageEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Key.Length == 0)
        {
            throw new StorageException("storage key must not be empty");
        }

        lock (_gate)
        {
            _entries[entry.Key] = (byte[])entry.Value.Clone();
            _sealWrap[entry.Key] = entry.SealWrap;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            _entries.Remove(key);
            _sealWrap.Remove(key);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Storage that holds nothing and refuses writes: what a backend sees before Vault gives it storage.</summary>
public sealed class NullStorage : IStorage
{
    /// <summary>The one instance.</summary>
    public static NullStorage Instance { get; } = new();

    private NullStorage()
    {
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
        => ValueTask.FromResult<IReadOnlyList<string>>([]);

    /// <inheritdoc />
    public ValueTask<StorageEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
        => ValueTask.FromResult<StorageEntry?>(null);

    /// <inheritdoc />
    public ValueTask PutAsync(StorageEntry entry, CancellationToken cancellationToken = default)
        => throw new StorageException("no storage is available to this backend");

    /// <inheritdoc />
    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
        => throw new StorageException("no storage is available to this backend");
}
