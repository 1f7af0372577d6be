using Microsoft.Data.Sqlite;
using Relay.Nostr.Events;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Maintenance;

public sealed class BackupTests
{
    [Fact]
    public async Task BackupTo_makes_a_consistent_copy_while_the_writer_keeps_writing()
    {
        using var store = new TempStore();
        const int Batches = 60;
        const int PerBatch = 50;
        var batches = Enumerable.Range(0, Batches)
            .Select(b => Enumerable.Range(0, PerBatch)
                .Select(i => NostrEvent.Create(TestKeys.Alice, Ev.Now - (b * PerBatch) - i, 1, [new NostrTag("b", $"{b}")], $"{b}/{i}", FastSigner.Instance))
                .ToArray())
            .ToArray();
        store.StoreAll(batches[0]);

        using var writing = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var b = 1; b < Batches; b++)
            {
                store.StoreAll(batches[b]);
            }
        });

        var backups = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var path = Path.Combine(store.Directory, "backups", $"copy{i}.db");
            store.Store.BackupTo(path);
            backups.Add(path);
        }

        await writer;

        foreach (var path in backups)
        {
            Assert.False(File.Exists(path + ".partial"));
            Assert.False(File.Exists(path + "-wal"));
            using var copy = EventStore.Open(new EventStoreOptions { DataDirectory = Path.GetDirectoryName(path)!, FileName = Path.GetFileName(path) });
            var stored = copy.GetStats().EventCount;

            // A consistent snapshot holds whole batches only, and its counter agrees with its rows.
            Assert.Equal(0, stored % PerBatch);
            Assert.InRange(stored, PerBatch, Batches * PerBatch);
            Assert.Equal(stored, copy.Count([F.All()], Ev.Now).Count);
            for (var b = 0; b < stored / PerBatch; b++)
            {
                Assert.Equal(PerBatch, copy.Count([F.Tag('b', $"{b}")], Ev.Now).Count);
            }

            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }
    }

    [Fact]
    public void BackupTo_refuses_to_overwrite_the_live_database()
    {
        using var store = new TempStore();

        Assert.Throws<ArgumentException>(() => store.Store.BackupTo(store.Store.DatabasePath));
    }
}
