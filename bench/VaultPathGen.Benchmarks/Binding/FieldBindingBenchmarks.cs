using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;

namespace VaultPathGen.Benchmarks.Binding;

/// <summary>
/// Field binding per Vault field type: the coercion alone (<c>FieldCoercion</c>, what the generated
/// validator calls), and a whole update to a path with one field of that type, which adds the field data,
/// the generated validator, the typed binding and the handler call. <see cref="DispatchBaselineBenchmarks"/>
/// is the same update to a path without fields; binding is the difference. Inputs are parsed from JSON text, as they
/// reach a plugin.
/// Run: dotnet run -c Release --project bench/VaultPathGen.Benchmarks -- --filter '*FieldBinding*'
/// </summary>
[MemoryDiagnoser]
public class FieldBindingBenchmarks
{
    private static readonly Dictionary<FieldType, string> Inputs = new()
    {
        [FieldType.String] = "\"web-1\"",
        [FieldType.Int] = "42",
        [FieldType.Int64] = "1234567890123",
        [FieldType.Bool] = "true",
        [FieldType.Map] = """{"a":"b","c":1}""",
        [FieldType.DurationSecond] = "\"1h\"",
        [FieldType.SignedDurationSecond] = "\"-30m\"",
        [FieldType.Slice] = """[1,"a",true]""",
        [FieldType.StringSlice] = """["a","b","c"]""",
        [FieldType.CommaStringSlice] = "\"a,b,c\"",
        [FieldType.LowerCaseString] = "\"RSA\"",
        [FieldType.NameString] = "\"my-role\"",
        [FieldType.KVPairs] = """{"k1":"v1","k2":"v2"}""",
        [FieldType.CommaIntSlice] = "\"1,2,3\"",
        [FieldType.Header] = """{"X-A":["1"],"X-B":"2"}""",
        [FieldType.Float] = "0.25",
        [FieldType.Time] = "\"2026-01-02T03:04:05Z\"",
    };

    private readonly IBackend _backend = new FieldTypesBackend();
    private JsonNode? _raw;
    private Request _typed = null!;

    public static IEnumerable<FieldType> Types => Inputs.Keys;

    [ParamsSource(nameof(Types))]
    public FieldType Type { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = (JsonObject)JsonNode.Parse("{\"v\":" + Inputs[Type] + "}")!;
        _raw = data["v"];
        _typed = new Request(Operation.Update, Type.ToString().ToLowerInvariant()) { Data = data, Storage = new InMemoryStorage() };
        if (!Coerce() || _backend.HandleRequestAsync(_typed, CancellationToken.None).AsTask().Result is not null)
        {
            throw new InvalidOperationException($"{Type}: the input {Inputs[Type]} does not bind");
        }
    }

    [Benchmark(Description = "coercion alone")]
    public bool Coerce() => Type switch
    {
        FieldType.String => FieldCoercion.TryString(_raw, out _, out _),
        FieldType.Int or FieldType.Int64 => FieldCoercion.TryInt(_raw, out _, out _),
        FieldType.Bool => FieldCoercion.TryBool(_raw, out _, out _),
        FieldType.Map => FieldCoercion.TryMap(_raw, out _, out _),
        FieldType.DurationSecond => FieldCoercion.TryDurationSecond(_raw, false, out _, out _),
        FieldType.SignedDurationSecond => FieldCoercion.TryDurationSecond(_raw, true, out _, out _),
        FieldType.Slice => FieldCoercion.TrySlice(_raw, out _, out _),
        FieldType.StringSlice => FieldCoercion.TryStringSlice(_raw, out _, out _),
        FieldType.CommaStringSlice => FieldCoercion.TryCommaStringSlice(_raw, out _, out _),
        FieldType.LowerCaseString => FieldCoercion.TryLowerCaseString(_raw, out _, out _),
        FieldType.NameString => FieldCoercion.TryNameString(_raw, out _, out _),
        FieldType.KVPairs => FieldCoercion.TryKVPairs(_raw, out _, out _),
        FieldType.CommaIntSlice => FieldCoercion.TryCommaIntSlice(_raw, out _, out _),
        FieldType.Header => FieldCoercion.TryHeader(_raw, out _, out _),
        FieldType.Float => FieldCoercion.TryFloat(_raw, out _, out _),
        FieldType.Time => FieldCoercion.TryTime(_raw, out _, out _),
        _ => false,
    };

    [Benchmark(Description = "dispatch with one typed field")]
    public ValueTask<Response?> Dispatch() => _backend.HandleRequestAsync(_typed, CancellationToken.None);
}
