using BenchmarkDotNet.Attributes;

namespace VaultPathGen.Benchmarks;

/// <summary>
/// Routing and dispatch of one request through generated code, against Vault's regex-list routing.
/// Run: dotnet run -c Release --project bench/VaultPathGen.Benchmarks -- --filter '*'
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private readonly IBackend _backend = new ThirtyPaths();
    private readonly Request _first = new(Operation.Read, "roles/web-1");
    private readonly Request _last = new(Operation.Update, "config/main/rotate");
    private readonly Request _list = new(Operation.List, "tokens/");

    [Benchmark(Description = "generated: read, first path group")]
    public ValueTask<Response?> GeneratedFirst() => _backend.HandleRequestAsync(_first, CancellationToken.None);

    [Benchmark(Description = "generated: update, last path group")]
    public ValueTask<Response?> GeneratedLast() => _backend.HandleRequestAsync(_last, CancellationToken.None);

    [Benchmark(Description = "generated: list with trailing slash")]
    public ValueTask<Response?> GeneratedList() => _backend.HandleRequestAsync(_list, CancellationToken.None);

    [Benchmark(Baseline = true, Description = "Vault-style regex list: route only, last group")]
    public int VaultStyleLast() => VaultStyleRouter.Route(_last.Path, out _);
}
