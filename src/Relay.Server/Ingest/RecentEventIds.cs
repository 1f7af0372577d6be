using System.Collections.Concurrent;
using EventId = Relay.Nostr.Events.EventId;

namespace Relay.Server.Ingest;

/// <summary>
/// Ids of the most recently stored regular events (never replaceable or addressable ones, whose older versions storage
/// refuses rather than calls duplicates), so a re-broadcast of a popular event is answered <c>duplicate:</c> without a
/// SQLite lookup and long before its signature would be verified. Oldest forgotten first.
/// </summary>
/// <remarks>Thread-safe for readers; <see cref="Add"/> is called by the store writer alone.</remarks>
internal sealed class RecentEventIds(int capacity)
{
    private readonly ConcurrentDictionary<EventId, byte> _ids = new();
    private readonly Queue<EventId> _order = new();

    public bool Contains(EventId id) => _ids.ContainsKey(id);

    /// <summary>Forgets an id (its event was deleted, NIP-09: a re-publication must be refused, not called a duplicate).</summary>
    public void Remove(EventId id) => _ids.TryRemove(id, out _);

    public void Add(EventId id)
    {
        if (!_ids.TryAdd(id, 0))
            return;
        _order.Enqueue(id);
        if (_order.Count > capacity)
            _ids.TryRemove(_order.Dequeue(), out _);
    }
}
