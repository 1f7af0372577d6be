using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Writes;

public sealed class PreCheckTests
{
    [Fact]
    public void PreCheck_predicts_duplicates_deletions_and_superseded_versions_before_verification()
    {
        using var store = new TempStore();
        var stored = Ev.Note(TestKeys.Alice, Ev.Now - 30);
        var deleted = Ev.Note(TestKeys.Alice, Ev.Now - 29, "deleted");
        var current = Ev.Make(TestKeys.Alice, Ev.Now - 10, 3, "current");
        var older = Ev.Make(TestKeys.Alice, Ev.Now - 20, 3, "older");
        var newer = Ev.Make(TestKeys.Alice, Ev.Now - 5, 3, "newer");
        var addressDeleted = Ev.Make(TestKeys.Alice, Ev.Now - 40, 30023, "", ["d", "gone"]);
        store.StoreAll(
            stored, current,
            Ev.Deletion(TestKeys.Alice, Ev.Now, [deleted.Id], [Ev.Address(TestKeys.Alice, 30023, "gone")]));

        Assert.True(store.Store.Contains(stored.Id));
        Assert.False(store.Store.Contains(deleted.Id));
        Assert.Equal(WriteStatus.Duplicate, store.Store.PreCheck(stored)?.Status);
        Assert.Equal(WriteStatus.Deleted, store.Store.PreCheck(deleted)?.Status);
        Assert.Equal(WriteStatus.Deleted, store.Store.PreCheck(addressDeleted)?.Status);
        Assert.Equal(WriteStatus.Superseded, store.Store.PreCheck(older)?.Status);
        Assert.Null(store.Store.PreCheck(newer));
        Assert.Null(store.Store.PreCheck(Ev.Note(TestKeys.Bob, Ev.Now)));

        // The writer agrees with every prediction.
        Assert.Equal(
            [WriteStatus.Duplicate, WriteStatus.Deleted, WriteStatus.Deleted, WriteStatus.Superseded, WriteStatus.Stored],
            store.Write(stored, deleted, addressDeleted, older, newer).Select(o => o.Status));
    }

    [Fact]
    public async Task PreCheck_is_safe_to_call_from_many_threads_while_the_writer_writes()
    {
        using var store = new TempStore();
        var events = Enumerable.Range(0, 200).Select(i => Ev.Note(TestKeys.Alice, Ev.Now - i, $"{i}")).ToArray();
        store.StoreAll(events[..100]);

        var writer = Task.Run(() => store.StoreAll(events[100..]));
        Parallel.For(0, 4, worker =>
        {
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal(WriteStatus.Duplicate, store.Store.PreCheck(events[i])?.Status);
            }
        });
        await writer;

        Assert.All(events, e => Assert.True(store.Store.Contains(e.Id)));
    }
}
