using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Queries;

public sealed class ExpirationTests
{
    [Fact]
    public void Queries_never_return_an_event_whose_expiration_has_come()
    {
        using var store = new TempStore();
        var soon = Ev.Note(TestKeys.Alice, Ev.Now - 10, "soon", ["expiration", (Ev.Now + 5).ToString()]);
        var lasting = Ev.Note(TestKeys.Alice, Ev.Now - 20, "lasting");
        store.StoreAll(soon, lasting);

        Assert.Equal([soon.Id, lasting.Id], TempStore.ToIds(store.Store.Query([F.All()], Ev.Now + 4)));
        Assert.Equal([lasting.Id], TempStore.ToIds(store.Store.Query([F.All()], Ev.Now + 5)));
        Assert.Empty(TempStore.ToIds(store.Store.Query([F.Ids(soon.Id)], Ev.Now + 6)));
        Assert.Equal(1, store.Store.Count([F.All()], Ev.Now + 5).Count);
    }

    [Fact]
    public void PurgeExpired_deletes_expired_events_in_bounded_batches()
    {
        using var store = new TempStore();
        var expiring = Enumerable.Range(0, 5)
            .Select(i => Ev.Note(TestKeys.Alice, Ev.Now - 100, $"e{i}", ["expiration", (Ev.Now + 1 + i).ToString()], ["t", "x"]))
            .ToArray();
        var lasting = Ev.Note(TestKeys.Alice, Ev.Now - 100, "keep", ["t", "x"]);
        store.StoreAll([.. expiring, lasting]);

        Assert.Equal(0, store.Writer.PurgeExpired(Ev.Now, 10));
        Assert.Equal(2, store.Writer.PurgeExpired(Ev.Now + 10, 2));
        Assert.False(store.Has(expiring[0].Id));
        Assert.False(store.Has(expiring[1].Id));
        Assert.True(store.Has(expiring[2].Id));
        Assert.Equal(3, store.Writer.PurgeExpired(Ev.Now + 10, 100));
        Assert.Equal(0, store.Writer.PurgeExpired(Ev.Now + 10, 100));

        Assert.Equal(1, store.Store.GetStats().EventCount);
        Assert.Equal([lasting.Id], TempStore.ToIds(store.Store.Query([F.Tag('t', "x")], Ev.Now + 100)));
    }

    [Fact]
    public void PurgeExpired_rejects_a_non_positive_bound()
    {
        using var store = new TempStore();

        Assert.Throws<ArgumentOutOfRangeException>(() => store.Writer.PurgeExpired(Ev.Now, 0));
    }
}
