using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>
    /// Converts attribute constants (defaults, allowed values) to a field type at compile time, with
    /// the same rules the runtime applies to request input (<c>VaultParse</c> is shared).
    /// </summary>
    internal static class ConstantConversion
    {
        /// <summary>A converted constant: C# expression of the canonical type, and the JSON as written.</summary>
        internal readonly struct Converted
        {
            public Converted(string expression, string json)
            {
                Expression = expression;
                Json = json;
            }

            public string Expression { get; }

            public string Json { get; }
        }

        public static bool TryConvert(FieldType type, TypedConstant constant, out Converted result, out string error)
        {
            result = default;
            error = "";
            if (constant.IsNull)
            {
                error = "null is not a value";
                return false;
            }

            var json = ToJson(constant);
            if (constant.Kind == TypedConstantKind.Array)
            {
                return TryConvertArray(type, constant.Values, json, out result, out error);
            }

            var value = constant.Value;
            switch (type)
            {
                case FieldType.String:
                case FieldType.LowerCaseString:
                case FieldType.NameString:
                {
                    if (!(value is string s))
                    {
                        error = "expected a string";
                        return false;
                    }

                    if (type == FieldType.LowerCaseString)
                    {
                        s = s.ToLowerInvariant();
                    }

                    if (type == FieldType.NameString && !VaultParse.IsValidName(s))
                    {
                        error = "field does not match the formatting rules";
                        return false;
                    }

                    result = new Converted(Literal(s), json);
                    return true;
                }

                case FieldType.Int:
                case FieldType.Int64:
                {
                    long n;
                    if (value is string s)
                    {
                        if (!VaultParse.TryParseInt(s, out n))
                        {
                            error = "\"" + s + "\" is not an integer";
                            return false;
                        }
                    }
                    else if (!TryInteger(value, out n))
                    {
                        error = "expected an integer";
                        return false;
                    }

                    result = new Converted(n.ToString(CultureInfo.InvariantCulture) + "L", json);
                    return true;
                }

                case FieldType.Bool:
                {
                    bool b;
                    if (value is string s)
                    {
                        if (!VaultParse.TryParseBool(s, out b))
                        {
                            error = "\"" + s + "\" is not a boolean";
                            return false;
                        }
                    }
                    else if (value is bool v)
                    {
                        b = v;
                    }
                    else
                    {
                        error = "expected a boolean";
                        return false;
                    }

                    result = new Converted(b ? "true" : "false", json);
                    return true;
                }

                case FieldType.Float:
                {
                    double d;
                    if (value is string s)
                    {
                        if (!VaultParse.TryParseFloat(s, out d))
                        {
                            error = "\"" + s + "\" is not a number";
                            return false;
                        }
                    }
                    else if (TryInteger(value, out var n))
                    {
                        d = n;
                    }
                    else if (value is double dv)
                    {
                        d = dv;
                    }
                    else if (value is float fv)
                    {
                        d = fv;
                    }
                    else
                    {
                        error = "expected a number";
                        return false;
                    }

                    result = new Converted(d.ToString("R", CultureInfo.InvariantCulture) + "d", json);
                    return true;
                }

                case FieldType.DurationSecond:
                case FieldType.SignedDurationSecond:
                {
                    long seconds;
                    if (value is string s)
                    {
                        if (!VaultParse.TryParseDurationSeconds(s, out seconds, out var parseError))
                        {
                            error = parseError ?? "\"" + s + "\" is not a duration";
                            return false;
                        }
                    }
                    else if (!TryInteger(value, out seconds))
                    {
                        error = "expected a duration string such as \"1h\" or a number of seconds";
                        return false;
                    }

                    if (type == FieldType.DurationSecond && seconds < 0)
                    {
                        error = "cannot provide a negative duration";
                        return false;
                    }

                    result = new Converted(seconds.ToString(CultureInfo.InvariantCulture) + "L", json);
                    return true;
                }

                case FieldType.Time:
                {
                    if (!(value is string s) || !VaultParse.TryParseTime(s, out var time))
                    {
                        error = "expected an RFC 3339 time string or Unix seconds as a string";
                        return false;
                    }

                    result = new Converted(
                        "new global::System.DateTimeOffset(" + time.UtcTicks.ToString(CultureInfo.InvariantCulture) + "L, global::System.TimeSpan.Zero)",
                        json);
                    return true;
                }

                case FieldType.CommaStringSlice:
                case FieldType.StringSlice:
                    if (value is string list)
                    {
                        var items = type == FieldType.CommaStringSlice
                            ? list.Split(',').Select(x => x.Trim())
                            : new[] { list.Trim() };
                        result = new Converted(StringArray(items), json);
                        return true;
                    }

                    error = "expected a string or an array of strings";
                    return false;

                case FieldType.CommaIntSlice:
                    if (value is string ints)
                    {
                        var parsed = new List<long>();
                        foreach (var item in ints.Split(','))
                        {
                            if (!VaultParse.TryParseInt(item, out var n))
                            {
                                error = "\"" + item + "\" is not an integer";
                                return false;
                            }

                            parsed.Add(n);
                        }

                        result = new Converted(LongArray(parsed), json);
                        return true;
                    }

                    error = "expected a comma-separated string or an array of integers";
                    return false;

                default:
                    error = "constant values are not supported for " + type + " fields";
                    return false;
            }
        }

        private static bool TryConvertArray(FieldType type, IEnumerable<TypedConstant> values, string json, out Converted result, out string error)
        {
            result = default;
            error = "";
            switch (type)
            {
                case FieldType.StringSlice:
                case FieldType.CommaStringSlice:
                {
                    var items = new List<string>();
                    foreach (var v in values)
                    {
                        if (!(v.Value is string s))
                        {
                            error = "expected an array of strings";
                            return false;
                        }

                        items.Add(s.Trim());
                    }

                    result = new Converted(StringArray(items), json);
                    return true;
                }

                case FieldType.CommaIntSlice:
                {
                    var items = new List<long>();
                    foreach (var v in values)
                    {
                        if (!TryInteger(v.Value, out var n))
                        {
                            error = "expected an array of integers";
                            return false;
                        }

                        items.Add(n);
                    }

                    result = new Converted(LongArray(items), json);
                    return true;
                }

                default:
                    error = "an array does not convert to " + type;
                    return false;
            }
        }

        public static string Literal(string s) => SymbolDisplay.FormatLiteral(s, quote: true);

        private static string StringArray(IEnumerable<string> items) =>
            "new string[] { " + string.Join(", ", items.Select(Literal)) + " }";

        private static string LongArray(IEnumerable<long> items) =>
            "new long[] { " + string.Join(", ", items.Select(n => n.ToString(CultureInfo.InvariantCulture) + "L")) + " }";

        private static bool TryInteger(object? value, out long n)
        {
            switch (value)
            {
                case int i: n = i; return true;
                case long l: n = l; return true;
                case short s: n = s; return true;
                case byte b: n = b; return true;
                case sbyte sb: n = sb; return true;
                case ushort us: n = us; return true;
                case uint ui: n = ui; return true;
                default: n = 0; return false;
            }
        }

        /// <summary>The constant as JSON, as the author wrote it (Vault shows defaults as written).</summary>
        public static string ToJson(TypedConstant constant)
        {
            if (constant.IsNull)
            {
                return "null";
            }

            if (constant.Kind == TypedConstantKind.Array)
            {
                return "[" + string.Join(",", constant.Values.Select(ToJson)) + "]";
            }

            switch (constant.Value)
            {
                case string s: return JsonString(s);
                case bool b: return b ? "true" : "false";
                case double d: return d.ToString("R", CultureInfo.InvariantCulture);
                case float f: return ((double)f).ToString("R", CultureInfo.InvariantCulture);
                case IFormattable n: return n.ToString(null, CultureInfo.InvariantCulture);
                default: return JsonString(constant.Value?.ToString() ?? "");
            }
        }

        private static string JsonString(string s) => Emitting.OpenApi.JsonTree.Quote(s);
    }
}
