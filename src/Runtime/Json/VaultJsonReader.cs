using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VaultPathGen.Json;

/// <summary>
/// Reads request JSON the way Vault's Go decoder sees it, for every way data reaches a backend (dev
/// mode's HTTP bodies, <c>VaultTestHost</c>, the plugin transport): the last of duplicate keys wins
/// at every depth, invalid UTF-8 and lone UTF-16 surrogates become U+FFFD, numbers keep their text.
/// The tree is built eagerly, so nothing about the input can fail later inside a handler or while
/// the answer is written.
/// </summary>
internal static class VaultJsonReader
{
    /// <summary>
    /// Nesting limit. Go's decoder allows 10000; System.Text.Json writes at most 1000 levels, and the
    /// answer wraps request data in a few more, so reading stops well below that.
    /// </summary>
    public const int MaxDepth = 512;

    private const int ChunkSize = 64 * 1024;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses one JSON value; null for JSON <c>null</c>.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        var builder = new TreeBuilder();
        var reader = new Utf8JsonReader(utf8, isFinalBlock: true, new JsonReaderState(Options));
        builder.Feed(ref reader);
        return builder.Result();
    }

    /// <summary>Parses one JSON value from text (lone surrogates in it become U+FFFD on the way to UTF-8).</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static JsonNode? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            return Parse(bytes.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// Parses a body as it arrives, holding only the token being read besides the tree: a large body
    /// is never copied whole. <c>Empty</c> is true for a body of nothing but whitespace; <c>Bytes</c> is
    /// the body's length.
    /// </summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    /// <exception cref="RequestTooLargeException">More than <paramref name="maxBytes"/> arrived.</exception>
    public static async ValueTask<(JsonNode? Node, bool Empty, long Bytes)> ParseAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var builder = new TreeBuilder();
        var state = new JsonReaderState(Options);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var filled = 0;
        long total = 0;
        var content = false;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // One token longer than the buffer: grow to hold it. Not from the pool, which
                    // would keep a large buffer alive after the request.
                    var bigger = new byte[Math.Min(buffer.Length * 2L, Array.MaxLength)];
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    Release(buffer);
                    buffer = bigger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                total += read;
                if (total > maxBytes)
                {
                    throw new RequestTooLargeException();
                }

                content |= buffer.AsSpan(filled, read).IndexOfAnyExcept(" \t\r\n"u8) >= 0;
                filled += read;
                var final = read == 0;
                if (final && !content)
                {
                    return (null, true, total);
                }

                if (content)
                {
                    var consumed = Feed(builder, buffer.AsSpan(0, filled), final, ref state);
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }

                if (final)
                {
                    return (builder.Result(), false, total);
                }
            }
        }
        finally
        {
            Release(buffer);
        }
    }

    private static void Release(byte[] buffer)
    {
        if (buffer.Length <= ChunkSize)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Feed(TreeBuilder builder, ReadOnlySpan<byte> data, bool final, ref JsonReaderState state)
    {
        var reader = new Utf8JsonReader(data, final, state);
        builder.Feed(ref reader);
        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>Builds the tree one token at a time, so it can pause at a buffer's end.</summary>
    private sealed class TreeBuilder
    {
        private readonly Stack<JsonNode> _open = new();
        private readonly Stack<string?> _names = new();
        private string? _name;
        private JsonNode? _root;
        private bool _done;

        public void Feed(ref Utf8JsonReader reader)
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        Open(new JsonObject());
                        break;
                    case JsonTokenType.StartArray:
                        Open(new JsonArray());
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        _open.Pop();
                        _name = _names.Pop();
                        _done = _open.Count == 0;
                        break;
                    case JsonTokenType.PropertyName:
                        _name = ReadString(ref reader);
                        break;
                    case JsonTokenType.String:
                        Add(JsonValue.Create(ReadString(ref reader)));
                        break;
                    case JsonTokenType.Number:
                        // Keeps the number's text, as Vault's UseNumber does: no float rounding.
                        Add(JsonValue.Create(JsonElement.ParseValue(ref reader)));
                        break;
                    case JsonTokenType.True:
                        Add(JsonValue.Create(true));
                        break;
                    case JsonTokenType.False:
                        Add(JsonValue.Create(false));
                        break;
                    case JsonTokenType.Null:
                        Add(null);
                        break;
                }
            }
        }

        public JsonNode? Result() => _done ? _root : throw new JsonException("unexpected end of JSON input");

        private void Open(JsonNode container)
        {
            Add(container);
            _names.Push(_name);
            _name = null;
            _open.Push(container);
        }

        private void Add(JsonNode? node)
        {
            if (_open.Count == 0)
            {
                _root = node;
                _done = node is not (JsonObject or JsonArray);
                return;
            }

            switch (_open.Peek())
            {
                case JsonObject obj:
                    // The indexer replaces an earlier value: Go keeps the last of duplicate keys.
                    obj[_name!] = node;
                    break;
                case JsonArray array:
                    array.Add(node);
                    break;
            }
        }

        private static string ReadString(ref Utf8JsonReader reader)
        {
            if (reader.HasValueSequence)
            {
                var raw = reader.ValueSequence.ToArray();
                return reader.ValueIsEscaped ? JsonStringText.Unescape(raw) : JsonStringText.Decode(raw);
            }

            return reader.ValueIsEscaped ? JsonStringText.Unescape(reader.ValueSpan) : JsonStringText.Decode(reader.ValueSpan);
        }
    }
}
