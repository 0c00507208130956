using System.Text;

namespace VaultPathGen.Plugin.Grpc.Http2;

/// <summary>A header block that cannot be decoded: a connection error (COMPRESSION_ERROR, RFC 9113 4.3).</summary>
internal sealed class HpackException(string message) : Exception(message);

/// <summary>Receives the fields of one header block, in order.</summary>
internal interface IHpackHeaderSink
{
    void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value);
}

/// <summary>
/// HPACK decoding (RFC 7541): the static table, a dynamic table of the size this side advertised,
/// Huffman-coded strings. One decoder per connection, fed every header block in the order received,
/// including blocks of streams nobody waits for any more, or its table falls out of step.
/// </summary>
internal sealed class HpackDecoder
{
    /// <summary>The table size HTTP/2 starts with (SETTINGS_HEADER_TABLE_SIZE's default).</summary>
    public const int DefaultMaxTableSize = 4096;

    /// <summary>Per entry on top of its name and value (RFC 7541, 4.1).</summary>
    private const int EntryOverhead = 32;

    private static readonly (byte[] Name, byte[] Value)[] StaticTable = BuildStaticTable();

    private readonly int _maxTableSizeLimit;
    private readonly int _maxStringLength;
    private (byte[] Name, byte[] Value)[] _entries = new (byte[], byte[])[16];
    private int _newest = -1;
    private int _count;
    private int _size;
    private int _maxTableSize;
    private byte[] _scratch = new byte[256];

    /// <param name="maxTableSize">The SETTINGS_HEADER_TABLE_SIZE this side sent: the most the peer may ask for.</param>
    /// <param name="maxStringLength">The longest name or value accepted.</param>
    public HpackDecoder(int maxTableSize = DefaultMaxTableSize, int maxStringLength = 64 * 1024)
    {
        _maxTableSizeLimit = maxTableSize;
        _maxTableSize = maxTableSize;
        _maxStringLength = maxStringLength;
    }

    /// <summary>The dynamic table's size as RFC 7541 counts it (for tests).</summary>
    internal int TableSize => _size;

    /// <summary>Entries in the dynamic table (for tests).</summary>
    internal int TableCount => _count;

    /// <summary>Decodes one complete header block.</summary>
    /// <exception cref="HpackException">The block is malformed.</exception>
    public void Decode(ReadOnlySpan<byte> block, IHpackHeaderSink sink)
    {
        var fieldSeen = false;
        while (!block.IsEmpty)
        {
            var first = block[0];
            if ((first & 0x80) != 0)
            {
                // Indexed header field.
                var index = ReadInteger(ref block, 7);
                var (name, value) = Entry(index);
                sink.OnHeader(name, value);
                fieldSeen = true;
            }
            else if ((first & 0xC0) == 0x40)
            {
                // Literal with incremental indexing.
                ReadLiteral(ref block, 6, out var name, out var value);
                sink.OnHeader(name, value);
                Add(name.ToArray(), value.ToArray());
                fieldSeen = true;
            }
            else if ((first & 0xE0) == 0x20)
            {
                // Dynamic table size update: only before the first field (RFC 7541, 4.2).
                if (fieldSeen)
                {
                    throw new HpackException("dynamic table size update after a header field");
                }

                var size = ReadInteger(ref block, 5);
                if (size > _maxTableSizeLimit)
                {
                    throw new HpackException($"dynamic table size update to {size}, above the {_maxTableSizeLimit} allowed");
                }

                _maxTableSize = size;
                Evict(0);
            }
            else
            {
                // Literal without indexing (0000) or never indexed (0001).
                ReadLiteral(ref block, 4, out var name, out var value);
                sink.OnHeader(name, value);
                fieldSeen = true;
            }
        }
    }

    /// <summary>
    /// A literal field's name and value. Huffman-coded ones are decoded into the scratch buffer, the
    /// value after the name; both stay valid until the next field is read.
    /// </summary>
    private void ReadLiteral(ref ReadOnlySpan<byte> block, int prefixBits, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var index = ReadInteger(ref block, prefixBits);
        var used = 0;
        if (index == 0)
        {
            name = ReadString(ref block, ref used);
            if (name.IsEmpty)
            {
                throw new HpackException("empty header name");
            }
        }
        else
        {
            name = Entry(index).Name;
        }

        // A Huffman-coded name may be in the scratch buffer; if reading the value grows that buffer,
        // the name's span still points into the old array, which keeps its bytes.
        value = ReadString(ref block, ref used);
    }

