using Relay.Nostr.Events;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Writes;

public sealed class WriteBatchTests
{
    [Fact]
    public void WriteBatch_stores_a_regular_event_and_returns_its_canonical_bytes_unchanged()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now - 10, "hello \"world\"\n🎉", ["t", "nostr"], ["p", TestKeys.Bob.PubKey().ToString()]);

        var outcome = store.Write(note);

        Assert.Equal(WriteStatus.Stored, outcome.Status);
        Assert.True(outcome.Accepted);
        Assert.True(outcome.IsNew);
        Assert.Equal("", outcome.Message);
        Assert.Equal("OK true \"\"", outcome.ToString());
        var result = store.Store.Query([F.Ids(note.Id)], store.Now);
        Assert.Equal(note.Json.ToArray(), Assert.Single(result.Events).ToArray());
    }

    [Fact]
    public void WriteBatch_answers_a_stored_id_as_an_accepted_duplicate()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now);
        store.StoreAll(note);

        var again = store.Write(note);

        Assert.Equal(WriteStatus.Duplicate, again.Status);
        Assert.True(again.Accepted);
        Assert.False(again.IsNew);
        Assert.Equal("OK true \"duplicate: already have this event\"", again.ToString());
    }

    [Fact]
    public void WriteBatch_answers_the_second_copy_inside_one_batch_as_a_duplicate()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now);

        var outcomes = store.Write(note, note);

        Assert.Equal([WriteStatus.Stored, WriteStatus.Duplicate], outcomes.Select(o => o.Status));
        Assert.Equal(1, store.Store.GetStats().EventCount);
    }

    [Fact]
    public void WriteBatch_refuses_ephemeral_kinds_as_a_programming_error_and_stores_nothing_of_the_batch()
    {
        using var store = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now);
        var ephemeral = Ev.Make(TestKeys.Alice, Ev.Now, 20001);

        var error = Assert.Throws<ArgumentException>(() => store.Write(note, ephemeral));

        Assert.Contains("ephemeral", error.Message, StringComparison.Ordinal);
        Assert.False(store.Has(note.Id));
        Assert.Throws<ArgumentException>(() => store.Write(Ev.Make(TestKeys.Alice, Ev.Now, Kinds.ClientAuthentication)));
    }

    [Fact]
    public void WriteBatch_refuses_an_event_already_expired_at_write_time()
    {
        using var store = new TempStore();
        var expired = Ev.Note(TestKeys.Alice, Ev.Now - 100, "gone", ["expiration", (Ev.Now - 1).ToString()]);
        var expiringNow = Ev.Note(TestKeys.Alice, Ev.Now - 100, "now", ["expiration", Ev.Now.ToString()]);
        var later = Ev.Note(TestKeys.Alice, Ev.Now - 100, "later", ["expiration", (Ev.Now + 60).ToString()]);

        var outcomes = store.Write(expired, expiringNow, later);

        Assert.Equal([WriteStatus.Expired, WriteStatus.Expired, WriteStatus.Stored], outcomes.Select(o => o.Status));
        Assert.Equal("OK false \"invalid: this event has expired\"", outcomes[0].ToString());
        Assert.False(store.Has(expired.Id));
    }

    [Fact]
    public void WriteBatch_returns_one_outcome_per_event_in_order_for_a_mixed_batch()
    {
        using var store = new TempStore();
        var first = Ev.Note(TestKeys.Alice, Ev.Now - 5, "a");
        var second = Ev.Note(TestKeys.Bob, Ev.Now - 4, "b");
        store.StoreAll(first);

        var outcomes = store.Write(second, first, Ev.Note(TestKeys.Carol, Ev.Now, "c"));

        Assert.Equal([WriteStatus.Stored, WriteStatus.Duplicate, WriteStatus.Stored], outcomes.Select(o => o.Status));
        Assert.Equal(3, store.Store.GetStats().EventCount);
    }

    [Fact]
    public void WriteBatch_with_an_empty_batch_does_nothing()
    {
        using var store = new TempStore();

        Assert.Empty(store.Writer.WriteBatch([]));

        Assert.Equal(0, store.Store.GetStats().EventCount);
    }

    [Fact]
    public void WriteBatch_rejects_an_outcome_span_shorter_than_the_batch()
    {
        using var store = new TempStore();
        var events = new[] { Ev.Note(TestKeys.Alice, Ev.Now, "a"), Ev.Note(TestKeys.Alice, Ev.Now, "b") };

        Assert.Throws<ArgumentException>(() => store.Writer.WriteBatch(events, new WriteOutcome[1]));
    }

    [Fact]
    public void OpenWriter_allows_only_one_writer_at_a_time()
    {
        using var store = new TempStore();
        _ = store.Writer;

        Assert.Throws<InvalidOperationException>(() => store.Store.OpenWriter());
    }

    [Fact]
    public void WriteOutcome_maps_every_status_to_the_NIP01_flag_and_prefix()
    {
        Assert.Equal("OK true \"\"", new WriteOutcome(WriteStatus.Stored).ToString());
        Assert.Equal("OK true \"duplicate: already have this event\"", new WriteOutcome(WriteStatus.Duplicate).ToString());
        Assert.Equal("OK false \"blocked: this event was deleted by its author\"", new WriteOutcome(WriteStatus.Deleted).ToString());
        Assert.Equal(
            "OK false \"duplicate: a newer version of this replaceable event is stored\"", new WriteOutcome(WriteStatus.Superseded).ToString());
        Assert.Equal(
            "OK false \"blocked: a deletion request can only delete its author's own events\"",
            new WriteOutcome(WriteStatus.ForeignDeletion).ToString());
        Assert.Equal("OK false \"invalid: this event has expired\"", new WriteOutcome(WriteStatus.Expired).ToString());
        Assert.Equal("OK false \"error: could not store the event\"", new WriteOutcome(WriteStatus.Failed).ToString());
    }
}
