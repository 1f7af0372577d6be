using BenchmarkDotNet.Attributes;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;

namespace Relay.Benchmarks.Nostr;

/// <summary>
/// Matching the typical event against a filter (target: under 50 ns for the compiled form). Baseline: the
/// naive reference matcher the tests check the compiled form against.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class FilterMatchBenchmarks
{
    private readonly NostrEvent _event = NostrBenchmarkData.Typical;
    private NostrFilter _filter = null!;

    [Params("kinds+authors(10)", "kinds+#t", "authors(500)", "since+until")]
    public string Filter { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var others = Enumerable.Range(1, 499).Select(i => PublicKey.Parse(i.ToString("x64"))).ToArray();
        _filter = Filter switch
        {
            "kinds+authors(10)" => new NostrFilter { Kinds = [1, 6, 7], Authors = [.. others.Take(9), _event.PubKey] },
            "kinds+#t" => new NostrFilter { Kinds = [1], Tags = [new TagFilter('t', ["bitcoin", "nostr"])] },
            "authors(500)" => new NostrFilter { Authors = [.. others, _event.PubKey] },
            _ => new NostrFilter { Since = _event.CreatedAt - 3600, Until = _event.CreatedAt + 3600 },
        };

        if (!_filter.Matches(_event) || !FilterReference.Matches(_filter, _event))
        {
            throw new InvalidOperationException("The benchmark filter must match.");
        }
    }

    [Benchmark(Baseline = true, Description = "FilterReference (naive)")]
    public bool Naive() => FilterReference.Matches(_filter, _event);

    [Benchmark(Description = "NostrFilter.Matches (compiled)")]
    public bool Compiled() => _filter.Matches(_event);
}
