// Linked into the generator (netstandard2.0): string-level parsing only, no System.Text.Json,
// no APIs newer than netstandard2.0. The generator uses it to check defaults at compile time,
// the runtime to coerce request input, so both agree.
using System;
using System.Globalization;
using System.Text;

namespace VaultPathGen
{
    /// <summary>Vault's (Go's) string parsing rules, shared by the generator and the runtime.</summary>
#if VAULTPATHGEN_GENERATOR
    internal
#else
    public
#endif
    static class VaultParse
    {
        /// <summary>The largest whole number of seconds Go's <c>time.Duration</c> (int64 nanoseconds) can hold.</summary>
        public const long MaxDurationSeconds = long.MaxValue / 1_000_000_000L;

        private const long NanosPerSecond = 1_000_000_000L;
        private const ulong TwoTo63 = 1UL << 63;

        /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c>: sign, 0x/0o/0b/0 prefixes, underscores.</summary>
        public static bool TryParseInt(string s, out long value) => TryParseInt(s, 0, out value, out _);

        /// <summary>
        /// Go's <c>strconv.ParseInt(s, base, 64)</c> for base 0 (prefixes and underscores) or 10
        /// (digits only); <paramref name="outOfRange"/> tells a well-formed but too large number
        /// from a malformed one.
        /// </summary>
        public static bool TryParseInt(string s, int numberBase, out long value, out bool outOfRange)
        {
            value = 0;
            outOfRange = false;
            if (s is null || s.Length == 0)
            {
                return false;
            }

            var negative = false;
            var start = 0;
            if (s[0] == '+' || s[0] == '-')
            {
                negative = s[0] == '-';
                start = 1;
            }

            if (!TryParseUnsigned(s, start, numberBase, out var magnitude, out outOfRange))
            {
                return false;
            }

            if (negative ? magnitude > TwoTo63 : magnitude >= TwoTo63)
            {
                outOfRange = true;
                return false;
            }

            value = negative ? (long)(0UL - magnitude) : (long)magnitude;
            return true;
        }

        private static bool TryParseUnsigned(string s, int start, int numberBase, out ulong value, out bool outOfRange)
        {
            value = 0;
            outOfRange = false;
            if (start >= s.Length)
            {
                return false;
            }

            var baseZero = numberBase == 0;
            var i = start;
            if (baseZero)
            {
                numberBase = 10;
                if (s[i] == '0')
                {
                    var remaining = s.Length - i;
                    var marker = remaining >= 3 ? char.ToLowerInvariant(s[i + 1]) : '\0';
                    switch (marker)
                    {
                        case 'b': numberBase = 2; i += 2; break;
                        case 'o': numberBase = 8; i += 2; break;
                        case 'x': numberBase = 16; i += 2; break;
                        default: numberBase = 8; i += 1; break;
                    }
                }
            }

            var underscores = false;
            ulong result = 0;
            for (; i < s.Length; i++)
            {
                var c = s[i];
                if (c == '_' && baseZero)
                {
                    underscores = true;
                    continue;
                }

                var digit = DigitValue(c);
                if (digit >= numberBase)
                {
                    return false;
                }

                if (result > (ulong.MaxValue - (ulong)digit) / (ulong)numberBase)
                {
                    outOfRange = true;
                    return false;
                }

                result = (result * (ulong)numberBase) + (ulong)digit;
            }

            if (underscores && !UnderscoresOk(s))
            {
                return false;
            }

            value = result;
            return true;
        }

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            var lower = (char)(c | 0x20);
            return lower >= 'a' && lower <= 'z' ? lower - 'a' + 10 : int.MaxValue;
        }

        // Go's rule: an underscore may only sit between two digits, or between a base prefix and a digit.
        private static bool UnderscoresOk(string s)
        {
            var saw = '^';
            var i = 0;
            if (s.Length >= 1 && (s[0] == '-' || s[0] == '+'))
            {
                i = 1;
            }

            var hex = false;
            if (s.Length - i >= 2 && s[i] == '0')
            {
                var marker = char.ToLowerInvariant(s[i + 1]);
                if (marker == 'b' || marker == 'o' || marker == 'x')
                {
                    i += 2;
                    saw = '0';
                    hex = marker == 'x';
                }
            }

            for (; i < s.Length; i++)
            {
                var c = s[i];
                var lower = (char)(c | 0x20);
                if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f'))
                {
                    saw = '0';
                    continue;
                }

                if (c == '_')
                {
                    if (saw != '0')
                    {
                        return false;
                    }

                    saw = '_';
                    continue;
                }

                if (saw == '_')
                {
                    return false;
                }

                saw = '!';
            }

            return saw != '_';
        }

