using Relay.Nostr.Filters;

namespace Relay.Server.Subscriptions.Internal;

/// <summary>
/// One filter of one subscriber, filed in the index under <see cref="KeyCount"/> keys of its
/// <see cref="Dimension"/>. For each key it remembers the bucket and its position there, so removal is a
/// swap with the bucket's last slot: O(1) a key, O(size of the filter) in all.
/// </summary>
/// <remarks>Owned by the index (single-threaded, like the index).</remarks>
internal sealed class LiveIndexEntry<TSubscriber>
    where TSubscriber : class
{
    public LiveIndexEntry(LiveIndexSubscriber<TSubscriber> owner, NostrFilter filter, LiveIndexDimension dimension, TagFilter? tag, int keyCount)
    {
        Owner = owner;
        Filter = filter;
        Dimension = dimension;
        Tag = tag;
        Buckets = new LiveIndexBucket<TSubscriber>[keyCount];
        Positions = new int[keyCount];
    }

    public LiveIndexSubscriber<TSubscriber> Owner { get; }

    public NostrFilter Filter { get; }

    public LiveIndexDimension Dimension { get; }

    /// <summary>The <c>#x</c> condition the entry is filed under when <see cref="Dimension"/> is <see cref="LiveIndexDimension.Tag"/>.</summary>
    public TagFilter? Tag { get; }

    public int KeyCount => Buckets.Length;

    /// <summary>The bucket holding key i (keys are the chosen dimension's values in filter order, duplicates kept).</summary>
    public LiveIndexBucket<TSubscriber>[] Buckets { get; }

    /// <summary>This entry's slot index inside <see cref="Buckets"/>[i]; kept current by the bucket.</summary>
    public int[] Positions { get; }

    /// <summary>
    /// The <c>Match</c> call that last tested this filter: an event with two tag values this filter is filed
    /// under reaches it twice, and the second test would give the same answer.
    /// </summary>
    public long TestedStamp { get; set; }
}
