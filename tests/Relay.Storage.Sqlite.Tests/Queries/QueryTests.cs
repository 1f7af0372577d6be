using Relay.Nostr;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Queries;

public sealed class QueryTests
{
    private static readonly PublicKey Alice = TestKeys.Alice.PubKey();
    private static readonly PublicKey Bob = TestKeys.Bob.PubKey();

    [Fact]
    public void Query_returns_newest_first_and_breaks_ties_by_lowest_id()
    {
        using var store = new TempStore();
        var (lower, higher) = Ev.TiedPair(TestKeys.Alice, Ev.Now - 5, 1);
        var newest = Ev.Note(TestKeys.Bob, Ev.Now);
        var oldest = Ev.Note(TestKeys.Bob, Ev.Now - 10);
        store.StoreAll(higher, oldest, newest, lower);

        Assert.Equal([newest.Id, lower.Id, higher.Id, oldest.Id], store.Ids(F.All()));
    }

    [Fact]
    public void Limit_keeps_the_newest_and_cuts_a_created_at_tie_by_id()
    {
        using var store = new TempStore();
        var (lower, higher) = Ev.TiedPair(TestKeys.Alice, Ev.Now - 5, 1);
        var newest = Ev.Note(TestKeys.Alice, Ev.Now);
        store.StoreAll(higher, newest, lower, Ev.Note(TestKeys.Alice, Ev.Now - 9));

        Assert.Equal([newest.Id, lower.Id], store.Ids(new NostrFilter { Authors = [Alice], Kinds = [1], Limit = 2 }));
    }

    [Fact]
    public void Limit_applies_per_filter_and_the_union_is_deduplicated_and_ordered()
    {
        using var store = new TempStore();
        var a1 = Ev.Note(TestKeys.Alice, Ev.Now - 1, "a1", ["t", "x"]);
        var a2 = Ev.Note(TestKeys.Alice, Ev.Now - 3, "a2");
        var a3 = Ev.Note(TestKeys.Alice, Ev.Now - 5, "a3");
        var b1 = Ev.Note(TestKeys.Bob, Ev.Now - 2, "b1", ["t", "x"]);
        var b2 = Ev.Note(TestKeys.Bob, Ev.Now - 4, "b2");
        store.StoreAll(a1, a2, a3, b1, b2);

        var ids = store.Ids(
            new NostrFilter { Authors = [Alice], Limit = 2 },
            new NostrFilter { Authors = [Bob], Limit = 1 },
            new NostrFilter { Tags = F.Tags(('t', ["x"])) });

        // relay-tester "limit_works_across_multiple_filter_groups": each filter keeps its own newest.
        Assert.Equal([a1.Id, b1.Id, a2.Id], ids);
    }

    [Fact]
    public void Limit_zero_returns_no_stored_events()
    {
        using var store = new TempStore();
        store.StoreAll(Ev.Note(TestKeys.Alice, Ev.Now));

        Assert.Empty(store.Ids(F.All(limit: 0)));
    }

    [Fact]
    public void A_filter_without_limit_gets_the_default_limit()
    {
        using var store = new TempStore(o => o with { Limits = NostrLimits.Default with { DefaultLimit = 3, MaxLimit = 4 } });
        for (var i = 0; i < 6; i++)
        {
            store.StoreAll(Ev.Note(TestKeys.Alice, Ev.Now - i, $"n{i}"));
        }

        Assert.Equal(3, store.Ids(F.All()).Count);
        Assert.Equal(4, store.Ids(F.All(limit: 100)).Count);
    }

    [Fact]
    public void Since_and_until_are_inclusive()
    {
        using var store = new TempStore();
        var events = Enumerable.Range(0, 5).Select(i => Ev.Note(TestKeys.Alice, 1000 + i, $"n{i}")).ToArray();
        store.StoreAll(events);

        var ids = store.Ids(new NostrFilter { Since = 1001, Until = 1003 });

        Assert.Equal([events[3].Id, events[2].Id, events[1].Id], ids);
        Assert.Equal([events[2].Id], store.Ids(new NostrFilter { Since = 1002, Until = 1002 }));
        Assert.Empty(store.Ids(new NostrFilter { Since = 1003, Until = 1002 }));
    }

