using System.Text.Encodings.Web;
using System.Text.Json;

namespace VaultPathGen.Json;

/// <summary>How answers are written: like Go's encoder, quotes, apostrophes and <c>&lt;</c> stay as they are.</summary>
internal static class VaultJsonWriter
{
    /// <summary>For <see cref="System.Text.Json.Nodes.JsonNode.ToJsonString(JsonSerializerOptions?)"/>.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1000 };

    /// <summary>For a <see cref="Utf8JsonWriter"/>.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1000 };
}
