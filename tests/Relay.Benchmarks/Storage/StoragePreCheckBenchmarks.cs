using BenchmarkDotNet.Attributes;
using Relay.Nostr.Events;
using Relay.Storage.Sqlite;

namespace Relay.Benchmarks.Storage;

/// <summary>
/// The ingest path's duplicate check before signature verification, on the 1,000,000-event database, from a
/// pooled read connection. Baseline: <see cref="EventStore.Contains"/> for a stored id.
/// </summary>
[MemoryDiagnoser]
public class StoragePreCheckBenchmarks
{
    private EventStore _store = null!;
    private EventId[] _stored = null!;
    private EventId[] _missing = null!;
    private NostrEvent[] _fresh = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _store = EventStore.Open(new EventStoreOptions { DataDirectory = BenchDatabase.Ensure(StorageQueryBenchmarks.Events) });
        _stored = [.. BenchSample.Draw(_store, 4096, seed: 9).Ids];
        var generator = new EventGenerator(seed: 99, count: 10_000);
        _fresh = [.. generator.Take(1024)];
        _missing = [.. _fresh.Select(e => e.Id)];
    }

    [Benchmark(Baseline = true)]
    public bool Contains_stored() => _store.Contains(_stored[_next++ & 4095]);

    [Benchmark]
    public bool Contains_missing() => _store.Contains(_missing[_next++ & 1023]);

    [Benchmark]
    public WriteOutcome? PreCheck_new_event() => _store.PreCheck(_fresh[_next++ & 1023]);

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();
}
