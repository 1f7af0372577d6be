using System.Text;
using Relay.Nostr;
using Relay.Nostr.Events;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Maintenance;

public sealed class ExportTests
{
    private static List<string> ExportLines(TempStore store, ExportOptions? options = null)
    {
        using var output = new MemoryStream();
        var count = store.Store.Export(output, options);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith(count == 0 ? "" : "\n", text, StringComparison.Ordinal);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.Equal(count, lines.Count);
        return lines;
    }

    [Fact]
    public void Export_writes_canonical_json_lines_oldest_first_across_chunks()
    {
        using var store = new TempStore();

        // 2,500 events over 40 distinct seconds: chunks of 1,000 end inside runs of equal created_at.
        var events = Enumerable.Range(0, 2500)
            .Select(i => NostrEvent.Create(TestKeys.Alice, Ev.Now - 1000 + (i % 40), 1, [], $"{i}", FastSigner.Instance))
            .ToArray();
        store.StoreAll(events);

        var lines = ExportLines(store);

        var expected = events.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Select(e => e.ToString()).ToList();
        Assert.Equal(expected, lines);
    }

    [Fact]
    public void Export_filters_by_time_window_and_kinds_and_leaves_out_expired_events()
    {
        using var store = new TempStore();
        var early = Ev.Note(TestKeys.Alice, 100);
        var inWindow = Ev.Note(TestKeys.Alice, 200);
        var reaction = Ev.Make(TestKeys.Alice, 250, 7, "+");
        var edge = Ev.Note(TestKeys.Alice, 300);
        var late = Ev.Note(TestKeys.Alice, 400);
        var expiring = Ev.Note(TestKeys.Alice, 260, "bye", ["expiration", (Ev.Now + 10).ToString()]);
        store.StoreAll(early, inWindow, reaction, edge, late, expiring);

        Assert.Equal(
            [inWindow.ToString(), reaction.ToString(), expiring.ToString(), edge.ToString()],
            ExportLines(store, new ExportOptions { Since = 200, Until = 300 }));
        Assert.Equal([reaction.ToString()], ExportLines(store, new ExportOptions { Kinds = [7] }));
        Assert.Empty(ExportLines(store, new ExportOptions { Kinds = [] }));

        store.Clock.UnixSeconds = Ev.Now + 10;
        Assert.DoesNotContain(expiring.ToString(), ExportLines(store));
    }

    [Fact]
    public void An_export_imported_through_WriteBatch_reproduces_the_store()
    {
        using var source = new TempStore();
        using var target = new TempStore();
        var note = Ev.Note(TestKeys.Alice, Ev.Now - 50, "n", ["t", "x"]);
        source.StoreAll(
            note,
            Ev.Make(TestKeys.Alice, Ev.Now - 40, 0, "{\"name\":\"alice\"}"),
            Ev.Make(TestKeys.Bob, Ev.Now - 30, 30023, "article", ["d", "a"]),
            Ev.Deletion(TestKeys.Alice, Ev.Now - 20, addresses: [Ev.Address(TestKeys.Alice, 30023, "a")]));

        var imported = ExportLines(source)
            .Select(line =>
            {
                Assert.True(NostrEvent.TryParse(Encoding.UTF8.GetBytes(line), NostrLimits.Default, out var e, out var error), error);
                return e;
            })
            .ToArray();
        Assert.All(target.Write(imported), outcome => Assert.Equal(WriteStatus.Stored, outcome.Status));

        Assert.Equal(
            source.Store.Query([F.All()], source.Now).Events.Select(Ev.Text),
            target.Store.Query([F.All()], target.Now).Events.Select(Ev.Text));
    }
}
