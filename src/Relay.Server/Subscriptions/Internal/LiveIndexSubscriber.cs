namespace Relay.Server.Subscriptions.Internal;

/// <summary>One subscriber of a <see cref="LiveFilterIndex{TSubscriber}"/> and the filters it is indexed under.</summary>
/// <remarks>Owned by the index (single-threaded, like the index).</remarks>
internal sealed class LiveIndexSubscriber<TSubscriber>(TSubscriber subscriber)
    where TSubscriber : class
{
    public TSubscriber Subscriber { get; } = subscriber;

    /// <summary>The filters that can match, each filed in the index; empty when none can.</summary>
    public LiveIndexEntry<TSubscriber>[] Entries { get; set; } = [];

    /// <summary>
    /// The <c>Match</c> call that last reported this subscriber: a subscriber whose stamp is the current
    /// call's is skipped, so it is appended once however many of its filters are candidates.
    /// </summary>
    public long MatchedStamp { get; set; }
}
