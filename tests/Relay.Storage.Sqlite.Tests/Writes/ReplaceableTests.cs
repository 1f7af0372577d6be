using Relay.Nostr.Events;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Writes;

public sealed class ReplaceableTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(10002)]
    public void A_newer_replaceable_event_deletes_the_older_version(int kind)
    {
        using var store = new TempStore();
        var older = Ev.Make(TestKeys.Alice, Ev.Now - 100, kind, "old");
        var newer = Ev.Make(TestKeys.Alice, Ev.Now - 50, kind, "new");
        store.StoreAll(older);

        Assert.Equal(WriteStatus.Stored, store.Write(newer).Status);

        Assert.Equal([newer.Id], store.Ids(F.Authors(TestKeys.Alice.PubKey())));
        Assert.Empty(store.Ids(F.Ids(older.Id)));
        Assert.Equal(1, store.Store.GetStats().EventCount);
    }

    [Fact]
    public void An_older_replaceable_event_is_refused_with_OK_false()
    {
        using var store = new TempStore();
        var older = Ev.Make(TestKeys.Alice, Ev.Now - 100, 3, "old");
        var newer = Ev.Make(TestKeys.Alice, Ev.Now - 50, 3, "new");
        store.StoreAll(newer);

        var outcome = store.Write(older);

        Assert.Equal(WriteStatus.Superseded, outcome.Status);
        Assert.False(outcome.Accepted);
        Assert.Equal("OK false \"duplicate: a newer version of this replaceable event is stored\"", outcome.ToString());
        Assert.Equal([newer.Id], store.Ids(F.Kinds(3)));
    }

    [Fact]
    public void On_equal_created_at_the_lowest_id_wins_whichever_arrives_first()
    {
        var (lower, higher) = Ev.TiedPair(TestKeys.Alice, Ev.Now, 0);

        using (var store = new TempStore())
        {
            store.StoreAll(lower);
            Assert.Equal(WriteStatus.Superseded, store.Write(higher).Status);
            Assert.Equal([lower.Id], store.Ids(F.Kinds(0)));
        }

        using (var store = new TempStore())
        {
            store.StoreAll(higher);
            Assert.Equal(WriteStatus.Stored, store.Write(lower).Status);
            Assert.Equal([lower.Id], store.Ids(F.Kinds(0)));
        }
    }

    [Fact]
    public void Two_versions_of_one_address_in_one_batch_keep_only_the_newest_in_either_order()
    {
        var older = Ev.Make(TestKeys.Alice, Ev.Now - 10, 10000, "old");
        var newer = Ev.Make(TestKeys.Alice, Ev.Now, 10000, "new");

        using (var store = new TempStore())
        {
            Assert.Equal([WriteStatus.Stored, WriteStatus.Stored], store.Write(older, newer).Select(o => o.Status));
            Assert.Equal([newer.Id], store.Ids(F.Kinds(10000)));
        }

        using (var store = new TempStore())
        {
            Assert.Equal([WriteStatus.Stored, WriteStatus.Superseded], store.Write(newer, older).Select(o => o.Status));
            Assert.Equal([newer.Id], store.Ids(F.Kinds(10000)));
        }
    }

    [Fact]
    public void Tied_versions_in_one_batch_keep_the_lowest_id()
    {
        using var store = new TempStore();
        var (lower, higher) = Ev.TiedPair(TestKeys.Alice, Ev.Now, 30000, ["d", "x"]);

        var outcomes = store.Write(higher, lower);

        Assert.Equal([WriteStatus.Stored, WriteStatus.Stored], outcomes.Select(o => o.Status));
        Assert.Equal([lower.Id], store.Ids(F.Kinds(30000)));
    }

    [Fact]
    public void Replaceable_versions_are_kept_per_author_and_kind()
    {
        using var store = new TempStore();
        var alice0 = Ev.Make(TestKeys.Alice, Ev.Now - 5, 0);
        var bob0 = Ev.Make(TestKeys.Bob, Ev.Now - 4, 0);
        var alice3 = Ev.Make(TestKeys.Alice, Ev.Now - 3, 3);
        var alice0Newer = Ev.Make(TestKeys.Alice, Ev.Now, 0, "new");

        store.StoreAll(alice0, bob0, alice3, alice0Newer);

        Assert.Equal([alice0Newer.Id, alice3.Id, bob0.Id], store.Ids(F.All()));
    }

    [Fact]
    public void A_replaceable_events_d_tag_does_not_split_its_address()
    {
        // NIP-01: a replaceable event's key is (kind, pubkey); only addressable kinds use d.
        using var store = new TempStore();
        var first = Ev.Make(TestKeys.Alice, Ev.Now - 5, 10002, "", ["d", "one"]);
        var second = Ev.Make(TestKeys.Alice, Ev.Now, 10002, "", ["d", "two"]);

        store.StoreAll(first, second);

        Assert.Equal([second.Id], store.Ids(F.Kinds(10002)));
    }

    [Fact]
    public void Addressable_events_are_replaced_per_d_value()
    {
        using var store = new TempStore();
        var a1 = Ev.Make(TestKeys.Alice, Ev.Now - 10, 30023, "a1", ["d", "a"]);
        var b1 = Ev.Make(TestKeys.Alice, Ev.Now - 9, 30023, "b1", ["d", "b"]);
        var a2 = Ev.Make(TestKeys.Alice, Ev.Now - 8, 30023, "a2", ["d", "a"]);
        var noD = Ev.Make(TestKeys.Alice, Ev.Now - 7, 30023, "no d");
        var emptyD = Ev.Make(TestKeys.Alice, Ev.Now - 6, 30023, "empty d", ["d", ""]);
        var bobA = Ev.Make(TestKeys.Bob, Ev.Now - 5, 30023, "bob", ["d", "a"]);

        var outcomes = store.Write(a1, b1, a2, noD, emptyD, bobA);

        Assert.All(outcomes, o => Assert.Equal(WriteStatus.Stored, o.Status));

        // No d tag and an empty d value are the same address (NIP-01: "" when absent).
        Assert.Equal([bobA.Id, emptyD.Id, a2.Id, b1.Id], store.Ids(F.Kinds(30023)));
        Assert.Equal(WriteStatus.Superseded, store.Write(Ev.Make(TestKeys.Alice, Ev.Now - 20, 30023, "old a", ["d", "a"])).Status);
    }

    [Fact]
    public void Only_the_first_d_tag_names_the_address()
    {
        using var store = new TempStore();
        var first = Ev.Make(TestKeys.Alice, Ev.Now - 5, 30001, "1", ["d", "x"], ["d", "y"]);
        var second = Ev.Make(TestKeys.Alice, Ev.Now, 30001, "2", ["d", "y"]);

        store.StoreAll(first, second);

        Assert.Equal([second.Id, first.Id], store.Ids(F.Kinds(30001)));
    }

    [Fact]
    public void A_replaced_version_disappears_from_tag_queries_too()
    {
        using var store = new TempStore();
        var older = Ev.Make(TestKeys.Alice, Ev.Now - 5, 30000, "", ["d", "list"], ["p", TestKeys.Bob.PubKey().ToString()]);
        var newer = Ev.Make(TestKeys.Alice, Ev.Now, 30000, "", ["d", "list"]);

        store.StoreAll(older, newer);

        Assert.Empty(store.Ids(F.Tag('p', TestKeys.Bob.PubKey().ToString())));
        Assert.Equal([newer.Id], store.Ids(F.Tag('d', "list")));
    }
}
