namespace VaultPathGen.Plugin.Grpc.Http2;

/// <summary>
/// HPACK's Huffman code (RFC 7541, Appendix B), decoding only. The code is canonical: codes are
/// handed out shortest first and, within one length, in symbol order, so each symbol's code length
/// is all it takes to rebuild every code.
/// </summary>
internal static class HpackHuffman
{
    private const int Eos = 256;
    private const int MaxCodeLength = 30;

    /// <summary>The code length in bits of each symbol, 0-255, then EOS.</summary>
    private static ReadOnlySpan<byte> CodeLengths =>
    [
        13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,
        28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,
        5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
        13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
        7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
        15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,
        6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
        20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,
        24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
        22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,
        21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
        26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
        19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
        20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,
        26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
        30,
    ];

    /// <summary>For each length, the first code of that length, and where its symbols start in <see cref="Symbols"/>.</summary>
    private static readonly int[] FirstCode = new int[MaxCodeLength + 2];
    private static readonly int[] Count = new int[MaxCodeLength + 1];
    private static readonly int[] Offset = new int[MaxCodeLength + 1];

    /// <summary>Symbols ordered by code (length, then symbol).</summary>
    private static readonly short[] Symbols = new short[Eos + 1];

    static HpackHuffman()
    {
        var lengths = CodeLengths;
        foreach (var length in lengths)
        {
            Count[length]++;
        }

        var code = 0;
        var offset = 0;
        for (var length = 1; length <= MaxCodeLength; length++)
        {
            FirstCode[length] = code;
            Offset[length] = offset;
            offset += Count[length];
            code = (code + Count[length]) << 1;
        }

        var next = (int[])Offset.Clone();
        for (var length = 1; length <= MaxCodeLength; length++)
        {
            for (var symbol = 0; symbol <= Eos; symbol++)
            {
                if (lengths[symbol] == length)
                {
                    Symbols[next[length]++] = (short)symbol;
                }
            }
        }
    }

    /// <summary>The code of <paramref name="symbol"/> (right-aligned) and its length: for tests.</summary>
    internal static (uint Code, int Length) CodeOf(int symbol)
    {
        int length = CodeLengths[symbol];
        var index = Array.IndexOf(Symbols, (short)symbol, Offset[length], Count[length]);
        return ((uint)(FirstCode[length] + index - Offset[length]), length);
    }

    /// <summary>
    /// Decodes <paramref name="source"/> into <paramref name="destination"/>, which must hold at least
    /// <c>source.Length * 8 / 5</c> bytes (no code is shorter than 5 bits). Returns the length decoded.
    /// </summary>
    /// <exception cref="HpackException">EOS in the string, padding longer than 7 bits, or padding that is not EOS's leading ones.</exception>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        var code = 0;
        var length = 0;
        foreach (var b in source)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                code = (code << 1) | ((b >> bit) & 1);
                length++;
                var index = code - FirstCode[length];
                if ((uint)index < (uint)Count[length])
                {
                    var symbol = Symbols[Offset[length] + index];
                    if (symbol == Eos)
                    {
                        throw new HpackException("Huffman-coded string contains EOS");
                    }

                    destination[written++] = (byte)symbol;
                    code = 0;
                    length = 0;
                }
                else if (length == MaxCodeLength)
                {
                    // Unreachable for a complete code; kept so a bad table can never loop past it.
                    throw new HpackException("invalid Huffman code");
                }
            }
        }

        // What is left must be a prefix of EOS (all ones), shorter than a byte.
        if (length > 7 || code != (1 << length) - 1)
        {
            throw new HpackException("invalid Huffman padding");
        }

        return written;
    }
}
