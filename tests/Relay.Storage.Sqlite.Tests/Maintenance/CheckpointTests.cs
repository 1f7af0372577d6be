using Relay.Nostr.Events;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Maintenance;

public sealed class CheckpointTests
{
    private static NostrEvent[] Batch(int batch, int size) =>
        [.. Enumerable.Range(0, size).Select(i => NostrEvent.Create(
            TestKeys.Alice, Ev.Now - batch, 1, [new NostrTag("t", $"{batch}")], $"{batch}/{i}", FastSigner.Instance))];

    [Fact]
    public async Task The_background_checkpointer_runs_once_enough_WAL_pages_are_committed()
    {
        using var store = new TempStore(o => o with { WalCheckpointPages = 8 });
        for (var b = 0; b < 5; b++)
        {
            store.StoreAll(Batch(b, 50));
        }

        // Asynchronous by design: wait (bounded) for the checkpoint thread to report.
        for (var attempt = 0; attempt < 200 && store.Writer.BackgroundCheckpoints == 0; attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(store.Writer.BackgroundCheckpoints > 0);
        Assert.Equal(250, store.Store.Count([F.All()], store.Now).Count);
    }

    [Fact]
    public void The_writer_checkpoints_itself_before_a_batch_when_the_WAL_outgrows_its_bound()
    {
        using var store = new TempStore(o => o with { WalCheckpointPages = 1, MaxWalBytes = 1 });

        // The first commit leaves a WAL over the 1-byte bound, so the writer (not the background thread) checkpoints
        // before the next batch; a SQLITE_BUSY from a checkpoint still running would be retried batch after batch.
        for (var b = 0; b < 200 && store.Writer.WriterCheckpoints == 0; b++)
        {
            store.StoreAll(Batch(b, 5));
        }

        Assert.True(store.Writer.WriterCheckpoints > 0);
        store.Reopen();
        Assert.True(store.Store.GetStats().EventCount >= 5);
        Assert.Equal(store.Store.GetStats().EventCount, store.Store.Count([F.All()], store.Now).Count);
    }
}
