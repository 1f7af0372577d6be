namespace Relay.Server.Subscriptions.Internal;

/// <summary>
/// The filters filed under one key (an id, an author, a tag value, a kind, or "match all"), as a dense
/// array so <c>Match</c> walks it without allocating. Unordered: removal moves the last slot into the hole.
/// </summary>
/// <remarks>Owned by the index (single-threaded, like the index).</remarks>
internal sealed class LiveIndexBucket<TSubscriber>
    where TSubscriber : class
{
    // Most keys hold one filter (an id, a followed author): start small.
    private const int InitialCapacity = 4;

    // Shrink once three quarters are free, never below this: a kind-1 bucket that held 10,000 follow lists
    // and lost them should not keep 10,000 slots, but small buckets are not worth resizing.
    private const int ShrinkFloor = 64;

    private LiveIndexSlot<TSubscriber>[] _slots = new LiveIndexSlot<TSubscriber>[InitialCapacity];

    public int Count { get; private set; }

    public ReadOnlySpan<LiveIndexSlot<TSubscriber>> Slots => _slots.AsSpan(0, Count);

    /// <summary>Files <paramref name="entry"/>'s key <paramref name="keyIndex"/> here.</summary>
    public void Add(LiveIndexEntry<TSubscriber> entry, int keyIndex)
    {
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        _slots[Count] = new LiveIndexSlot<TSubscriber>(entry, keyIndex);
        entry.Buckets[keyIndex] = this;
        entry.Positions[keyIndex] = Count;
        Count++;
    }

    /// <summary>Removes <paramref name="entry"/>'s key <paramref name="keyIndex"/>, which must be filed here.</summary>
    public void Remove(LiveIndexEntry<TSubscriber> entry, int keyIndex)
    {
        var position = entry.Positions[keyIndex];
        var last = --Count;
        if (position != last)
        {
            var moved = _slots[last];
            _slots[position] = moved;
            moved.Entry.Positions[moved.KeyIndex] = position;
        }

        _slots[last] = default;
        if (_slots.Length > ShrinkFloor && Count <= _slots.Length / 4)
        {
            Array.Resize(ref _slots, _slots.Length / 2);
        }
    }
}