        /// <summary>
        /// Go's <c>strconv.ParseFloat(s, 64)</c> for decimal input: optional sign, digits with an
        /// optional fraction and exponent, Go's underscore separators. Hexadecimal floats,
        /// <c>inf</c>/<c>nan</c> and values beyond the double range are refused (see docs/field-types.md).
        /// </summary>
        public static bool TryParseFloat(string s, out double value)
        {
            value = 0;
            if (s is null || s.Length == 0)
            {
                return false;
            }

            var i = 0;
            if (s[0] == '+' || s[0] == '-')
            {
                i = 1;
            }

            var mantissaDigits = 0;
            var underscores = false;
            var sawDot = false;
            for (; i < s.Length; i++)
            {
                var c = s[i];
                if (c >= '0' && c <= '9')
                {
                    mantissaDigits++;
                }
                else if (c == '_')
                {
                    underscores = true;
                }
                else if (c == '.' && !sawDot)
                {
                    sawDot = true;
                }
                else
                {
                    break;
                }
            }

            if (mantissaDigits == 0)
            {
                return false;
            }

            if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
            {
                i++;
                if (i < s.Length && (s[i] == '+' || s[i] == '-'))
                {
                    i++;
                }

                var exponentDigits = 0;
                for (; i < s.Length; i++)
                {
                    if (s[i] >= '0' && s[i] <= '9')
                    {
                        exponentDigits++;
                    }
                    else if (s[i] == '_')
                    {
                        underscores = true;
                    }
                    else
                    {
                        break;
                    }
                }

                if (exponentDigits == 0)
                {
                    return false;
                }
            }

            if (i != s.Length || (underscores && !UnderscoresOk(s)))
            {
                return false;
            }

            var text = underscores ? s.Replace("_", string.Empty) : s;
            try
            {
                value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                // .NET Framework throws where .NET Core returns infinity; both are out of range.
                return false;
            }

            return !double.IsInfinity(value) && !double.IsNaN(value);
        }

        /// <summary>Go's <c>strconv.ParseBool</c>.</summary>
        public static bool TryParseBool(string s, out bool value)
        {
            switch (s)
            {
                case "1": case "t": case "T": case "TRUE": case "true": case "True":
                    value = true;
                    return true;
                case "0": case "f": case "F": case "FALSE": case "false": case "False":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }

        /// <summary>
        /// Vault's <c>parseutil.ParseDurationSecond</c> for string input, in whole seconds:
        /// <c>""</c> is 0, an integer is seconds, <c>&lt;int&gt;d</c> is days, anything else is Go
        /// duration syntax truncated toward zero. Results beyond what Go's <c>time.Duration</c>
        /// holds (about 292 years) are errors; Vault would silently wrap them.
        /// </summary>
        public static bool TryParseDurationSeconds(string s, out long seconds, out string? error)
        {
            seconds = 0;
            error = null;
            if (s is null)
            {
                error = "could not parse duration from input";
                return false;
            }

            if (s.Length == 0)
            {
                return true;
            }

            if (TryParseInt(s, 10, out var whole, out _))
            {
                return CheckDurationSeconds(whole, 1, out seconds, out error);
            }

            if (s[s.Length - 1] == 'd')
            {
                if (TryParseInt(s.Substring(0, s.Length - 1), 10, out var days, out var daysOutOfRange))
                {
                    return CheckDurationSeconds(days, 86_400, out seconds, out error);
                }

                error = daysOutOfRange ? "duration out of range" : "invalid duration in days";
                return false;
            }

            if (!TryParseGoDuration(s, out var nanos, out error))
            {
                return false;
            }

            // Vault computes int(dur.Seconds()) through a float64, which can round up within a
            // nanosecond of the next second for durations over ~100 days; exact truncation is the documented intent.
            seconds = nanos / NanosPerSecond;
            return true;
        }

        /// <summary>Checks that a whole number of seconds (times a unit) fits a Go <c>time.Duration</c>.</summary>
        public static bool CheckDurationSeconds(long value, long unitSeconds, out long seconds, out string? error)
        {
            error = null;
            seconds = 0;
            var limit = MaxDurationSeconds / unitSeconds;
            if (value > limit || value < -limit)
            {
                error = "duration out of range";
                return false;
            }

            seconds = value * unitSeconds;
            return true;
        }

        // Go's time.ParseDuration, with its float64 arithmetic for fractions kept so results match to the nanosecond.
        private static bool TryParseGoDuration(string s, out long nanos, out string? error)
        {
            nanos = 0;
            error = "invalid duration";
            var i = 0;
            var negative = false;
            if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
            {
                negative = s[0] == '-';
                i = 1;
            }

            if (s.Length - i == 1 && s[i] == '0')
            {
                error = null;
                return true;
            }

            if (i == s.Length)
            {
                return false;
            }

            ulong total = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (!(c == '.' || (c >= '0' && c <= '9')))
                {
                    return false;
                }

                var start = i;
                ulong whole = 0;
                for (; i < s.Length && s[i] >= '0' && s[i] <= '9'; i++)
                {
                    if (whole > TwoTo63 / 10)
                    {
                        return false;
                    }

                    whole = (whole * 10) + (ulong)(s[i] - '0');
                    if (whole > TwoTo63)
                    {
                        return false;
                    }
                }

                var hasWhole = i != start;
                ulong fraction = 0;
                double scale = 1;
                var hasFraction = false;
                if (i < s.Length && s[i] == '.')
                {
                    i++;
                    var fractionStart = i;
                    var overflow = false;
                    for (; i < s.Length && s[i] >= '0' && s[i] <= '9'; i++)
                    {
                        if (overflow)
                        {
                            continue;
                        }

                        if (fraction > (TwoTo63 - 1) / 10)
                        {
                            overflow = true;
                            continue;
                        }

                        var next = (fraction * 10) + (ulong)(s[i] - '0');
                        if (next > TwoTo63)
                        {
                            overflow = true;
                            continue;
                        }

                        fraction = next;
                        scale *= 10;
                    }

                    hasFraction = i != fractionStart;
                }

                if (!hasWhole && !hasFraction)
                {
                    return false;
                }

                var unitStart = i;
                for (; i < s.Length && s[i] != '.' && !(s[i] >= '0' && s[i] <= '9'); i++)
                {
                }

                if (i == unitStart)
                {
                    error = "missing unit in duration";
                    return false;
                }

                var unit = UnitNanos(s.Substring(unitStart, i - unitStart));
                if (unit == 0)
                {
                    error = "unknown unit in duration";
                    return false;
                }

                if (whole > TwoTo63 / unit)
                {
                    return false;
                }

                whole *= unit;
                if (fraction > 0)
                {
                    whole += (ulong)(fraction * (unit / scale));
                    if (whole > TwoTo63)
                    {
                        return false;
                    }
                }

                total += whole;
                if (total > TwoTo63)
                {
                    return false;
                }
            }

            if (negative)
            {
                nanos = (long)(0UL - total);
            }
            else if (total > long.MaxValue)
            {
                return false;
            }
            else
            {
                nanos = (long)total;
            }

            error = null;
            return true;
        }

