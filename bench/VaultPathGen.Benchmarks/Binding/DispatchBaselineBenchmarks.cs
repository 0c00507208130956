using BenchmarkDotNet.Attributes;

namespace VaultPathGen.Benchmarks.Binding;

/// <summary>
/// The update <see cref="FieldBindingBenchmarks"/> sends, to the path without fields: what a dispatch
/// costs before any field is bound. Its own class so it runs once, not once per field type.
/// Run: dotnet run -c Release --project bench/VaultPathGen.Benchmarks -- --filter '*FieldBinding*' '*DispatchBaseline*'
/// </summary>
[MemoryDiagnoser]
public class DispatchBaselineBenchmarks
{
    private readonly IBackend _backend = new FieldTypesBackend();
    private readonly Request _none = new(Operation.Update, "none") { Storage = new InMemoryStorage() };

    [Benchmark(Description = "dispatch, no field")]
    public ValueTask<Response?> DispatchNoField() => _backend.HandleRequestAsync(_none, CancellationToken.None);
}
