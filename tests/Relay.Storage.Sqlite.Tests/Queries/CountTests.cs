using Relay.Nostr.Filters;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Queries;

public sealed class CountTests
{
    [Fact]
    public void Count_counts_distinct_matches_across_filters_and_ignores_limit()
    {
        using var store = new TempStore();
        var bob = TestKeys.Bob.PubKey().ToString();
        store.StoreAll(
            Ev.Note(TestKeys.Alice, Ev.Now - 1, "1", ["p", bob]),
            Ev.Note(TestKeys.Alice, Ev.Now - 2, "2", ["p", bob], ["t", "x"]),
            Ev.Note(TestKeys.Alice, Ev.Now - 3, "3", ["t", "x"], ["t", "y"]),
            Ev.Make(TestKeys.Bob, Ev.Now - 4, 7, "+", ["p", bob]));

        Assert.Equal(new CountResult(4, false), store.Store.Count([F.All(limit: 1)], store.Now));
        Assert.Equal(new CountResult(3, false), store.Store.Count([F.Tag('p', bob)], store.Now));
        Assert.Equal(new CountResult(2, false), store.Store.Count([F.Tag('t', "x", "y")], store.Now));
        Assert.Equal(new CountResult(4, false), store.Store.Count([F.Tag('p', bob), F.Tag('t', "x"), F.Kinds(1)], store.Now));
        Assert.Equal(new CountResult(1, false), store.Store.Count([new NostrFilter { Kinds = [7], Authors = [TestKeys.Bob.PubKey()] }], store.Now));
        Assert.Equal(new CountResult(0, false), store.Store.Count([new NostrFilter { Kinds = [] }], store.Now));
        Assert.Equal(new CountResult(1, false), store.Store.Count([new NostrFilter { Search = "3" }], store.Now));
    }

    [Fact]
    public void Count_reports_truncation_when_it_reaches_the_row_bound()
    {
        using var store = new TempStore();
        store.StoreAll([.. Enumerable.Range(0, 10).Select(i => Ev.Note(TestKeys.Alice, Ev.Now - i, $"{i}"))]);

        var bounded = store.Store.Count([F.Kinds(1)], store.Now, maxRowsScanned: 4);
        var exact = store.Store.Count([F.Kinds(1)], store.Now, maxRowsScanned: 10);

        Assert.True(bounded.Truncated);
        Assert.True(bounded.Count >= 4);
        Assert.Equal(new CountResult(10, false), exact);
    }
}