        private static ulong UnitNanos(string unit)
        {
            switch (unit)
            {
                case "ns": return 1;
                case "us": return 1_000;
                case "\u00B5s": return 1_000; // micro sign
                case "\u03BCs": return 1_000; // Greek small letter mu
                case "ms": return 1_000_000;
                case "s": return 1_000_000_000;
                case "m": return 60_000_000_000;
                case "h": return 3_600_000_000_000;
                default: return 0;
            }
        }

        /// <summary>
        /// Vault's <c>parseutil.ParseAbsoluteTime</c> for string input; the result is UTC. Accepts
        /// what Go's <c>time.Parse</c> accepts for RFC 3339 (one-digit hours, <c>,</c> as the
        /// fraction separator, offsets up to ±24:60) or integer Unix seconds. Precision is 100 ns;
        /// times outside years 1–9999 are refused.
        /// </summary>
        public static bool TryParseTime(string s, out DateTimeOffset value)
        {
            value = default;
            if (s is null)
            {
                return false;
            }

            if (TryParseRfc3339(s, out value))
            {
                return true;
            }

            if (TryParseInt(s, 10, out var epoch, out _))
            {
                const long MinUnix = -62_135_596_800L;
                const long MaxUnix = 253_402_300_799L;
                if (epoch < MinUnix || epoch > MaxUnix)
                {
                    return false;
                }

                value = DateTimeOffset.FromUnixTimeSeconds(epoch);
                return true;
            }

            return false;
        }

