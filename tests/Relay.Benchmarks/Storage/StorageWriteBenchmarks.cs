using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Relay.Nostr.Events;
using Relay.Storage.Sqlite;
using Relay.Storage.Sqlite.Internal;

namespace Relay.Benchmarks.Storage;

/// <summary>
/// Batched write throughput: time per event (OperationsPerInvoke) for batch sizes 1, 100 and 1,000, durable to
/// process crash (Normal) or to power loss (Full), on a database already holding 100,000 events. Baseline: the
/// same batches inserted into a bare two-column table (no indexes, no rules) on the same pragmas — what SQLite
/// itself costs, so the ratio shows what the seven indexes, the tag table and the NIP-01/09/40 rules add.
/// Each invocation writes 2,000 fresh events, generated before the invocation.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8, invocationCount: 1)]
public class StorageWriteBenchmarks
{
    private const int EventsPerInvocation = 2000;
    private const int Prefill = 100_000;

    private readonly NostrEvent[] _events = new NostrEvent[EventsPerInvocation];
    private readonly WriteOutcome[] _outcomes = new WriteOutcome[EventsPerInvocation];
    private string _directory = null!;
    private EventStore _store = null!;
    private EventWriter _writer = null!;
    private EventGenerator _generator = null!;
    private Microsoft.Data.Sqlite.SqliteConnection _raw = null!;
    private Statement _rawBegin = null!;
    private Statement _rawInsert = null!;
    private Statement _rawCommit = null!;

    [Params(1, 100, 1000)]
    public int BatchSize { get; set; }

    [Params(SynchronousMode.Normal, SynchronousMode.Full)]
    public SynchronousMode Synchronous { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "relay-bench", "write-" + Guid.NewGuid().ToString("N"));
        _store = EventStore.Open(new EventStoreOptions { DataDirectory = _directory, Synchronous = Synchronous });
        _writer = _store.OpenWriter();
        _generator = new EventGenerator(seed: 7, count: Prefill * 20);
        BenchDatabase.Fill(_writer, _generator, Prefill);

        var rawOptions = new EventStoreOptions { DataDirectory = _directory, FileName = "raw.db", Synchronous = Synchronous };
        _raw = Connections.OpenWriter(rawOptions);
        Schema.Execute(_raw, "CREATE TABLE raw (id BLOB PRIMARY KEY, json BLOB NOT NULL)");
        var db = _raw.Handle!;
        _rawBegin = new Statement(db, "BEGIN IMMEDIATE");
        _rawInsert = new Statement(db, "INSERT INTO raw(id, json) VALUES (?1, ?2)");
        _rawCommit = new Statement(db, "COMMIT");
    }

    [IterationSetup]
    public void NextEvents()
    {
        for (var i = 0; i < _events.Length; i++)
        {
            _events[i] = _generator.Next();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvocation)]
    public void BareSqliteInsert()
    {
        for (var start = 0; start < _events.Length; start += BatchSize)
        {
            _rawBegin.Execute();
            foreach (var e in _events.AsSpan(start, BatchSize))
            {
                _rawInsert.BindId(1, e.Id);
                _rawInsert.BindBlob(2, e.Json.Span);
                _rawInsert.Execute();
            }

            _rawCommit.Execute();
        }
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvocation)]
    public void WriteBatch()
    {
        for (var start = 0; start < _events.Length; start += BatchSize)
        {
            _writer.WriteBatch(_events.AsSpan(start, BatchSize), _outcomes.AsSpan(start, BatchSize));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rawBegin.Dispose();
        _rawInsert.Dispose();
        _rawCommit.Dispose();
        _raw.Dispose();
        _writer.Dispose();
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