    [Fact]
    public void Tag_filters_match_the_first_value_of_single_letter_tags()
    {
        using var store = new TempStore();
        var bobHex = Bob.ToString();
        var mentionsBob = Ev.Note(TestKeys.Alice, Ev.Now - 1, "m", ["p", bobHex, "wss://relay"]);
        var secondValueOnly = Ev.Note(TestKeys.Alice, Ev.Now - 2, "s", ["x", "other", bobHex]);
        var multiLetter = Ev.Note(TestKeys.Alice, Ev.Now - 3, "l", ["pp", bobHex]);
        store.StoreAll(mentionsBob, secondValueOnly, multiLetter);

        Assert.Equal([mentionsBob.Id], store.Ids(F.Tag('p', bobHex)));
        Assert.Empty(store.Ids(F.Tag('x', bobHex)));
    }

    [Fact]
    public void Tag_values_are_OR_and_tag_letters_are_AND()
    {
        using var store = new TempStore();
        var a = Ev.Note(TestKeys.Alice, Ev.Now - 1, "a", ["t", "a"]);
        var b = Ev.Note(TestKeys.Alice, Ev.Now - 2, "b", ["t", "b"], ["k", "3036"]);
        var ab = Ev.Note(TestKeys.Alice, Ev.Now - 3, "ab", ["t", "a"], ["t", "b"]);
        var kOnly = Ev.Note(TestKeys.Alice, Ev.Now - 4, "k", ["k", "3036"]);
        store.StoreAll(a, b, ab, kOnly);

        Assert.Equal([a.Id, b.Id, ab.Id], store.Ids(F.Tag('t', "a", "b")));
        Assert.Equal([b.Id], store.Ids(new NostrFilter { Tags = F.Tags(('t', ["a", "b"]), ('k', ["3036"])) }));
        Assert.Equal([b.Id, kOnly.Id], store.Ids(F.Tag('k', "3036")));
    }

    [Fact]
    public void Tag_letters_are_case_sensitive()
    {
        using var store = new TempStore();
        var lower = Ev.Note(TestKeys.Alice, Ev.Now - 1, "l", ["e", "v"]);
        var upper = Ev.Note(TestKeys.Alice, Ev.Now - 2, "u", ["E", "v"]);
        store.StoreAll(lower, upper);

        Assert.Equal([upper.Id], store.Ids(F.Tag('E', "v")));
    }

