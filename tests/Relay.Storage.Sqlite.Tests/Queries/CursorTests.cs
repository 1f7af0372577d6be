using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Queries;

public sealed class CursorTests
{
    private static TempStore StoreWith(int count, out List<NostrEvent> events)
    {
        var store = new TempStore();
        events = Enumerable.Range(0, count)
            .Select(i => NostrEvent.Create(TestKeys.Alice, Ev.Now - (i / 3), 1 + (i % 2), [new NostrTag("t", $"v{i % 4}")], $"{i}", FastSigner.Instance))
            .ToList();
        store.StoreAll([.. events]);
        return store;
    }

    [Fact]
    public void A_query_stops_at_its_row_bound_and_what_it_returned_is_a_prefix_of_the_full_answer()
    {
        using var store = StoreWith(120, out _);
        NostrFilter[] filters = [F.Kinds(1), F.Tag('t', "v0", "v1", "v2"), new() { Kinds = [2], Limit = 7 }];
        var full = store.Store.Query(filters, store.Now);
        Assert.False(full.Truncated);

        foreach (var bound in new long[] { 1, 5, 17, 40, 100 })
        {
            var partial = store.Store.Query(filters, store.Now, maxRowsScanned: bound);

            Assert.True(partial.Truncated);
            Assert.True(partial.RowsScanned <= bound);
            Assert.True(partial.Events.Count < full.Events.Count);
            Assert.Equal(
                full.Events.Take(partial.Events.Count).Select(Ev.Text),
                partial.Events.Select(Ev.Text));
        }
    }

    [Fact]
    public void RowsScanned_counts_index_rows_read_including_ones_a_merge_drops()
    {
        using var store = StoreWith(30, out _);

        var single = store.Store.Query([new NostrFilter { Kinds = [1], Limit = 5 }], store.Now);
        var overlapping = store.Store.Query([F.Tag('t', "v0"), F.Tag('t', "v0")], store.Now);

        Assert.Equal(5, single.Events.Count);
        Assert.InRange(single.RowsScanned, 5, 6);
        Assert.Equal(8, overlapping.Events.Count);
        Assert.InRange(overlapping.RowsScanned, 16, 18);
    }

    [Fact]
    public void Interleaving_cursors_in_slices_gives_each_its_full_answer()
    {
        using var store = StoreWith(90, out _);
        NostrFilter[][] requests = [[F.Kinds(1)], [F.Tag('t', "v1", "v3")], [F.All(limit: 50)]];
        var expected = requests.Select(r => store.Store.Query(r, store.Now).Events.Select(Ev.Text).ToList()).ToList();

        var cursors = requests.Select(r => store.Store.OpenQuery(r, store.Now)).ToList();
        var got = requests.Select(_ => new List<string>()).ToList();
        try
        {
            // A worker's loop: at most 7 events from each cursor per turn, round robin, bounded in turns.
            for (var turn = 0; turn < 100 && cursors.Any(c => !c.IsFinished); turn++)
            {
                for (var i = 0; i < cursors.Count; i++)
                {
                    for (var n = 0; n < 7 && cursors[i].MoveNext(); n++)
                    {
                        got[i].Add(System.Text.Encoding.UTF8.GetString(cursors[i].CurrentJson));
                    }
                }
            }
        }
        finally
        {
            cursors.ForEach(c => c.Dispose());
        }

        Assert.All(cursors, c => Assert.True(c.IsFinished));
        Assert.Equal(expected, got);
    }

    [Fact]
    public void A_cursor_exposes_the_current_events_id_and_created_at()
    {
        using var store = StoreWith(3, out var events);
        using var cursor = store.Store.OpenQuery([F.Ids(events[2].Id)], store.Now);

        Assert.Throws<InvalidOperationException>(() => cursor.CurrentId);
        Assert.True(cursor.MoveNext());
        Assert.Equal(events[2].Id, cursor.CurrentId);
        Assert.Equal(events[2].CreatedAt, cursor.CurrentCreatedAt);
        Assert.Equal(events[2].Json.ToArray(), cursor.CurrentJson.ToArray());
        Assert.False(cursor.MoveNext());
        Assert.False(cursor.Truncated);
        Assert.Throws<InvalidOperationException>(() => cursor.CurrentId);
    }

    [Fact]
    public void Disposing_a_cursor_early_returns_its_connection_for_reuse()
    {
        using var store = StoreWith(20, out _);
        for (var i = 0; i < 50; i++)
        {
            using var cursor = store.Store.OpenQuery([F.All()], store.Now);
            Assert.True(cursor.MoveNext());
        }

        Assert.Equal(20, store.Store.Query([F.All()], store.Now).Events.Count);
    }
}
