using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VaultPathGen;

/// <summary>Conversions the generated dispatch applies to handler results.</summary>
public static class HandlerResults
{
    /// <summary>
    /// A response whose data is <paramref name="value"/> serialized with source-generated type
    /// information; null when the value is null (a read of nothing: 404).
    /// </summary>
    public static Response? FromObject<T>(T? value, JsonTypeInfo<T> typeInfo)
    {
        if (value is null)
        {
            return null;
        }

        var node = JsonSerializer.SerializeToNode(value, typeInfo);
        return node switch
        {
            JsonObject data => Response.WithData(data),
            null => null,
            _ => throw LogicalException.Internal($"the handler's {typeof(T).Name} result is not a JSON object; Vault response data must be an object"),
        };
    }

    /// <summary>The type information for <typeparamref name="T"/> from a source-generated context.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw LogicalException.Internal($"{context.GetType().Name} has no type information for {typeof(T).Name}; add [JsonSerializable(typeof({typeof(T).Name}))] to it");
    }
}