    [Fact]
    public void A_repeated_tag_value_is_returned_once()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now, "r", ["t", "x"], ["t", "x"]);
        store.StoreAll(note);

        Assert.Equal([note.Id], store.Ids(F.Tag('t', "x", "x")));
    }

    [Fact]
    public void Ids_authors_kinds_and_their_combinations_select_exactly_the_matching_events()
    {
        using var store = new TempStore();
        var a1 = Ev.Note(TestKeys.Alice, Ev.Now - 1);
        var a7 = Ev.Make(TestKeys.Alice, Ev.Now - 2, 7, "+");
        var b1 = Ev.Note(TestKeys.Bob, Ev.Now - 3);
        var b7 = Ev.Make(TestKeys.Bob, Ev.Now - 4, 7, "+");
        store.StoreAll(a1, a7, b1, b7);

        Assert.Equal([a7.Id, b1.Id], store.Ids(F.Ids(b1.Id, a7.Id, Ev.Note(TestKeys.Carol, 1).Id)));
        Assert.Equal([a1.Id, a7.Id], store.Ids(F.Authors(Alice)));
        Assert.Equal([a7.Id, b7.Id], store.Ids(F.Kinds(7)));
        Assert.Equal([b7.Id], store.Ids(new NostrFilter { Authors = [Bob], Kinds = [7] }));
        Assert.Equal([a1.Id, a7.Id, b1.Id, b7.Id], store.Ids(new NostrFilter { Authors = [Alice, Bob], Kinds = [1, 7] }));
        Assert.Equal([b1.Id], store.Ids(new NostrFilter { Ids = [a1.Id, b1.Id], Authors = [Bob] }));
    }

    [Fact]
    public void Filters_that_cannot_match_return_nothing()
    {
        using var store = new TempStore();
        store.StoreAll(Ev.Note(TestKeys.Alice, Ev.Now));

        Assert.Empty(store.Ids(new NostrFilter { Authors = [] }));
        Assert.Empty(store.Ids(new NostrFilter { Tags = F.Tags(('t', [])) }));
        Assert.Empty(store.Ids());
    }

    [Fact]
    public void Wide_filters_that_exceed_the_stream_cap_return_the_same_answer()
    {
        var authors = Enumerable.Range(0, 12).Select(_ => Relay.Nostr.Crypto.SecretKey.Generate(FastSigner.Instance)).ToArray();
        var random = new Random(7);
        var events = new List<NostrEvent>();
        foreach (var author in authors)
        {
            for (var i = 0; i < 8; i++)
            {
                events.Add(NostrEvent.Create(
                    author, Ev.Now - random.Next(50), random.Next(1, 3) * 2, [new NostrTag("t", $"v{random.Next(6)}")], $"{i}", FastSigner.Instance));
            }
        }

        var keys = authors.Select(a => a.GetPublicKey(FastSigner.Instance)).ToArray();
        NostrFilter[] filters =
        [
            new() { Authors = [.. keys], Kinds = [2, 4], Limit = 20 },
            new() { Authors = [.. keys], Limit = 30 },
            new() { Kinds = [2, 4], Limit = 25 },
            new() { Tags = F.Tags(('t', ["v0", "v1", "v2", "v3", "v4"])), Limit = 40 },
        ];

        using var narrow = new TempStore(o => o with { MaxStreamsPerFilter = 2 });
        using var wide = new TempStore();
        narrow.StoreAll([.. events]);
        wide.StoreAll([.. events]);

        foreach (var filter in filters)
        {
            var expected = wide.Ids(filter);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, narrow.Ids(filter));
        }
    }

    [Fact]
    public void Long_IN_lists_are_bound_as_parameters()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now, "x", ["t", "it's \"quoted\" ') OR 1=1 --"]);
        store.StoreAll(note, Ev.Note(TestKeys.Bob, Ev.Now));
        var manyIds = Enumerable.Range(0, 1999).Select(i => Ev.Note(TestKeys.Carol, i).Id).Append(note.Id).ToArray();

        Assert.Equal([note.Id], store.Ids(F.Ids(manyIds)));
        Assert.Equal([note.Id], store.Ids(F.Tag('t', "it's \"quoted\" ') OR 1=1 --")));
    }

    [Fact]
    public void Search_filters_match_content_terms()
    {
        using var store = new TempStore();
        var hit = Ev.Note(TestKeys.Alice, Ev.Now - 1, "Relays store Events");
        store.StoreAll(hit, Ev.Note(TestKeys.Alice, Ev.Now - 2, "nothing here"), Ev.Note(TestKeys.Alice, Ev.Now - 3, "only relays"));

        Assert.Equal([hit.Id], store.Ids(new NostrFilter { Search = "relays events" }));
    }

    [Fact]
    public void Queries_see_a_snapshot_and_later_writes_after_reopening_the_cursor()
    {
        using var store = new TempStore();
        store.StoreAll(Ev.Note(TestKeys.Alice, Ev.Now - 10, "1"), Ev.Note(TestKeys.Alice, Ev.Now - 9, "2"));

        using (var cursor = store.Store.OpenQuery([F.All()], store.Now))
        {
            Assert.True(cursor.MoveNext());
            store.StoreAll(Ev.Note(TestKeys.Alice, Ev.Now - 11, "written meanwhile"));
            Assert.True(cursor.MoveNext());
            Assert.False(cursor.MoveNext());
            Assert.Equal(2, cursor.Returned);
        }

        Assert.Equal(3, store.Ids(F.All()).Count);
    }
}
