using System.Text;
using BenchmarkDotNet.Attributes;
using Relay.Nostr.Events;
using Relay.Storage.Sqlite;
using Relay.Storage.Sqlite.Internal;

namespace Relay.Benchmarks.Storage;

/// <summary>
/// How to pass a long list (ids, authors) to SQLite, on the 1,000,000-event database: numbered parameters
/// with the count rounded up to a power of two (what the planner does; the statement text is cached per bucket),
/// against a single JSON array expanded by <c>json_each</c> and <c>unhex</c> (one statement text for every length).
/// Both look up <see cref="Count"/> ids of stored events through the id index.
/// </summary>
[MemoryDiagnoser]
public class StorageInListBenchmarks
{
    private ReadConnection _connection = null!;
    private EventStore _store = null!;
    private EventId[] _ids = null!;
    private Statement _parameters = null!;
    private Statement _jsonEach = null!;

    [Params(10, 100, 1000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = EventStore.Open(new EventStoreOptions { DataDirectory = BenchDatabase.Ensure(StorageQueryBenchmarks.Events) });
        _connection = new ReadConnection(_store.Options);
        _ids = [.. BenchSample.Draw(_store, Count, seed: 11).Ids];

        var spec = new SqlSpec().Append("SELECT count(*) FROM events INDEXED BY events_id WHERE id IN ").InList(_ids.AsSpan(), SqlValue.Id);
        _parameters = new Statement(_connection.Db, spec.Sql);
        spec.BindAll(_parameters);

        _jsonEach = new Statement(_connection.Db, "SELECT count(*) FROM events INDEXED BY events_id WHERE id IN (SELECT unhex(value) FROM json_each(?1))");
    }

    [Benchmark(Baseline = true)]
    public long BucketedParameters()
    {
        // Bind every value each time, as a query does.
        var spec = new SqlSpec().Append("SELECT count(*) FROM events INDEXED BY events_id WHERE id IN ").InList(_ids.AsSpan(), SqlValue.Id);
        spec.BindAll(_parameters);
        _parameters.Step();
        var count = _parameters.ColumnInt64(0);
        _parameters.Reset();
        return count;
    }

    [Benchmark]
    public long JsonEach()
    {
        // The JSON text is built per query too (ids arrive parsed, not as text).
        var json = new StringBuilder(_ids.Length * 67 + 2).Append('[');
        for (var i = 0; i < _ids.Length; i++)
        {
            json.Append(i == 0 ? "\"" : ",\"").Append(_ids[i].ToString()).Append('"');
        }

        _jsonEach.BindText(1, json.Append(']').ToString());
        _jsonEach.Step();
        var count = _jsonEach.ColumnInt64(0);
        _jsonEach.Reset();
        return count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _parameters.Dispose();
        _jsonEach.Dispose();
        _connection.Dispose();
        _store.Dispose();
    }
}
