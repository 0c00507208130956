package main

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"golang.org/x/net/http2/hpack"
)

func main() {
	// 1. Huffman: every byte value, and a few texts.
	all := make([]byte, 256)
	for i := range all { all[i] = byte(i) }
	for _, s := range []string{string(all), "www.example.com", "no-cache", "custom-value", "application/grpc", "storage%20unavailable", "Mon, 21 Oct 2013 20:13:21 GMT"} {
		fmt.Printf("huffman %s %s\n", hex.EncodeToString([]byte(s)), hex.EncodeToString(hpack.AppendHuffmanString(nil, s)))
	}
	// 2. Header blocks from one encoder (dynamic table shared), as grpc-go sends replies.
	var buf bytes.Buffer
	enc := hpack.NewEncoder(&buf)
	block := func(fields ...string) {
		buf.Reset()
		for i := 0; i < len(fields); i += 2 {
			enc.WriteField(hpack.HeaderField{Name: fields[i], Value: fields[i+1], Sensitive: fields[i] == "authorization"})
		}
		fmt.Printf("block %s", hex.EncodeToString(buf.Bytes()))
		for _, f := range fields { fmt.Printf(" %s", hex.EncodeToString([]byte(f))) }
		fmt.Println()
	}
	block(":status", "200", "content-type", "application/grpc")
	block("grpc-status", "0", "grpc-message", "")
	block(":status", "200", "content-type", "application/grpc")
	block("grpc-status", "14", "grpc-message", "storage%20unavailable")
	block(":status", "200", "content-type", "application/grpc", "grpc-status", "12", "grpc-message", "unknown method")
	block("authorization", "secret", "x-custom", "custom-value")
	// every static name
	names := []string{":authority", ":method", ":path", ":scheme", ":status", "accept-charset", "accept-encoding", "accept-language", "accept-ranges", "accept", "access-control-allow-origin", "age", "allow", "authorization", "cache-control", "content-disposition", "content-encoding", "content-language", "content-length", "content-location", "content-range", "content-type", "cookie", "date", "etag", "expect", "expires", "from", "host", "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "last-modified", "link", "location", "max-forwards", "proxy-authenticate", "proxy-authorization", "range", "referer", "refresh", "retry-after", "server", "set-cookie", "strict-transport-security", "transfer-encoding", "user-agent", "vary", "via", "www-authenticate"}
	var fields []string
	for _, n := range names { fields = append(fields, n, "v") }
	block(fields...)
	// static full matches
	block(":method", "GET", ":method", "POST", ":path", "/", ":path", "/index.html", ":scheme", "http", ":scheme", "https", ":status", "204", ":status", "206", ":status", "304", ":status", "400", ":status", "404", ":status", "500", "accept-encoding", "gzip, deflate")
	// 3. A smaller table: a size update, then evictions.
	enc.SetMaxDynamicTableSize(100)
	block("x-a", "0123456789012345678901234567890123456789", "x-b", "abcdefghijabcdefghijabcdefghijabcdefghij")
	block("x-b", "abcdefghijabcdefghijabcdefghijabcdefghij", "x-a", "0123456789012345678901234567890123456789")
}