        private static bool TryParseRfc3339(string s, out DateTimeOffset value)
        {
            value = default;
            var p = 0;
            if (!Digits(s, ref p, 4, out var year) || !Literal(s, ref p, '-')
                || !Digits(s, ref p, 2, out var month) || !Literal(s, ref p, '-')
                || !Digits(s, ref p, 2, out var day) || !Literal(s, ref p, 'T'))
            {
                return false;
            }

            // Go's layout "15" takes one or two digits.
            if (!Digits(s, ref p, 1, out var hour))
            {
                return false;
            }

            if (p < s.Length && s[p] >= '0' && s[p] <= '9')
            {
                hour = (hour * 10) + (s[p] - '0');
                p++;
            }

            if (!Literal(s, ref p, ':') || !Digits(s, ref p, 2, out var minute)
                || !Literal(s, ref p, ':') || !Digits(s, ref p, 2, out var second))
            {
                return false;
            }

            long fractionTicks = 0;
            if (p + 1 < s.Length && (s[p] == '.' || s[p] == ',') && s[p + 1] >= '0' && s[p + 1] <= '9')
            {
                p++;
                var weight = TimeSpan.TicksPerSecond / 10;
                for (; p < s.Length && s[p] >= '0' && s[p] <= '9'; p++)
                {
                    fractionTicks += (s[p] - '0') * weight;
                    weight /= 10;
                }
            }

            var offsetMinutes = 0;
            if (p < s.Length && s[p] == 'Z')
            {
                p++;
            }
            else
            {
                if (s.Length - p != 6 || (s[p] != '+' && s[p] != '-') || s[p + 3] != ':')
                {
                    return false;
                }

                var sign = s[p] == '-' ? -1 : 1;
                p++;
                if (!Digits(s, ref p, 2, out var offsetHours) || !Literal(s, ref p, ':') || !Digits(s, ref p, 2, out var offsetMins))
                {
                    return false;
                }

                // Go allows 24 hours and 60 minutes here ("some people do write offsets of 24 hours").
                if (offsetHours > 24 || offsetMins > 60)
                {
                    return false;
                }

                offsetMinutes = sign * ((offsetHours * 60) + offsetMins);
            }

            if (p != s.Length || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || year < 1)
            {
                return false;
            }

            if (day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
            var utc = local - (offsetMinutes * TimeSpan.TicksPerMinute);
            if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            value = new DateTimeOffset(utc, TimeSpan.Zero);
            return true;
        }

        private static bool Digits(string s, ref int p, int count, out int value)
        {
            value = 0;
            if (s.Length - p < count)
            {
                return false;
            }

            for (var k = 0; k < count; k++)
            {
                var c = s[p + k];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            p += count;
            return true;
        }

        private static bool Literal(string s, ref int p, char c)
        {
            if (p < s.Length && s[p] == c)
            {
                p++;
                return true;
            }

            return false;
        }

        /// <summary>Whether <paramref name="s"/> matches <c>^\w(([\w-.]+)?\w)?$</c> with ASCII <c>\w</c>.</summary>
        public static bool IsValidName(string s)
        {
            if (s is null || s.Length == 0 || !IsWordChar(s[0]) || !IsWordChar(s[s.Length - 1]))
            {
                return false;
            }

            for (var i = 1; i < s.Length - 1; i++)
            {
                var c = s[i];
                if (!IsWordChar(c) && c != '-' && c != '.')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsWordChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';

        /// <summary>A float formatted the way Go's <c>strconv.FormatFloat(f, 'f', -1, 64)</c> does.</summary>
        public static string FormatFloat(double value)
        {
            if (double.IsNaN(value))
            {
                return "NaN";
            }

            if (double.IsInfinity(value))
            {
                return value > 0 ? "+Inf" : "-Inf";
            }

            // "R" gives the shortest round-trip digits on .NET Core 3.0+ (the same digits Go picks);
            // only the exponent notation has to be unfolded.
            var r = value.ToString("R", CultureInfo.InvariantCulture);
            var negative = r[0] == '-';
            var body = negative ? r.Substring(1) : r;
            var exponent = 0;
            var e = body.IndexOf('E');
            if (e >= 0)
            {
                var k = e + 1;
                var exponentSign = 1;
                if (body[k] == '+' || body[k] == '-')
                {
                    exponentSign = body[k] == '-' ? -1 : 1;
                    k++;
                }

                for (; k < body.Length; k++)
                {
                    exponent = (exponent * 10) + (body[k] - '0');
                }

                exponent *= exponentSign;
                body = body.Substring(0, e);
            }

            var dot = body.IndexOf('.');
            var digits = dot >= 0 ? body.Remove(dot, 1) : body;
            var pointPosition = (dot >= 0 ? dot : body.Length) + exponent;

            var leadingZeros = 0;
            while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
            {
                leadingZeros++;
            }

            digits = digits.Substring(leadingZeros);
            pointPosition -= leadingZeros;
            digits = digits.TrimEnd('0');
            if (digits.Length == 0)
            {
                return negative ? "-0" : "0";
            }

            var sb = new StringBuilder(digits.Length + Math.Abs(pointPosition) + 3);
            if (negative)
            {
                sb.Append('-');
            }

            if (pointPosition <= 0)
            {
                sb.Append("0.").Append('0', -pointPosition).Append(digits);
            }
            else if (pointPosition >= digits.Length)
            {
                sb.Append(digits).Append('0', pointPosition - digits.Length);
            }
            else
            {
                sb.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
            }

            return sb.ToString();
        }
    }
}
