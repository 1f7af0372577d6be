using Relay.Nostr;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;

namespace Relay.Storage.Sqlite.Tests.Support;

/// <summary>A real store in a fresh temporary directory, with its writer and a manual clock; deleted on dispose.</summary>
internal sealed class TempStore : IDisposable
{
    private EventWriter? _writer;

    public TempStore(Func<EventStoreOptions, EventStoreOptions>? configure = null, long now = Ev.Now)
    {
        Directory = TempDirectory.Create();
        Clock = new ManualClock(now);
        var options = new EventStoreOptions { DataDirectory = Directory, TimeProvider = Clock };
        Options = configure is null ? options : configure(options);
        Store = EventStore.Open(Options);
    }

    public string Directory { get; }

    public ManualClock Clock { get; }

    public EventStoreOptions Options { get; }

    public EventStore Store { get; private set; }

    public EventWriter Writer => _writer ??= Store.OpenWriter();

    public long Now => Clock.UnixSeconds;

    public WriteOutcome Write(NostrEvent nostrEvent) => Writer.WriteBatch([nostrEvent])[0];

    public WriteOutcome[] Write(params NostrEvent[] events) => Writer.WriteBatch(events);

    /// <summary>Writes and asserts every event was stored as new.</summary>
    public void StoreAll(params NostrEvent[] events)
    {
        var outcomes = Writer.WriteBatch(events);
        Assert.All(outcomes, outcome => Assert.Equal(WriteStatus.Stored, outcome.Status));
    }

    /// <summary>The ids a REQ returns, in order.</summary>
    public List<EventId> Ids(params NostrFilter[] filters) => ToIds(Store.Query(filters, Now));

    public static List<EventId> ToIds(QueryResult result) =>
        result.Events.Select(json => Parse(json).Id).ToList();

    public static NostrEvent Parse(ReadOnlyMemory<byte> json)
    {
        Assert.True(NostrEvent.TryParse(json.Span, NostrLimits.Default, out var parsed, out var error), error);
        return parsed;
    }

    public bool Has(EventId id) => Store.Contains(id);

    /// <summary>Closes and reopens the store on the same directory (the writer too).</summary>
    public void Reopen()
    {
        _writer?.Dispose();
        _writer = null;
        Store.Dispose();
        Store = EventStore.Open(Options);
    }

    public void Dispose()
    {
        _writer?.Dispose();
        Store.Dispose();
        TempDirectory.Delete(Directory);
    }
}
