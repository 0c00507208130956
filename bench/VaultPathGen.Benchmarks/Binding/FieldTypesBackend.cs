using System.Text.Json.Nodes;
using static VaultPathGen.Operation;

namespace VaultPathGen.Benchmarks.Binding;

/// <summary>
/// One path per Vault field type, each with one field <c>v</c> bound to a typed handler parameter, and
/// <c>none</c> without fields: the dispatch cost that is not binding, subtracted in the tables.
/// </summary>
[SecretsEngine]
public partial class FieldTypesBackend
{
    [Path("none"), Operation(Update)] public Response? None() => null;
    [Path("string"), Operation(Update)] public Response? String(string v) => null;
    [Path("int"), Operation(Update)] public Response? Int(int v) => null;
    [Path("int64"), Operation(Update)] public Response? Int64(long v) => null;
    [Path("bool"), Operation(Update)] public Response? Bool(bool v) => null;
    [Path("map"), Operation(Update)] public Response? Map(JsonObject v) => null;
    [Path("durationsecond"), Operation(Update)] public Response? DurationSecond(TimeSpan v) => null;
    [Path("signeddurationsecond"), Operation(Update)] public Response? SignedDurationSecond([Field(Type = FieldType.SignedDurationSecond)] long v) => null;
    [Path("slice"), Operation(Update)] public Response? Slice(JsonArray v) => null;
    [Path("stringslice"), Operation(Update)] public Response? StringSlice(string[] v) => null;
    [Path("commastringslice"), Operation(Update)] public Response? CommaStringSlice([Field(Type = FieldType.CommaStringSlice)] string[] v) => null;
    [Path("lowercasestring"), Operation(Update)] public Response? LowerCaseString([Field(Type = FieldType.LowerCaseString)] string v) => null;
    [Path("namestring"), Operation(Update)] public Response? NameString([Field(Type = FieldType.NameString)] string v) => null;
    [Path("kvpairs"), Operation(Update)] public Response? KVPairs(Dictionary<string, string> v) => null;
    [Path("commaintslice"), Operation(Update)] public Response? CommaIntSlice(int[] v) => null;
    [Path("header"), Operation(Update)] public Response? Header(Dictionary<string, string[]> v) => null;
    [Path("float"), Operation(Update)] public Response? Float(double v) => null;
    [Path("time"), Operation(Update)] public Response? Time(DateTimeOffset v) => null;
}