    /// <summary>
    /// A string literal: raw bytes are returned in place; Huffman-coded ones are decoded into the
    /// scratch buffer after its first <paramref name="used"/> bytes.
    /// </summary>
    private ReadOnlySpan<byte> ReadString(ref ReadOnlySpan<byte> block, scoped ref int used)
    {
        if (block.IsEmpty)
        {
            throw new HpackException("header block ends inside a field");
        }

        var huffman = (block[0] & 0x80) != 0;
        var length = ReadInteger(ref block, 7);
        if (length > block.Length)
        {
            throw new HpackException("string literal runs past the end of the header block");
        }

        var raw = block[..length];
        block = block[length..];
        if (!huffman)
        {
            if (length > _maxStringLength)
            {
                throw new HpackException($"header field of {length} bytes, above the {_maxStringLength} allowed");
            }

            return raw;
        }

        // No code is shorter than 5 bits: at most 8/5 of a byte per byte.
        var most = (length * 8 / 5) + 1;
        if (used + most > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, used + most));
        }

        var decoded = HpackHuffman.Decode(raw, _scratch.AsSpan(used, most));
        if (decoded > _maxStringLength)
        {
            throw new HpackException($"header field of {decoded} bytes, above the {_maxStringLength} allowed");
        }

        var result = _scratch.AsSpan(used, decoded);
        used += decoded;
        return result;
    }

    /// <summary>An HPACK integer with an N-bit prefix (RFC 7541, 5.1), at most 2^28.</summary>
    private static int ReadInteger(ref ReadOnlySpan<byte> block, int prefixBits)
    {
        var max = (1 << prefixBits) - 1;
        var value = block[0] & max;
        block = block[1..];
        if (value < max)
        {
            return value;
        }

        var shift = 0;
        while (true)
        {
            if (block.IsEmpty)
            {
                throw new HpackException("header block ends inside an integer");
            }

            var b = block[0];
            block = block[1..];
            value += (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }

            shift += 7;
            if (shift > 21)
            {
                throw new HpackException("integer too large in a header block");
            }
        }
    }

    private (byte[] Name, byte[] Value) Entry(int index)
    {
        if (index <= 0)
        {
            throw new HpackException("header field index 0");
        }

        if (index <= StaticTable.Length)
        {
            return StaticTable[index - 1];
        }

        var dynamic = index - StaticTable.Length - 1;
        if (dynamic >= _count)
        {
            throw new HpackException($"header field index {index} is not in the table");
        }

        // Index 62 is the newest entry.
        var slot = (_newest - dynamic + _entries.Length) % _entries.Length;
        return _entries[slot];
    }

    private void Add(byte[] name, byte[] value)
    {
        var entrySize = name.Length + value.Length + EntryOverhead;
        if (entrySize > _maxTableSize)
        {
            // Larger than the whole table: it empties the table and is not added (RFC 7541, 4.4).
            _count = 0;
            _size = 0;
            Array.Clear(_entries);
            return;
        }

        Evict(entrySize);
        if (_count == _entries.Length)
        {
            var grown = new (byte[], byte[])[_entries.Length * 2];
            for (var i = 0; i < _count; i++)
            {
                // Oldest first into the new array, so the newest lands at _count - 1.
                grown[i] = _entries[(_newest - (_count - 1) + i + _entries.Length) % _entries.Length];
            }

            _entries = grown;
            _newest = _count - 1;
        }

        _newest = (_newest + 1) % _entries.Length;
        _entries[_newest] = (name, value);
        _count++;
        _size += entrySize;
    }

    /// <summary>Drops the oldest entries until <paramref name="room"/> more bytes fit.</summary>
    private void Evict(int room)
    {
        while (_count > 0 && _size + room > _maxTableSize)
        {
            var oldest = (_newest - (_count - 1) + _entries.Length) % _entries.Length;
            var (name, value) = _entries[oldest];
            _size -= name.Length + value.Length + EntryOverhead;
            _entries[oldest] = default;
            _count--;
        }
    }

    private static (byte[], byte[])[] BuildStaticTable()
    {
        // RFC 7541, Appendix A.
        string[] fields =
        [
            ":authority", "", ":method", "GET", ":method", "POST", ":path", "/", ":path", "/index.html",
            ":scheme", "http", ":scheme", "https", ":status", "200", ":status", "204", ":status", "206",
            ":status", "304", ":status", "400", ":status", "404", ":status", "500", "accept-charset", "",
            "accept-encoding", "gzip, deflate", "accept-language", "", "accept-ranges", "", "accept", "",
            "access-control-allow-origin", "", "age", "", "allow", "", "authorization", "", "cache-control", "",
            "content-disposition", "", "content-encoding", "", "content-language", "", "content-length", "",
            "content-location", "", "content-range", "", "content-type", "", "cookie", "", "date", "",
            "etag", "", "expect", "", "expires", "", "from", "", "host", "", "if-match", "",
            "if-modified-since", "", "if-none-match", "", "if-range", "", "if-unmodified-since", "",
            "last-modified", "", "link", "", "location", "", "max-forwards", "", "proxy-authenticate", "",
            "proxy-authorization", "", "range", "", "referer", "", "refresh", "", "retry-after", "",
            "server", "", "set-cookie", "", "strict-transport-security", "", "transfer-encoding", "",
            "user-agent", "", "vary", "", "via", "", "www-authenticate", "",
        ];
        var table = new (byte[], byte[])[fields.Length / 2];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (Encoding.ASCII.GetBytes(fields[2 * i]), Encoding.ASCII.GetBytes(fields[(2 * i) + 1]));
        }

        return table;
    }
}
