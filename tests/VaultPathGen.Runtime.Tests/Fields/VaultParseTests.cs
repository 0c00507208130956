namespace VaultPathGen.Tests.Fields;

// Expected values were produced by Go's strconv and time packages on the same inputs.
public class VaultParseTests
{
    [Theory]
    [InlineData("0x1F", 31L)]
    [InlineData("0X1f", 31L)]
    [InlineData("042", 34L)]
    [InlineData("0b101", 5L)]
    [InlineData("0B11", 3L)]
    [InlineData("0o17", 15L)]
    [InlineData("0O17", 15L)]
    [InlineData("1_000", 1000L)]
    [InlineData("1_0_0", 100L)]
    [InlineData("0x_1F", 31L)]
    [InlineData("0x1_f", 31L)]
    [InlineData("0b_1", 1L)]
    [InlineData("0_7", 7L)]
    [InlineData("+5", 5L)]
    [InlineData("-5", -5L)]
    [InlineData("-0x10", -16L)]
    [InlineData("0", 0L)]
    [InlineData("00", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    public void ParseInt_accepts_gos_syntax(string s, long expected)
    {
        Assert.True(VaultParse.TryParseInt(s, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("08")]
    [InlineData("0x")]
    [InlineData("0o")]
    [InlineData("0b")]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("1__0")]
    [InlineData("-_1")]
    [InlineData("0_x1")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("4.2")]
    [InlineData("1e3")]
    [InlineData("+-5")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("0x1g")]
    [InlineData("0b102")]
    [InlineData("١٢")]
    public void ParseInt_refuses_what_go_refuses(string s)
    {
        Assert.False(VaultParse.TryParseInt(s, out _));
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("0x8000000000000000")]
    [InlineData("99999999999999999999999")]
    public void ParseInt_reports_overflow_as_out_of_range(string s)
    {
        Assert.False(VaultParse.TryParseInt(s, 0, out _, out var outOfRange));
        Assert.True(outOfRange);
    }

    [Theory]
    [InlineData("0x10")]
    [InlineData("1_000")]
    public void ParseInt_base_10_has_no_prefixes_or_underscores(string s)
    {
        Assert.False(VaultParse.TryParseInt(s, 10, out _, out _));
        Assert.True(VaultParse.TryParseInt("010", 10, out var ten, out _));
        Assert.Equal(10L, ten);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("1_000.5", 1000.5)]
    [InlineData("1_0", 10.0)]
    [InlineData("0.1_0", 0.1)]
    [InlineData("1.", 1.0)]
    [InlineData(".5", 0.5)]
    [InlineData("+.5e1", 5.0)]
    [InlineData("007.5", 7.5)]
    [InlineData("1E+2", 100.0)]
    [InlineData("1e-400", 0.0)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    public void ParseFloat_accepts_decimal(string s, double expected)
    {
        Assert.True(VaultParse.TryParseFloat(s, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void ParseFloat_keeps_negative_zero()
    {
        Assert.True(VaultParse.TryParseFloat("-0", out var value));
        Assert.True(double.IsNegative(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x1F")]
    [InlineData("0x1p4")]
    [InlineData("inf")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("1e")]
    [InlineData("e5")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData(" 1")]
    [InlineData("1,5")]
    [InlineData("_1")]
    [InlineData("1_.5")]
    public void ParseFloat_refuses_hex_special_values_and_junk(string s)
    {
        Assert.False(VaultParse.TryParseFloat(s, out _));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void ParseBool_accepts_gos_set(string s, bool expected)
    {
        Assert.True(VaultParse.TryParseBool(s, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("tRUE")]
    [InlineData("2")]
    [InlineData(" true")]
    public void ParseBool_refuses_others(string s)
    {
        Assert.False(VaultParse.TryParseBool(s, out _));
    }

    [Theory]
    // Go's time.ParseDuration in nanoseconds, divided by 1e9 toward zero.
    [InlineData("", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-42", -42L)]
    [InlineData("+42", 42L)]
    [InlineData("1d", 86_400L)]
    [InlineData("-1d", -86_400L)]
    [InlineData("+2d", 172_800L)]
    [InlineData("1h30m", 5_400L)]
    [InlineData("1.5h", 5_400L)]
    [InlineData("0.3h", 1_080L)]
    [InlineData("-2m", -120L)]
    [InlineData("300ms", 0L)]
    [InlineData("1500ms", 1L)]
    [InlineData("1us", 0L)]
    [InlineData("1µs", 0L)]
    [InlineData("1μs", 0L)]
    [InlineData("1.999s", 1L)]
    [InlineData("-1.5s", -1L)]
    [InlineData("-1.999s", -1L)]
    [InlineData("1m30.5s", 90L)]
    [InlineData("1.s", 1L)]
    [InlineData(".5s", 0L)]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("+0", 0L)]
    [InlineData("0.9999999999999999999s", 1L)]
    [InlineData("1.00000000000000000001h", 3_600L)]
    [InlineData("2562047h47m16.854775807s", 9_223_372_036L)]
    [InlineData("-2562047h47m16.854775808s", -9_223_372_036L)]
    [InlineData("9223372036854775807ns", 9_223_372_036L)]
    [InlineData("9223372036", 9_223_372_036L)]
    [InlineData("106751d", 9_223_286_400L)]
    public void ParseDurationSeconds_matches_vault(string s, long expected)
    {
        Assert.True(VaultParse.TryParseDurationSeconds(s, out var seconds, out var error), error);
        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData("1.5d", "")]
    [InlineData("d", "")]
    [InlineData("1h 30m", "unknown unit")]
    [InlineData("1H", "unknown unit")]
    [InlineData("1e3s", "unknown unit")]
    [InlineData("1.5", "missing unit")]
    [InlineData("h", "invalid duration")]
    [InlineData(".s", "invalid duration")]
    [InlineData("-", "invalid duration")]
    [InlineData(" 5", "")]
    [InlineData("2562047h47m16.854775808s", "invalid duration")]
    [InlineData("9223372036854775808ns", "invalid duration")]
    [InlineData("9223372037", "out of range")]
    [InlineData("-9223372037", "out of range")]
    [InlineData("106752d", "out of range")]
    [InlineData("99999999999999999999d", "out of range")]
    public void ParseDurationSeconds_refuses(string s, string errorPart)
    {
        Assert.False(VaultParse.TryParseDurationSeconds(s, out _, out var error));
        Assert.NotNull(error);
        Assert.Contains(errorPart, error, StringComparison.Ordinal);
        if (s.Trim().Length > 2)
        {
            Assert.DoesNotContain(s.Trim(), error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2021-12-11T10:20:30Z", "2021-12-11T10:20:30.0000000+00:00")]
    [InlineData("2021-12-11T10:20:30.123456789Z", "2021-12-11T10:20:30.1234567+00:00")]
    [InlineData("2021-12-11T10:20:30+02:00", "2021-12-11T08:20:30.0000000+00:00")]
    [InlineData("2021-12-11T1:20:30Z", "2021-12-11T01:20:30.0000000+00:00")]
    [InlineData("2021-12-11T10:20:30,5Z", "2021-12-11T10:20:30.5000000+00:00")]
    [InlineData("2021-12-11T10:20:30+24:00", "2021-12-10T10:20:30.0000000+00:00")]
    [InlineData("2021-12-11T10:20:30+02:60", "2021-12-11T07:20:30.0000000+00:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("1639218030", "2021-12-11T10:20:30.0000000+00:00")]
    [InlineData("-62135596800", "0001-01-01T00:00:00.0000000+00:00")]
    public void ParseTime_gives_utc(string s, string expectedRoundTrip)
    {
        Assert.True(VaultParse.TryParseTime(s, out var value));
        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(expectedRoundTrip, value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021-12-11")]
    [InlineData("2021-12-11T10:20:30")]
    [InlineData("2021-12-11t10:20:30Z")]
    [InlineData("2021-12-11T10:20:30z")]
    [InlineData("2021-02-29T10:20:30Z")]
    [InlineData("2021-13-01T10:20:30Z")]
    [InlineData("2021-12-11T24:00:00Z")]
    [InlineData("2021-12-11T10:60:00Z")]
    [InlineData("2021-12-11T10:20:60Z")]
    [InlineData("2021-12-11T10:20:30+25:00")]
    [InlineData("2021-12-11T10:20:30+02:61")]
    [InlineData("2021-12-11T10:20:30+0200")]
    [InlineData("2021-12-11T10:20:30.Z")]
    [InlineData("2021-12-11T10:20:30Zx")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("0x10")]
    [InlineData("1_000")]
    [InlineData("-62135596801")]
    [InlineData("253402300800")]
    public void ParseTime_refuses(string s)
    {
        Assert.False(VaultParse.TryParseTime(s, out _));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("_", true)]
    [InlineData("a.b-c_d", true)]
    [InlineData("a..b", true)]
    [InlineData("9", true)]
    [InlineData("", false)]
    [InlineData(".a", false)]
    [InlineData("a.", false)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("a b", false)]
    [InlineData("ä", false)]
    [InlineData("aäb", false)]
    [InlineData("a\n", false)]
    [InlineData("a/b", false)]
    [InlineData("a@b", false)]
    public void IsValidName_is_vaults_name_regex(string s, bool expected)
    {
        Assert.Equal(expected, VaultParse.IsValidName(s));
    }

    [Theory]
    // Go's strconv.FormatFloat(f, 'f', -1, 64).
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.5, "1.5")]
    [InlineData(100.0, "100")]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(-2.5e-10, "-0.00000000025")]
    [InlineData(0.000001234, "0.000001234")]
    [InlineData(123456789012345678.0, "123456789012345680")]
    [InlineData(9007199254740993.0, "9007199254740992")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(4.35, "4.35")]
    [InlineData(123.456e5, "12345600")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void FormatFloat_matches_go(double value, string expected)
    {
        Assert.Equal(expected, VaultParse.FormatFloat(value));
    }

    [Fact]
    public void FormatFloat_extremes_match_go()
    {
        Assert.Equal("0." + new string('0', 323) + "5", VaultParse.FormatFloat(5e-324));
        Assert.Equal("17976931348623157" + new string('0', 292), VaultParse.FormatFloat(double.MaxValue));
    }
}
