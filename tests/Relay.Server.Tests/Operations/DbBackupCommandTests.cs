using Relay.Nostr.Events;
using Relay.Storage.Sqlite;

namespace Relay.Server.Tests.Operations;

/// <summary><c>relay db backup</c> against real SQLite databases, with a writer committing meanwhile.</summary>
public class DbBackupCommandTests
{
    [Fact]
    public async Task Backup_taken_while_a_writer_commits_opens_and_holds_whole_batches_with_consistent_counts()
    {
        using var temp = new TempDataDirectory();
        const int BatchSize = 25;
        var events = SignedEvents.Notes(40 * BatchSize);
        using var store = EventStore.Open(temp.StoreOptions);
        using var writer = store.OpenWriter();
        writer.WriteBatch(events[..BatchSize]);
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(() =>
        {
            var batches = 1;
            for (; batches < 40 && !stop.IsCancellationRequested; batches++)
            {
                writer.WriteBatch(events[(batches * BatchSize)..((batches + 1) * BatchSize)]);
            }

            return batches;
        });

        var run = await CommandRun.RunAsync("db", "backup", temp.File("copy.db"), "--data", temp.Data);
        await stop.CancelAsync();
        var written = await writing;

        Assert.Equal(0, run.ExitCode);
        var restored = new EventStoreOptions { DataDirectory = temp.File("restored") };
        Directory.CreateDirectory(restored.DataDirectory);
        File.Copy(temp.File("copy.db"), restored.DatabasePath);
        using var copy = EventStore.Open(restored);
        var counted = copy.GetStats().EventCount;
        using var dump = new MemoryStream();
        var exported = copy.Export(dump);

        Assert.Equal(counted, exported);
        Assert.Equal(0, counted % BatchSize);
        Assert.InRange(counted, BatchSize, written * BatchSize);
        Assert.Contains($"{counted:N0} events.", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{new FileInfo(temp.File("copy.db")).Length:N0} bytes", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("copy.db-wal")));
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_an_existing_file_unless_forced()
    {
        using var temp = new TempDataDirectory();
        SignedEvents.Store(temp.StoreOptions, SignedEvents.Notes(3));
        await File.WriteAllTextAsync(temp.File("copy.db"), "keep me");

        var refused = await CommandRun.RunAsync("db", "backup", temp.File("copy.db"), "--data", temp.Data);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"relay db backup: {temp.File("copy.db")} exists; pass --force to replace it.", refused.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(temp.File("copy.db")));

        var forced = await CommandRun.RunAsync("db", "backup", temp.File("copy.db"), "--data", temp.Data, "--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.Contains(", 3 events.", forced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_of_a_missing_database_exits_1_and_writes_nothing()
    {
        using var temp = new TempDataDirectory();

        var run = await CommandRun.RunAsync("db", "backup", temp.File("copy.db"), "--data", temp.Data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"relay db backup: no database at {Path.Combine(temp.Data, "relay.db")}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("copy.db")));
    }

    [Fact]
    public async Task Backup_restored_as_relay_db_serves_the_same_export()
    {
        using var temp = new TempDataDirectory();
        SignedEvents.Store(temp.StoreOptions, [.. SignedEvents.Notes(10), SignedEvents.Note(SignedEvents.Alice, SignedEvents.Now - 50, "x", 30023, new NostrTag("d", "a"))]);
        Assert.Equal(0, (await CommandRun.RunAsync("db", "backup", temp.File("copy.db"), "--data", temp.Data)).ExitCode);
        var restored = temp.File("restored");
        Directory.CreateDirectory(restored);
        File.Copy(temp.File("copy.db"), Path.Combine(restored, "relay.db"));

        Assert.Equal(0, (await CommandRun.RunAsync("export", "--data", temp.Data, "--output", temp.File("live.jsonl"))).ExitCode);
        Assert.Equal(0, (await CommandRun.RunAsync("export", "--data", restored, "--output", temp.File("restored.jsonl"))).ExitCode);

        Assert.Equal(await File.ReadAllBytesAsync(temp.File("live.jsonl")), await File.ReadAllBytesAsync(temp.File("restored.jsonl")));
    }
}
