using System.Text;
using VaultPathGen.Plugin.Grpc.Http2;

namespace VaultPathGen.Runtime.Tests.Plugin;

/// <summary>
/// The HPACK decoder against what Go's encoder (golang.org/x/net/http2/hpack, the one grpc-go uses)
/// writes: Huffman-coded strings, a dynamic table shared across blocks, a table size update and
/// evictions, every static-table entry.
/// </summary>
public sealed class HpackDecoderTests
{
    /// <summary>
    /// Written by HpackVectors/main.go (<c>GO111MODULE=off GOPATH=/usr/share/gocode go run main.go</c>,
    /// Debian's golang-golang-x-net-dev): "huffman &lt;text hex&gt; &lt;code hex&gt;", or
    /// "block &lt;block hex&gt; &lt;name hex&gt; &lt;value hex&gt;...", blocks in the order one encoder wrote them.
    /// </summary>
    private const string Vectors = """
huffman 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff ffc7fffd8fffffe2fffffe3fffffe4fffffe5fffffe6fffffe7fffffe8ffffeafffffff3fffffa7fffffabffffffdfffffebfffffecfffffedfffffeefffffefffffff0ffffff1ffffff2fffffffbfffffcffffffd3fffffd7fffffdbfffffdffffffe3fffffe7fffffebfffffed4fe3f9ffaffcabf1febfafefe7fdfd2cbb00089969b71d79fb9f7fff20ffbff3ff50ddbd7f061c58f265cd9f469d5af66dddbf871e5f9cff7ff7fffc3ff9ffe45fff4719242cb34e6e9d68a6a3d7dac426defe3cfaf7fffbfe7ffbffdffffffcfffe6ffff4bfff9ffffa3fffd3ffff53fffd5ffffb3fffeb7fffdaffffb7ffff73fffeeffffdeffffebffffbfffffd9ffffdbfffebffffe0ffffeeffffc3ffff8bffff1ffffe4fffee7fffb1ffff97fffd9ffffcdffff9fffffbffffdafffeeffff4ffffb7fffee7fffe8ffffd3fffdeffffd5fffeeffffbdffffe1fffdfffff7fffff5ffffecffff07fff87fffe0ffff17fffedffff87ffff77fffeffffeaffff8bfffe3ffff93ffff87fffcbffff37ffff1fffff83ffffe1fffebfffe3ffff3fffff2ffffa3ffffd9fffff17ffffc7fffff27ffffdefffffbffffff2fffff8fffffb7fff97fff8fffffe6fffffc1fffff87ffffe7fffffc5ffffe5fffe4ffff2fffffd1fffff4ffffffefffffe3fffffc9fffff97fffb3ffffcffffb7fffcdffff4ffff9ffffd1ffffcffffeaffffafffffddffffeffffff4fffff5fffffabffffa7ffffd7fffff9bffffecfffffb7fffff3fffffe8fffffd3fffffabfffff5fffffff7ffffecfffffdbfffffbbfffff7ffffff0fffffbbf
huffman 7777772e6578616d706c652e636f6d f1e3c2e5f23a6ba0ab90f4ff
huffman 6e6f2d6361636865 a8eb10649cbf
huffman 637573746f6d2d76616c7565 25a849e95bb8e8b4bf
huffman 6170706c69636174696f6e2f67727063 1d75d0620d263d4c4d6564
huffman 73746f72616765253230756e617661696c61626c65 424f60e62aa205b50fb8cd40e3a0bf
huffman 4d6f6e2c203231204f637420323031332032303a31333a323120474d54 d07abe941054d444a8200595040b8166e082a62d1bff
block 885f8b1d75d0620d263d4c4d6564 3a737461747573 323030 636f6e74656e742d74797065 6170706c69636174696f6e2f67727063
block 40889acac8b21234da8f013040899acac8b5254207317f00 677270632d737461747573 30 677270632d6d657373616765 
block 88c0 3a737461747573 323030 636f6e74656e742d74797065 6170706c69636174696f6e2f67727063
block 7f000231347f008f424f60e62aa205b50fb8cd40e3a0bf 677270632d737461747573 3134 677270632d6d657373616765 73746f72616765253230756e617661696c61626c65
block 88c27f000231327f008bb6aeb51fc54a5254ce793f 3a737461747573 323030 636f6e74656e742d74797065 6170706c69636174696f6e2f67727063 677270632d737461747573 3132 677270632d6d657373616765 756e6b6e6f776e206d6574686f64
block 1f0884414961534086f2b12d424f4f8925a849e95bb8e8b4bf 617574686f72697a6174696f6e 736563726574 782d637573746f6d 637573746f6d2d76616c7565
block 4101764301764501764701764e01764f01765001765101765201765301765401765501765601761f0801765801765901765a01765b01765c01765d01765e01765f01766001766101766201766301766401766501766601766701766801766901766a01766b01766c01766d01766e01766f01767001767101767201767301767401767501767601767701767801767901767a01767b01767c01767d0176 3a617574686f72697479 76 3a6d6574686f64 76 3a70617468 76 3a736368656d65 76 3a737461747573 76 6163636570742d63686172736574 76 6163636570742d656e636f64696e67 76 6163636570742d6c616e6775616765 76 6163636570742d72616e676573 76 616363657074 76 6163636573732d636f6e74726f6c2d616c6c6f772d6f726967696e 76 616765 76 616c6c6f77 76 617574686f72697a6174696f6e 76 63616368652d636f6e74726f6c 76 636f6e74656e742d646973706f736974696f6e 76 636f6e74656e742d656e636f64696e67 76 636f6e74656e742d6c616e6775616765 76 636f6e74656e742d6c656e677468 76 636f6e74656e742d6c6f636174696f6e 76 636f6e74656e742d72616e6765 76 636f6e74656e742d74797065 76 636f6f6b6965 76 64617465 76 65746167 76 657870656374 76 65787069726573 76 66726f6d 76 686f7374 76 69662d6d61746368 76 69662d6d6f6469666965642d73696e6365 76 69662d6e6f6e652d6d61746368 76 69662d72616e6765 76 69662d756e6d6f6469666965642d73696e6365 76 6c6173742d6d6f646966696564 76 6c696e6b 76 6c6f636174696f6e 76 6d61782d666f727761726473 76 70726f78792d61757468656e746963617465 76 70726f78792d617574686f72697a6174696f6e 76 72616e6765 76 72656665726572 76 72656672657368 76 72657472792d6166746572 76 736572766572 76 7365742d636f6f6b6965 76 7374726963742d7472616e73706f72742d7365637572697479 76 7472616e736665722d656e636f64696e67 76 757365722d6167656e74 76 76617279 76 766961 76 7777772d61757468656e746963617465 76
block 828384858687898a8b8c8d8e90 3a6d6574686f64 474554 3a6d6574686f64 504f5354 3a70617468 2f 3a70617468 2f696e6465782e68746d6c 3a736368656d65 68747470 3a736368656d65 6874747073 3a737461747573 323034 3a737461747573 323036 3a737461747573 333034 3a737461747573 343030 3a737461747573 343034 3a737461747573 353030 6163636570742d656e636f64696e67 677a69702c206465666c617465
block 3f454003782d619d0044cb4db8ebcf802265a6dc75e7c01132d36e3af3e0089969b71d79ff4003782d629d1c6490b2cd39ba0e324859669cdd0719242cb34e6e838c921659a7374f 782d61 30313233343536373839303132333435363738393031323334353637383930313233343536373839 782d62 6162636465666768696a6162636465666768696a6162636465666768696a6162636465666768696a
block be4003782d619d0044cb4db8ebcf802265a6dc75e7c01132d36e3af3e0089969b71d79ff 782d62 6162636465666768696a6162636465666768696a6162636465666768696a6162636465666768696a 782d61 30313233343536373839303132333435363738393031323334353637383930313233343536373839
""";

