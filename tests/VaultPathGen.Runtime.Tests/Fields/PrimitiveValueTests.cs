using System.Text.Json;
using System.Text.Json.Nodes;

namespace VaultPathGen.Tests.Fields;

// Values built from C# primitives (JsonValue.Create) must coerce exactly like parsed JSON text.
public class PrimitiveValueTests
{
    [Fact]
    public void Integers_of_every_width_are_numbers()
    {
        foreach (var node in new JsonNode[] { JsonValue.Create(5), JsonValue.Create(5L), JsonValue.Create((short)5), JsonValue.Create((byte)5), JsonValue.Create(5u), JsonValue.Create(5UL), JsonValue.Create(5m) })
        {
            Assert.True(FieldCoercion.TryInt(node, out var i, out var error), error);
            Assert.Equal(5L, i);
            Assert.True(FieldCoercion.TryString(node, out var s, out error), error);
            Assert.Equal("5", s);
            Assert.True(FieldCoercion.TryBool(node, out var b, out error), error);
            Assert.True(b);
            Assert.True(FieldCoercion.TryDurationSecond(node, false, out var seconds, out error), error);
            Assert.Equal(5L, seconds);
        }
    }

    [Fact]
    public void Long_extremes_stay_exact()
    {
        Assert.True(FieldCoercion.TryInt(JsonValue.Create(long.MaxValue), out var max, out _));
        Assert.Equal(long.MaxValue, max);
        Assert.True(FieldCoercion.TryString(JsonValue.Create(long.MinValue), out var min, out _));
        Assert.Equal("-9223372036854775808", min);
        Assert.False(FieldCoercion.TryInt(JsonValue.Create(ulong.MaxValue), out _, out var error));
        Assert.Contains("out of range", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Doubles_follow_float64_rules()
    {
        Assert.True(FieldCoercion.TryInt(JsonValue.Create(4.7), out var i, out _));
        Assert.Equal(4L, i);
        Assert.True(FieldCoercion.TryInt(JsonValue.Create(-4.7), out i, out _));
        Assert.Equal(-4L, i);
        Assert.True(FieldCoercion.TryString(JsonValue.Create(1e21), out var s, out _));
        Assert.Equal("1000000000000000000000", s);
        Assert.True(FieldCoercion.TryString(JsonValue.Create(0.1), out s, out _));
        Assert.Equal("0.1", s);
        Assert.True(FieldCoercion.TryString(JsonValue.Create(1.5m), out s, out _));
        Assert.Equal("1.5", s);
        Assert.True(FieldCoercion.TryFloat(JsonValue.Create(2.5f), out var f, out _));
        Assert.Equal(2.5, f);
        Assert.True(FieldCoercion.TryDurationSecond(JsonValue.Create(42.7), false, out var seconds, out _));
        Assert.Equal(42L, seconds);
        Assert.False(FieldCoercion.TryDurationSecond(JsonValue.Create(-1.0), false, out _, out var error));
        Assert.Equal("cannot provide a negative duration", error);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_doubles_are_refused(double value)
    {
        Assert.False(FieldCoercion.TryFloat(JsonValue.Create(value), out _, out var error));
        Assert.NotNull(error);
        Assert.False(FieldCoercion.TryString(JsonValue.Create(value), out _, out _));
        Assert.False(FieldCoercion.TryInt(JsonValue.Create(value), out _, out _));
        Assert.False(FieldCoercion.TryBool(JsonValue.Create(value), out _, out _));
    }

    [Fact]
    public void Bools_strings_and_chars()
    {
        Assert.True(FieldCoercion.TryString(JsonValue.Create(true), out var s, out _));
        Assert.Equal("1", s);
        Assert.True(FieldCoercion.TryInt(JsonValue.Create(false), out var i, out _));
        Assert.Equal(0L, i);
        Assert.True(FieldCoercion.TryInt(JsonValue.Create("0x1F"), out i, out _));
        Assert.Equal(31L, i);
        Assert.True(FieldCoercion.TryNameString(JsonValue.Create('x'), out s, out _));
        Assert.Equal("x", s);
        Assert.True(FieldCoercion.TryDurationSecond(JsonValue.Create("1h"), false, out var seconds, out _));
        Assert.Equal(3600L, seconds);
        Assert.True(FieldCoercion.TryTime(JsonValue.Create("2021-12-11T10:20:30+02:00"), out var time, out _));
        Assert.Equal(new DateTimeOffset(2021, 12, 11, 8, 20, 30, TimeSpan.Zero), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Fact]
    public void Other_primitives_that_serialise_as_strings_are_strings()
    {
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.True(FieldCoercion.TryString(JsonValue.Create(guid), out var s, out _));
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", s);
    }

    [Fact]
    public void A_value_wrapping_a_json_null_element_is_null()
    {
        using var doc = JsonDocument.Parse("{\"n\":null}");
        var nullValue = JsonValue.Create(doc.RootElement.GetProperty("n"));
        Assert.True(FieldCoercion.TryCoerce(FieldType.DurationSecond, nullValue, out var absent, out _));
        Assert.Null(absent);
    }

    [Fact]
    public void Containers_of_primitives()
    {
        var list = new JsonArray(JsonValue.Create(1), JsonValue.Create("2"), JsonValue.Create(true), null, JsonValue.Create(2.9));
        Assert.True(FieldCoercion.TryCommaIntSlice(list, out var ints, out _));
        Assert.Equal([1L, 2L, 1L, 0L, 2L], ints);

        Assert.True(FieldCoercion.TryStringSlice(list, out var strings, out _));
        Assert.Equal(["1", "2", "1", "", "2.9"], strings);

        var pairs = new JsonObject { ["a"] = JsonValue.Create(1), ["b"] = JsonValue.Create(false), ["c"] = null };
        Assert.True(FieldCoercion.TryKVPairs(pairs, out var kv, out _));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "0", ["c"] = "" }, kv);

        var header = new JsonObject { ["x-request-id"] = JsonValue.Create("abc"), ["accept"] = new JsonArray(JsonValue.Create("a"), JsonValue.Create("b")) };
        Assert.True(FieldCoercion.TryHeader(header, out var h, out _));
        Assert.Equal(["abc"], h["X-Request-Id"]);
        Assert.Equal(["a", "b"], h["Accept"]);

        header["n"] = JsonValue.Create(5);
        Assert.False(FieldCoercion.TryHeader(header, out _, out _));
    }

    [Fact]
    public void Results_do_not_share_nodes_with_the_input()
    {
        var input = new JsonObject { ["a"] = new JsonArray(JsonValue.Create(1)) };
        Assert.True(FieldCoercion.TryMap(input, out var map, out _));
        Assert.True(FieldCoercion.TrySlice(input, out var slice, out _));
        ((JsonArray)map["a"]!).Add((JsonNode)JsonValue.Create(2));
        Assert.Single(input["a"]!.AsArray());
        Assert.NotSame(input, slice[0]);
    }
}

public class CoerceAndToJsonTests
{
    [Fact]
    public void TryCoerce_boxes_the_canonical_types()
    {
        Assert.IsType<string>(Coerce(FieldType.String, "5"));
        Assert.IsType<string>(Coerce(FieldType.LowerCaseString, "\"A\""));
        Assert.IsType<string>(Coerce(FieldType.NameString, "\"a\""));
        Assert.IsType<long>(Coerce(FieldType.Int, "5"));
        Assert.IsType<long>(Coerce(FieldType.Int64, "5"));
        Assert.IsType<double>(Coerce(FieldType.Float, "5"));
        Assert.IsType<bool>(Coerce(FieldType.Bool, "1"));
        Assert.IsType<long>(Coerce(FieldType.DurationSecond, "\"1h\""));
        Assert.IsType<long>(Coerce(FieldType.SignedDurationSecond, "\"-1h\""));
        Assert.IsType<DateTimeOffset>(Coerce(FieldType.Time, "\"0\""));
        Assert.IsType<JsonObject>(Coerce(FieldType.Map, "{}"));
        Assert.IsType<JsonArray>(Coerce(FieldType.Slice, "[]"));
        Assert.IsType<string[]>(Coerce(FieldType.StringSlice, "[]"));
        Assert.IsType<string[]>(Coerce(FieldType.CommaStringSlice, "\"a,b\""));
        Assert.IsType<long[]>(Coerce(FieldType.CommaIntSlice, "\"1,2\""));
        Assert.IsType<Dictionary<string, string>>(Coerce(FieldType.KVPairs, "{}"));
        Assert.IsType<Dictionary<string, string[]>>(Coerce(FieldType.Header, "{}"));
    }

    [Fact]
    public void Null_means_absent_only_for_durations_and_time()
    {
        foreach (var type in Enum.GetValues<FieldType>().Where(t => t != FieldType.Invalid && t != FieldType.NameString))
        {
            Assert.True(FieldCoercion.TryCoerce(type, null, out var value, out var error), error);
            Assert.Equal(FieldCoercion.NullMeansAbsent(type), value is null);
        }

        Assert.False(FieldCoercion.TryCoerce(FieldType.NameString, null, out _, out _));
        Assert.False(FieldCoercion.TryCoerce(FieldType.Invalid, JsonValue.Create(1), out _, out var invalid));
        Assert.NotNull(invalid);
    }

    [Fact]
    public void Typed_methods_give_zero_values_for_null()
    {
        Assert.True(FieldCoercion.TryTime(null, out var time, out _));
        Assert.Equal(DateTimeOffset.MinValue, time);
        Assert.True(FieldCoercion.TryDurationSecond(null, false, out var seconds, out _));
        Assert.Equal(0L, seconds);
    }

    [Fact]
    public void ToJson_writes_vaults_shapes()
    {
        CoercionTableTests.AssertJsonEqual("\"2021-12-11T10:20:30.5Z\"", FieldCoercion.ToJson(FieldType.Time, new DateTimeOffset(2021, 12, 11, 12, 20, 30, 500, TimeSpan.FromHours(2))));
        CoercionTableTests.AssertJsonEqual("\"2021-12-11T10:20:30Z\"", FieldCoercion.ToJson(FieldType.Time, new DateTime(2021, 12, 11, 10, 20, 30, DateTimeKind.Utc)));
        CoercionTableTests.AssertJsonEqual("5430", FieldCoercion.ToJson(FieldType.DurationSecond, TimeSpan.FromMinutes(90.5) + TimeSpan.FromMilliseconds(999)));
        CoercionTableTests.AssertJsonEqual("-3", FieldCoercion.ToJson(FieldType.SignedDurationSecond, -3L));
        CoercionTableTests.AssertJsonEqual("7", FieldCoercion.ToJson(FieldType.Int, 7));
        CoercionTableTests.AssertJsonEqual("[1,2]", FieldCoercion.ToJson(FieldType.CommaIntSlice, new[] { 1, 2 }));
        CoercionTableTests.AssertJsonEqual("[\"a\"]", FieldCoercion.ToJson(FieldType.StringSlice, new List<string> { "a" }));
        CoercionTableTests.AssertJsonEqual("{\"A\":[\"1\"]}", FieldCoercion.ToJson(FieldType.Header, new Dictionary<string, string[]> { ["A"] = ["1"] }));
        CoercionTableTests.AssertJsonEqual("{\"k\":\"v\"}", FieldCoercion.ToJson(FieldType.KVPairs, new Dictionary<string, string> { ["k"] = "v" }));
        Assert.Null(FieldCoercion.ToJson(FieldType.Map, null));
        Assert.Throws<ArgumentException>(() => FieldCoercion.ToJson(FieldType.Int, "5"));
        Assert.Throws<ArgumentException>(() => FieldCoercion.ToJson(FieldType.Float, double.NaN));
    }

    [Theory]
    [InlineData("content-type", "Content-Type")]
    [InlineData("CONTENT-TYPE", "Content-Type")]
    [InlineData("x-vault-token", "X-Vault-Token")]
    [InlineData("key1", "Key1")]
    [InlineData("a--b", "A--B")]
    [InlineData("-a", "-A")]
    [InlineData("www-authenticate", "Www-Authenticate")]
    [InlineData("", "")]
    [InlineData("bad key", "bad key")]
    [InlineData("ünï", "ünï")]
    [InlineData("a:b", "a:b")]
    [InlineData("x_y.z", "X_y.z")]
    public void Header_keys_are_canonicalised_like_go(string key, string expected)
    {
        Assert.Equal(expected, FieldCoercion.CanonicalHeaderKey(key));
    }

    private static object? Coerce(FieldType type, string json)
    {
        Assert.True(FieldCoercion.TryCoerce(type, JsonNode.Parse(json), out var value, out var error), error);
        return value;
    }
}
