using System.Globalization;
using System.Text;

namespace KvEngine;

/// <summary>Values printed the way Vault's Go code prints them, so clients parsing Vault's output parse ours.</summary>
internal static class VaultText
{
    /// <summary>
    /// Go's <c>time.RFC3339Nano</c> in UTC, as <c>ptypes.TimestampString</c> prints: trailing zeros of the
    /// fraction dropped, no fraction at all on a whole second; <c>""</c> for no time.
    /// </summary>
    public static string Timestamp(DateTimeOffset? time)
    {
        if (time is not { } t)
        {
            return "";
        }

        var utc = t.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            text += "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + "Z";
    }

    /// <summary>Go's <c>time.Duration.String</c> for whole seconds: <c>0s</c>, <c>45s</c>, <c>1m30s</c>, <c>1h0m0s</c>.</summary>
    public static string Duration(long seconds)
    {
        if (seconds == 0)
        {
            return "0s";
        }

        var sign = seconds < 0 ? "-" : "";
        var magnitude = (ulong)Math.Abs((decimal)seconds);
        var (hours, minutes, rest) = (magnitude / 3600, magnitude / 60 % 60, magnitude % 60);
        return hours > 0 ? $"{sign}{hours}h{minutes}m{rest}s"
            : minutes > 0 ? $"{sign}{minutes}m{rest}s"
            : $"{sign}{rest}s";
    }

    /// <summary>Go's <c>%q</c> of a string: quoted, with quotes, backslashes and unprintable runes escaped.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\a': text.Append("\\a"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\v': text.Append("\\v"); break;
                default:
                    if (IsPrintable(rune))
                    {
                        text.Append(rune.ToString());
                    }
                    else if (rune.Value < 0x80)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
                    }
                    else if (rune.Value <= 0xFFFF)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
                    }
                    else
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>Go's <c>strutil.Printable</c>: every rune passes <c>unicode.IsPrint</c>.</summary>
    public static bool IsPrintable(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (!IsPrintable(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// How <c>go-multierror</c> prints a list of errors, which Vault puts verbatim into the error response.
    /// </summary>
    public static string MultiError(IReadOnlyList<string> errors) => errors.Count == 1
        ? $"1 error occurred:\n\t* {errors[0]}\n\n"
        : $"{errors.Count} errors occurred:\n\t{string.Join("\n\t", errors.Select(e => "* " + e))}\n\n";

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space only.
    private static bool IsPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation
            or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
        _ => false,
    };
}
