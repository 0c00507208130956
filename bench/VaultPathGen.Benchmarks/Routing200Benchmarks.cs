using BenchmarkDotNet.Attributes;

namespace VaultPathGen.Benchmarks;

/// <summary>
/// Routing at scale: 200 templates, requests that hit the first, a middle and the last path, and a miss.
/// Like for like: the generated router alone (<c>VaultRoute</c>, captures as ranges into a caller-owned
/// span) against the regex list routing alone, as Vault's framework does before any binding. The whole
/// generated dispatch (routing, binding the captures, calling the handler) is kept for context.
/// Run: dotnet run -c Release --project bench/VaultPathGen.Benchmarks -- --filter '*Routing200*'
/// </summary>
[MemoryDiagnoser]
public class Routing200Benchmarks
{
    private readonly IBackend _backend = new TwoHundredPaths();

    [Params("front", "middle", "back", "miss")]
    public string Position { get; set; } = "front";

    private Request _request = null!;
    private readonly Range[] _captures = new Range[2];

    [GlobalSetup]
    public void Setup() => _request = Position switch
    {
        "front" => new Request(Operation.Read, "roles/web-1"),
        "middle" => new Request(Operation.Read, "oidc-roles/app/creds/reader"),
        "back" => new Request(Operation.Update, "snowflake-roles/app/config/timeout"),
        _ => new Request(Operation.Read, "nosuch-roles/app/creds/reader"),
    };

    [Benchmark(Description = "generated: route only")]
    public int GeneratedRoute()
    {
        var captures = _captures.AsSpan();
        var index = TwoHundredPaths.VaultRoute(_request.Path, captures);
        return index + captures[0].End.Value;
    }

    [Benchmark(Description = "generated: route, bind and dispatch")]
    public async ValueTask<bool> Generated()
    {
        var response = await _backend.HandleRequestAsync(_request, CancellationToken.None);
        return response is null;
    }

    [Benchmark(Baseline = true, Description = "200 compiled regexes in order: route only")]
    public int RegexList()
    {
        var patterns = TwoHundredRegexes.Patterns;
        var path = _request.Path;
        for (var i = 0; i < patterns.Length; i++)
        {
            if (patterns[i].Match(path) is { Success: true } match)
            {
                return i + match.Groups.Count;
            }
        }

        return -1;
    }
}
