using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Relay.Storage.Sqlite;

namespace Relay.Benchmarks.Storage;

/// <summary>
/// Online backup of a 100,000-event database: <see cref="EventStore.BackupTo"/> (SQLite's backup API, page
/// copy, the baseline) against <c>VACUUM INTO</c> (rebuilds every table and index into a compact file).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class StorageBackupBenchmarks
{
    private EventStore _store = null!;
    private string _target = null!;

    [GlobalSetup]
    public void Setup()
    {
        _store = EventStore.Open(new EventStoreOptions { DataDirectory = BenchDatabase.Ensure(100_000) });
        _target = Path.Combine(Path.GetTempPath(), "relay-bench", "backup-" + Guid.NewGuid().ToString("N") + ".db");
    }

    [IterationCleanup]
    public void RemoveCopy() => File.Delete(_target);

    [Benchmark(Baseline = true)]
    public void BackupApi() => _store.BackupTo(_target);

    [Benchmark]
    public void VacuumInto()
    {
        using var connection = new SqliteConnection($"Data Source={_store.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", _target);
        command.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();
}
