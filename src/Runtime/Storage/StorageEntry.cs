using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace VaultPathGen;

/// <summary>One stored value (Vault's <c>logical.StorageEntry</c>).</summary>
public sealed class StorageEntry
{
    /// <summary>Creates an entry.</summary>
    public StorageEntry(string key, byte[] value, bool sealWrap = false)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        SealWrap = sealWrap;
    }

    /// <summary>The key.</summary>
    public string Key { get; }

    /// <summary>The stored bytes.</summary>
    public byte[] Value { get; }

    /// <summary>Whether Vault should seal-wrap the value.</summary>
    public bool SealWrap { get; }

    /// <summary>An entry holding <paramref name="value"/> as JSON (Vault's <c>logical.StorageEntryJSON</c>).</summary>
    public static StorageEntry FromJson<T>(string key, T value, JsonTypeInfo<T> typeInfo, bool sealWrap = false)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);

        // Not SerializeToUtf8Bytes: its pooled buffer keeps a large value's memory after the call.
        var buffer = new ArrayBufferWriter<byte>();
        var options = typeInfo.Options;
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            MaxDepth = options.MaxDepth,
        }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return new(key, buffer.WrittenSpan.ToArray(), sealWrap);
    }

    /// <summary>Decodes the value as JSON (Vault's <c>entry.DecodeJSON</c>).</summary>
    /// <exception cref="StorageException">The stored bytes are not valid JSON for <typeparamref name="T"/>.</exception>
    public T DecodeJson<T>(JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(Value, typeInfo)
                ?? throw new StorageException($"storage entry \"{Key}\" holds JSON null");
        }
        catch (JsonException e)
        {
            throw new StorageException($"storage entry \"{Key}\" is not valid JSON: {e.Message}", e);
        }
    }
}

/// <summary>JSON conveniences over <see cref="IStorage"/>; all take source-generated type information.</summary>
public static class StorageJsonExtensions
{
    /// <summary>Reads and decodes the JSON value at <paramref name="key"/>; default when absent.</summary>
    public static async ValueTask<T?> GetJsonAsync<T>(this IStorage storage, string key, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        var entry = await storage.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return entry is null ? default : entry.DecodeJson(typeInfo);
    }

    /// <summary>Encodes <paramref name="value"/> as JSON and writes it at <paramref name="key"/>.</summary>
    public static ValueTask PutJsonAsync<T>(this IStorage storage, string key, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        => storage.PutAsync(StorageEntry.FromJson(key, value, typeInfo), cancellationToken);
}
