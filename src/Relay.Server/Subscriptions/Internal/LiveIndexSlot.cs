namespace Relay.Server.Subscriptions.Internal;

/// <summary>One filed key in a <see cref="LiveIndexBucket{TSubscriber}"/>: the entry, and which of its keys this is
/// (so the bucket can update the entry's position when it moves the slot).</summary>
internal readonly record struct LiveIndexSlot<TSubscriber>(LiveIndexEntry<TSubscriber> Entry, int KeyIndex)
    where TSubscriber : class;
