// Linked into the generator (netstandard2.0): string-level parsing only, no System.Text.Json,
// no APIs newer than netstandard2.0. The generator uses it to check defaults at compile time,
// the runtime to coerce request input, so both agree.
using System;

namespace VaultPathGen
{
    /// <summary>Vault's (Go's) string parsing rules, shared by the generator and the runtime.</summary>
    public static class VaultParse
    {
        /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c>: sign, 0x/0o/0b/0 prefixes, underscores.</summary>
        public static bool TryParseInt(string s, out long value) => throw new NotImplementedException();

        /// <summary>Go's <c>strconv.ParseFloat(s, 64)</c> for decimal input.</summary>
        public static bool TryParseFloat(string s, out double value) => throw new NotImplementedException();

        /// <summary>Go's <c>strconv.ParseBool</c>.</summary>
        public static bool TryParseBool(string s, out bool value) => throw new NotImplementedException();

        /// <summary>Vault's <c>parseutil.ParseDurationSecond</c> for string input, in whole seconds.</summary>
        public static bool TryParseDurationSeconds(string s, out long seconds, out string? error) => throw new NotImplementedException();

        /// <summary>Vault's <c>parseutil.ParseAbsoluteTime</c> for string input; the result is UTC.</summary>
        public static bool TryParseTime(string s, out DateTimeOffset value) => throw new NotImplementedException();

        /// <summary>Whether <paramref name="s"/> matches <c>^\w(([\w-.]+)?\w)?$</c> with ASCII <c>\w</c>.</summary>
        public static bool IsValidName(string s) => throw new NotImplementedException();

        /// <summary>A float formatted the way Go's <c>strconv.FormatFloat(f, 'f', -1, 64)</c> does.</summary>
        public static string FormatFloat(double value) => throw new NotImplementedException();
    }
}
