using Relay.Nostr.Events;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>NIP-01 result order: newest <c>created_at</c> first; among equals, the lowest id first.</summary>
internal sealed class NostrOrder : IComparer<(long CreatedAt, EventId Id)>
{
    public static readonly NostrOrder Instance = new();

    public int Compare((long CreatedAt, EventId Id) x, (long CreatedAt, EventId Id) y)
    {
        var byTime = y.CreatedAt.CompareTo(x.CreatedAt);
        return byTime != 0 ? byTime : x.Id.CompareTo(y.Id);
    }
}
