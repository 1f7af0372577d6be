using Relay.Nostr.Events;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Writes;

public sealed class DeletionTests
{
    [Fact]
    public void A_deletion_by_id_removes_the_authors_event_and_is_itself_served()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now - 10, "oops", ["t", "x"]);
        store.StoreAll(note);
        var deletion = Ev.Deletion(TestKeys.Alice, Ev.Now, [note.Id]);

        Assert.Equal(WriteStatus.Stored, store.Write(deletion).Status);

        Assert.False(store.Has(note.Id));
        Assert.Empty(store.Ids(F.Tag('t', "x")));
        Assert.Equal([deletion.Id], store.Ids(F.Kinds(Kinds.Deletion)));
        Assert.Equal([deletion.Id], store.Ids(F.Tag('e', note.Id.ToString())));
        Assert.Equal(1, store.Store.GetStats().EventCount);
    }

    [Fact]
    public void A_deleted_event_cannot_be_published_again()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now - 10);
        store.StoreAll(note, Ev.Deletion(TestKeys.Alice, Ev.Now, [note.Id]));

        var again = store.Write(note);

        Assert.Equal(WriteStatus.Deleted, again.Status);
        Assert.Equal("OK false \"blocked: this event was deleted by its author\"", again.ToString());
        Assert.False(store.Has(note.Id));
    }

    [Fact]
    public void A_deletion_that_arrives_before_its_target_refuses_the_target()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now - 10);
        store.StoreAll(Ev.Deletion(TestKeys.Alice, Ev.Now, [note.Id]));

        Assert.Equal(WriteStatus.Deleted, store.Write(note).Status);
        Assert.False(store.Has(note.Id));
    }

    [Fact]
    public void A_deletion_and_its_target_in_one_batch_leave_only_the_deletion_in_either_order()
    {
        var note = Ev.Note(TestKeys.Alice, Ev.Now - 10);
        var deletion = Ev.Deletion(TestKeys.Alice, Ev.Now, [note.Id]);

        using (var store = new TempStore())
        {
            Assert.Equal([WriteStatus.Stored, WriteStatus.Stored], store.Write(note, deletion).Select(o => o.Status));
            Assert.False(store.Has(note.Id));
        }

        using (var store = new TempStore())
        {
            Assert.Equal([WriteStatus.Stored, WriteStatus.Deleted], store.Write(deletion, note).Select(o => o.Status));
            Assert.False(store.Has(note.Id));
        }
    }

    [Fact]
    public void A_deletion_naming_another_authors_stored_event_is_refused_and_changes_nothing()
    {
        using var store = new TempStore();
        var bobs = Ev.Note(TestKeys.Bob, Ev.Now - 10, "bob's");
        var alices = Ev.Note(TestKeys.Alice, Ev.Now - 9, "alice's");
        store.StoreAll(bobs, alices);
        var deletion = Ev.Deletion(TestKeys.Alice, Ev.Now, [alices.Id, bobs.Id]);

        var outcome = store.Write(deletion);

        Assert.Equal(WriteStatus.ForeignDeletion, outcome.Status);
        Assert.Equal("OK false \"blocked: a deletion request can only delete its author's own events\"", outcome.ToString());
        Assert.True(store.Has(bobs.Id));
        Assert.True(store.Has(alices.Id));
        Assert.False(store.Has(deletion.Id));
    }

    [Fact]
    public void Another_authors_deletion_of_an_unknown_id_never_blocks_the_real_author()
    {
        using var store = new TempStore();
        var bobs = Ev.Note(TestKeys.Bob, Ev.Now - 10);
        store.StoreAll(Ev.Deletion(TestKeys.Alice, Ev.Now, [bobs.Id]));

        Assert.Equal(WriteStatus.Stored, store.Write(bobs).Status);
        Assert.True(store.Has(bobs.Id));
    }

    [Fact]
    public void A_deletion_by_address_removes_versions_up_to_its_created_at_only()
    {
        using var store = new TempStore();
        var old = Ev.Make(TestKeys.Alice, Ev.Now - 300, 30023, "old", ["d", "post"]);
        store.StoreAll(old);
        var deletion = Ev.Deletion(TestKeys.Alice, Ev.Now - 200, addresses: [Ev.Address(TestKeys.Alice, 30023, "post")]);
        store.StoreAll(deletion);

        Assert.False(store.Has(old.Id));

        // Versions up to the deletion's created_at stay refused; newer ones are welcome (relay-tester:
        // resubmission_of_older_delete_by_addr, submission_of_newer_delete_by_addr).
        Assert.Equal(WriteStatus.Deleted, store.Write(old).Status);
        Assert.Equal(WriteStatus.Deleted, store.Write(Ev.Make(TestKeys.Alice, Ev.Now - 200, 30023, "same second", ["d", "post"])).Status);
        var newer = Ev.Make(TestKeys.Alice, Ev.Now - 100, 30023, "new", ["d", "post"]);
        Assert.Equal(WriteStatus.Stored, store.Write(newer).Status);
        Assert.Equal([newer.Id], store.Ids(F.Kinds(30023)));
    }

    [Fact]
    public void A_deletion_by_address_keeps_a_stored_version_newer_than_itself()
    {
        using var store = new TempStore();
        var newer = Ev.Make(TestKeys.Alice, Ev.Now - 60, 30023, "right", ["d", "post"]);
        store.StoreAll(Ev.Make(TestKeys.Alice, Ev.Now - 300, 30023, "wrong", ["d", "post"]), newer);

        store.StoreAll(Ev.Deletion(TestKeys.Alice, Ev.Now - 180, addresses: [Ev.Address(TestKeys.Alice, 30023, "post")]));

        Assert.Equal([newer.Id], store.Ids(F.Kinds(30023)));
    }

    [Fact]
    public void A_deletion_by_address_before_any_version_refuses_older_versions_and_accepts_newer_ones()
    {
        using var store = new TempStore();
        store.StoreAll(Ev.Deletion(TestKeys.Alice, Ev.Now - 100, addresses: [Ev.Address(TestKeys.Alice, 10002)]));

        Assert.Equal(WriteStatus.Deleted, store.Write(Ev.Make(TestKeys.Alice, Ev.Now - 150, 10002)).Status);
        Assert.Equal(WriteStatus.Stored, store.Write(Ev.Make(TestKeys.Alice, Ev.Now - 50, 10002)).Status);
    }

    [Fact]
    public void A_deletion_by_address_touches_only_that_kind_author_and_d_value()
    {
        using var store = new TempStore();
        var target = Ev.Make(TestKeys.Alice, Ev.Now - 10, 30023, "", ["d", "bound"]);
        var otherAuthor = Ev.Make(TestKeys.Bob, Ev.Now - 10, 30023, "", ["d", "bound"]);
        var otherD = Ev.Make(TestKeys.Alice, Ev.Now - 10, 30023, "", ["d", "bound_x"]);
        var otherKind = Ev.Make(TestKeys.Alice, Ev.Now - 10, 30024, "", ["d", "bound"]);
        store.StoreAll(target, otherAuthor, otherD, otherKind);

        store.StoreAll(Ev.Deletion(TestKeys.Alice, Ev.Now, addresses: [Ev.Address(TestKeys.Alice, 30023, "bound")]));

        Assert.False(store.Has(target.Id));
        Assert.True(store.Has(otherAuthor.Id));
        Assert.True(store.Has(otherD.Id));
        Assert.True(store.Has(otherKind.Id));
    }

    [Fact]
    public void A_deletion_naming_another_authors_address_is_refused()
    {
        using var store = new TempStore();
        var bobs = Ev.Make(TestKeys.Bob, Ev.Now - 10, 30023, "", ["d", "x"]);
        store.StoreAll(bobs);

        var outcome = store.Write(Ev.Deletion(TestKeys.Alice, Ev.Now, addresses: [Ev.Address(TestKeys.Bob, 30023, "x")]));

        Assert.Equal(WriteStatus.ForeignDeletion, outcome.Status);
        Assert.True(store.Has(bobs.Id));
    }

    [Fact]
    public void A_deletion_of_a_deletion_has_no_effect()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now - 20);
        var first = Ev.Deletion(TestKeys.Alice, Ev.Now - 10, [note.Id]);
        store.StoreAll(note, first);

        Assert.Equal(WriteStatus.Stored, store.Write(Ev.Deletion(TestKeys.Alice, Ev.Now, [first.Id])).Status);

        // NIP-09: "Publishing a deletion request event against a deletion request has no effect."
        Assert.True(store.Has(first.Id));
        Assert.Equal(WriteStatus.Deleted, store.Write(note).Status);
    }

    [Fact]
    public void A_deletion_request_named_before_it_arrives_is_still_accepted()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now - 30);
        var first = Ev.Deletion(TestKeys.Alice, Ev.Now - 10, [note.Id]);
        store.StoreAll(Ev.Deletion(TestKeys.Alice, Ev.Now, [first.Id]));

        Assert.Equal(WriteStatus.Stored, store.Write(first).Status);
    }

    [Fact]
    public void A_deletion_by_id_removes_a_replaceable_version()
    {
        using var store = new TempStore();
        var profile = Ev.Make(TestKeys.Alice, Ev.Now - 10, 0, "{}");
        store.StoreAll(profile, Ev.Deletion(TestKeys.Alice, Ev.Now, [profile.Id]));

        Assert.Empty(store.Ids(F.Kinds(0)));
        Assert.Equal(WriteStatus.Deleted, store.Write(profile).Status);
    }

    [Fact]
    public void A_gift_wrap_recipient_may_delete_it_with_a_k_1059_tag()
    {
        using var store = new TempStore();
        var recipient = TestKeys.Bob.PubKey().ToString();
        var wrap = Ev.Make(TestKeys.Carol, Ev.Now - 10, 1059, "sealed", ["p", recipient]);
        store.StoreAll(wrap);

        Assert.Equal(WriteStatus.ForeignDeletion, store.Write(Ev.Deletion(TestKeys.Bob, Ev.Now - 5, [wrap.Id])).Status);
        Assert.Equal(WriteStatus.Stored, store.Write(Ev.Deletion(TestKeys.Bob, Ev.Now, [wrap.Id], null, ["k", "1059"])).Status);

        Assert.False(store.Has(wrap.Id));
        Assert.Equal(WriteStatus.Deleted, store.Write(wrap).Status);
    }

    [Fact]
    public void A_gift_wrap_deletion_before_the_wrap_refuses_it_only_when_the_requester_is_tagged()
    {
        using var store = new TempStore();
        var toBob = Ev.Make(TestKeys.Carol, Ev.Now - 10, 1059, "for bob", ["p", TestKeys.Bob.PubKey().ToString()]);
        var toAlice = Ev.Make(TestKeys.Carol, Ev.Now - 10, 1059, "for alice", ["p", TestKeys.Alice.PubKey().ToString()]);
        store.StoreAll(Ev.Deletion(TestKeys.Bob, Ev.Now, [toBob.Id, toAlice.Id], null, ["k", "1059"]));

        Assert.Equal(WriteStatus.Deleted, store.Write(toBob).Status);
        Assert.Equal(WriteStatus.Stored, store.Write(toAlice).Status);
    }

    [Fact]
    public void Malformed_targets_are_ignored()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now - 10);
        store.StoreAll(note);

        var deletion = Ev.Make(TestKeys.Alice, Ev.Now, Kinds.Deletion, "", ["e", "not-an-id"], ["a", "x:y:z"], ["e", note.Id.ToString().ToUpperInvariant()]);

        Assert.Equal(WriteStatus.Stored, store.Write(deletion).Status);
        Assert.True(store.Has(note.Id));
    }
}