    private static IEnumerable<string[]> Lines(string kind) =>
        Vectors.Split('\n').Select(l => l.Split(' ')).Where(p => p[0] == kind);

    [Fact]
    public void Go_s_Huffman_codes_decode_to_their_text_every_byte_value_included()
    {
        var count = 0;
        foreach (var line in Lines("huffman"))
        {
            var text = Convert.FromHexString(line[1]);
            var code = Convert.FromHexString(line[2]);
            var decoded = new byte[(code.Length * 8 / 5) + 1];

            var length = HpackHuffman.Decode(code, decoded);

            Assert.Equal(text, decoded[..length]);
            count++;
        }

        Assert.Equal(7, count);
    }

    [Fact]
    public void The_code_rebuilt_from_lengths_is_RFC_7541_s()
    {
        // Appendix B: 'a' 00011, ' ' 010100, '0' 00000, EOS thirty ones (and Appendix C.4.1's
        // "www.example.com" is among Go's vectors above).
        Assert.Equal((0b00011u, 5), HpackHuffman.CodeOf('a'));
        Assert.Equal((0b010100u, 6), HpackHuffman.CodeOf(' '));
        Assert.Equal((0u, 5), HpackHuffman.CodeOf('0'));
        Assert.Equal((0x3fffffffu, 30), HpackHuffman.CodeOf(256));
    }

