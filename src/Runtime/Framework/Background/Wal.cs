using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VaultPathGen;

/// <summary>An entry of the write-ahead log (Vault's <c>framework.WALEntry</c>).</summary>
/// <param name="Id">The entry's id, also its storage key under <c>wal/</c>.</param>
/// <param name="Kind">What kind of work the entry protects; the rollback method switches on it.</param>
/// <param name="Data">What the rollback needs to undo the work.</param>
/// <param name="CreatedAt">When the entry was written, to the second.</param>
public sealed record WalEntry(string Id, string Kind, JsonNode? Data, DateTimeOffset CreatedAt);

/// <summary>
/// The write-ahead log Vault's framework keeps in a backend's storage (<c>framework/wal.go</c>): write
/// an entry before work that touches something outside Vault, delete it when the work is done; entries
/// left behind by a crash or an error are rolled back on the rollback tick by the backend's
/// <see cref="WalRollbackAttribute"/> method. Entries are stored as Vault stores them, so a plugin's
/// storage stays readable by the Go framework.
/// </summary>
public static class Wal
{
    /// <summary>Where entries are kept in storage.</summary>
    public const string Prefix = "wal/";

    /// <summary>Vault's default minimum age before an entry is rolled back.</summary>
    public static readonly TimeSpan DefaultMinAge = TimeSpan.FromMinutes(10);

    /// <summary>Writes an entry; returns its id, for <see cref="DeleteAsync"/> when the work is done.</summary>
    public static async ValueTask<string> PutAsync(IStorage storage, string kind, JsonNode? data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(kind);
        var id = Guid.NewGuid().ToString();
        var entry = new JsonObject
        {
            ["type"] = kind,
            ["data"] = data?.DeepClone(),
            ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        await storage.PutAsync(new StorageEntry(Prefix + id, Encoding.UTF8.GetBytes(entry.ToJsonString())), cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>The entry with <paramref name="id"/>, or null.</summary>
    /// <exception cref="LogicalException">The stored entry is not a WAL entry.</exception>
    public static async ValueTask<WalEntry?> GetAsync(IStorage storage, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var stored = await storage.GetAsync(Prefix + id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(stored.Value) is JsonObject entry && entry["type"] is JsonValue kind && kind.TryGetValue<string>(out var kindText)
                && entry["created_at"] is JsonValue created && created.TryGetValue<long>(out var seconds))
            {
                return new WalEntry(id, kindText, entry["data"]?.DeepClone(), DateTimeOffset.FromUnixTimeSeconds(seconds));
            }
        }
        catch (JsonException)
        {
        }

        throw LogicalException.Internal("WAL entry " + id + " is not valid JSON of a WAL entry");
    }

    /// <summary>Deletes an entry: the work it protected is complete (Vault's <c>DeleteWAL</c>).</summary>
    public static ValueTask DeleteAsync(IStorage storage, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return storage.DeleteAsync(Prefix + id, cancellationToken);
    }

    /// <summary>The ids of the entries in the log.</summary>
    public static async ValueTask<IReadOnlyList<string>> ListAsync(IStorage storage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return [.. await storage.ListAsync(Prefix, cancellationToken).ConfigureAwait(false)];
    }

    /// <summary>
    /// Rolls back the entries older than <paramref name="minAge"/> (all of them when the request data
    /// has <c>immediate</c>, as in Vault), deleting each one whose rollback succeeds. Returns the
    /// failures, each as Vault words it; entries that failed stay for the next tick.
    /// </summary>
    public static async ValueTask<IReadOnlyList<string>> RollbackAsync(Request request, TimeSpan minAge, Func<WalEntry, ValueTask> rollback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rollback);
        var errors = new List<string>();
        var ids = await ListAsync(request.Storage, cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            return errors;
        }

        var age = minAge > TimeSpan.Zero ? minAge : DefaultMinAge;
        var cutoff = request.Data?.ContainsKey("immediate") == true ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow - age;
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var entry = await GetAsync(request.Storage, id, cancellationToken).ConfigureAwait(false);
                if (entry is null || entry.CreatedAt >= cutoff)
                {
                    continue;
                }

                try
                {
                    await rollback(entry).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    errors.Add(string.Format(CultureInfo.InvariantCulture, "error rolling back \"{0}\" entry: {1}", entry.Kind, e.Message));
                    continue;
                }

                await DeleteAsync(request.Storage, id, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add(e.Message);
            }
        }

        return errors;
    }
}
