using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Storage.Sqlite;

namespace Relay.Benchmarks.Storage;

/// <summary>
/// REQ latency on a database of 1,000,000 events: one query per invocation, so the percentiles are per-query
/// latencies (target: p99 ≤ 10 ms for authors + kinds + limit 100). Each invocation takes the next of 1,000
/// pre-drawn filters, so successive queries touch different index ranges. Baseline: a single-id lookup.
/// The database (~1.2 GB) is larger than the default memory map, as a long-running relay's will be.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentilesConfig))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 50, iterationCount: 1000, invocationCount: 1)]
public class StorageQueryBenchmarks
{
    public const long Events = 1_000_000;
    private const int Variants = 1000;

    private readonly List<NostrFilter[]> _byId = [];
    private readonly List<NostrFilter[]> _authorsKinds = [];
    private readonly List<NostrFilter[]> _kinds = [];
    private readonly List<NostrFilter[]> _tagE = [];
    private readonly List<NostrFilter[]> _window = [];
    private EventStore _store = null!;
    private int _next;

    /// <summary><c>PRAGMA mmap_size</c> of the read connections, MiB: off, the default, SQLite's default cap (2 GiB).</summary>
    [Params(0, 256, 2047)]
    public int MmapMiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = EventStore.Open(new EventStoreOptions { DataDirectory = BenchDatabase.Ensure(Events), MmapSizeBytes = MmapMiB * 1024L * 1024 });
        var sample = BenchSample.Draw(_store, Variants * 10, seed: 3);
        var random = new Random(5);
        for (var i = 0; i < Variants; i++)
        {
            _byId.Add([new NostrFilter { Ids = [sample.Ids[random.Next(sample.Ids.Count)]] }]);
            var authors = Enumerable.Range(0, random.Next(1, 11)).Select(_ => sample.Authors[random.Next(sample.Authors.Count)]);
            _authorsKinds.Add([new NostrFilter { Authors = [.. authors], Kinds = [1, 6], Limit = 100 }]);
            var until = EventGenerator.End - (long)(random.NextDouble() * EventGenerator.Span);
            _kinds.Add([new NostrFilter { Kinds = [1], Until = until, Limit = 100 }]);
            _tagE.Add([new NostrFilter { Tags = [new TagFilter('e', [sample.ETags[random.Next(sample.ETags.Count)]])], Limit = 100 }]);
            _window.Add([new NostrFilter { Since = until - 3600, Until = until, Limit = 100 }]);
        }
    }

    [Benchmark(Baseline = true)]
    public int Ids_one() => Run(_byId);

    [Benchmark]
    public int Authors1to10_kinds_limit100() => Run(_authorsKinds);

    [Benchmark]
    public int Kinds_until_limit100() => Run(_kinds);

    [Benchmark]
    public int TagE_limit100() => Run(_tagE);

    [Benchmark]
    public int SinceUntil_1h_limit100() => Run(_window);

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    private int Run(List<NostrFilter[]> variants)
    {
        var filters = variants[_next++ % variants.Count];
        using var cursor = _store.OpenQuery(filters, EventGenerator.End);
        var bytes = 0;
        while (cursor.MoveNext())
        {
            bytes += cursor.CurrentJson.Length;
        }

        return bytes;
    }

    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, new P99Column());
    }
}
