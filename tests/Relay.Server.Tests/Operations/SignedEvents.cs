using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Storage.Sqlite;

namespace Relay.Server.Tests.Operations;

/// <summary>Really signed events (libsecp256k1 when installed) for the import and export tests.</summary>
internal static class SignedEvents
{
    public static readonly SecretKey Alice = SecretKey.Generate();
    public static readonly SecretKey Bob = SecretKey.Generate();

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static NostrEvent Note(SecretKey key, long createdAt, string content, int kind = 1, params NostrTag[] tags) =>
        NostrEvent.Create(key, createdAt, kind, tags, content);

    /// <summary><paramref name="count"/> distinct kind-1 notes an hour or more old, alternating authors.</summary>
    public static NostrEvent[] Notes(int count, long? start = null)
    {
        var first = start ?? Now - 3600 - count;
        return [.. Enumerable.Range(0, count).Select(i => Note(i % 2 == 0 ? Alice : Bob, first + i, "note " + i))];
    }

    public static string Line(NostrEvent nostrEvent) => nostrEvent.ToString();

    public static string Jsonl(IEnumerable<NostrEvent> events) => string.Concat(events.Select(e => Line(e) + "\n"));

    public static void Store(EventStoreOptions options, IReadOnlyList<NostrEvent> events)
    {
        using var store = EventStore.Open(options);
        using var writer = store.OpenWriter();
        var outcomes = writer.WriteBatch(events);
        Assert.All(outcomes, outcome => Assert.Equal(WriteStatus.Stored, outcome.Status));
    }

    public static long Count(EventStoreOptions options)
    {
        using var store = EventStore.Open(options);
        return store.GetStats().EventCount;
    }
}
