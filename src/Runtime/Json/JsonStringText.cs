using System.Globalization;
using System.Text;

namespace VaultPathGen.Json;

/// <summary>
/// The text of a JSON string token as Go's decoder produces it: invalid UTF-8 and escapes of lone
/// surrogates become U+FFFD instead of failing (System.Text.Json throws on both).
/// </summary>
internal static class JsonStringText
{
    private const char Replacement = '\uFFFD';

    /// <summary>Unescaped UTF-8; invalid sequences become U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    /// <summary>A token's raw bytes (between the quotes) with its escapes resolved.</summary>
    public static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        while (raw.Length > 0)
        {
            var slash = raw.IndexOf((byte)'\\');
            if (slash < 0)
            {
                text.Append(Decode(raw));
                break;
            }

            text.Append(Decode(raw[..slash]));
            raw = raw[slash..];

            // The reader has validated the escapes: a letter after '\' and four hex digits after 'u'.
            var escape = raw[1];
            if (escape != (byte)'u')
            {
                text.Append(escape switch
                {
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    _ => (char)escape,
                });
                raw = raw[2..];
                continue;
            }

            var unit = Hex(raw[2..6]);
            raw = raw[6..];
            if (char.IsHighSurrogate(unit) && raw.Length >= 6 && raw[0] == (byte)'\\' && raw[1] == (byte)'u' && char.IsLowSurrogate(Hex(raw[2..6])))
            {
                text.Append(unit).Append(Hex(raw[2..6]));
                raw = raw[6..];
            }
            else
            {
                text.Append(char.IsSurrogate(unit) ? Replacement : unit);
            }
        }

        return text.ToString();
    }

    /// <summary>A string with each lone surrogate replaced by U+FFFD (what Go makes of one).</summary>
    public static string Sanitize(string value)
    {
        if (value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return value;
        }

        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = Replacement;
            }
        }

        return new string(chars);
    }

    private static char Hex(ReadOnlySpan<byte> digits)
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            chars[i] = (char)digits[i];
        }

        return (char)ushort.Parse(chars, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