    [Theory]
    [InlineData("ff", "invalid Huffman padding")] // eight ones: padding longer than 7 bits
    [InlineData("1fff", "invalid Huffman padding")] // 'a' then eleven ones: padding longer than 7 bits
    [InlineData("18", "invalid Huffman padding")] // 'a' then 000: padding that is not EOS's ones
    public void A_bad_Huffman_string_is_an_error(string hex, string message)
    {
        var error = Assert.Throws<HpackException>(() => HpackHuffman.Decode(Convert.FromHexString(hex), new byte[16]));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void EOS_inside_a_string_is_an_error()
    {
        // 'a' (00011), then EOS (30 ones), then a one of padding: 36 bits.
        var bits = "00011" + new string('1', 30) + "1";
        bits = bits.PadRight(40, '1');
        var bytes = Enumerable.Range(0, 5).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();

        var error = Assert.Throws<HpackException>(() => HpackHuffman.Decode(bytes, new byte[16]));
        Assert.Equal("Huffman-coded string contains EOS", error.Message);
    }

    [Fact]
    public void Go_s_header_blocks_decode_in_order_through_one_table()
    {
        var decoder = new HpackDecoder();
        var count = 0;
        foreach (var line in Lines("block"))
        {
            var expected = line.Skip(2).Select(h => Encoding.ASCII.GetString(Convert.FromHexString(h))).ToArray();
            var sink = new Recording();

            decoder.Decode(Convert.FromHexString(line[1]), sink);

            Assert.Equal(expected, sink.Fields);
            count++;
        }

        Assert.Equal(10, count);

        // The last blocks ran with a 100-byte table: two 83-byte entries never fit together.
        Assert.Equal(1, decoder.TableCount);
        Assert.Equal(3 + 40 + 32, decoder.TableSize);
    }

    [Theory]
    [InlineData("80", "header field index 0")]
    [InlineData("be", "header field index 62 is not in the table")]
    [InlineData("3fe21f", "dynamic table size update to 4097, above the 4096 allowed")]
    [InlineData("883f00", "dynamic table size update after a header field")]
    [InlineData("ff", "header block ends inside an integer")]
    [InlineData("ffffffffff0f", "integer too large in a header block")]
    [InlineData("400161", "header block ends inside a field")]
    [InlineData("4001610561", "string literal runs past the end of the header block")]
    [InlineData("400000", "empty header name")]
    public void A_malformed_block_is_an_error_that_says_what(string hex, string message)
    {
        var error = Assert.Throws<HpackException>(() => new HpackDecoder().Decode(Convert.FromHexString(hex), new Recording()));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_entry_larger_than_the_table_empties_it_and_is_not_added()
    {
        var decoder = new HpackDecoder(maxTableSize: 64);
        var sink = new Recording();
        decoder.Decode(Convert.FromHexString("40" + "0161" + "0162"), sink); // a: b, indexed (34 bytes)
        Assert.Equal(1, decoder.TableCount);

        var big = new string('x', 40);
        decoder.Decode(Convert.FromHexString("40" + "0163" + "28" + Convert.ToHexString(Encoding.ASCII.GetBytes(big))), sink);

        Assert.Equal(0, decoder.TableCount);
        Assert.Equal(0, decoder.TableSize);
        Assert.Equal(["a", "b", "c", big], sink.Fields);
    }

    [Fact]
    public void A_longer_field_than_allowed_is_an_error()
    {
        var decoder = new HpackDecoder(maxStringLength: 4);
        var error = Assert.Throws<HpackException>(() => decoder.Decode(Convert.FromHexString("000161056162636465"), new Recording()));
        Assert.Equal("header field of 5 bytes, above the 4 allowed", error.Message);
    }

    private sealed class Recording : IHpackHeaderSink
    {
        public List<string> Fields { get; } = [];

        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            Fields.Add(Encoding.ASCII.GetString(name));
            Fields.Add(Encoding.ASCII.GetString(value));
        }
    }
}
