using Relay.Nostr.Events;
using EventId = Relay.Nostr.Events.EventId;
using Relay.Server.Subscriptions;

namespace Relay.Server.Connections;

/// <summary>The writer's view of one subscription: before EOSE (buffering live events, remembering stored ids) or live.</summary>
internal sealed class SubscriptionPhase(ClientSubscription subscription)
{
    public ClientSubscription Subscription { get; } = subscription;

    public bool IsLive { get; private set; }

    /// <summary>Ids sent in the stored part; emptied at EOSE.</summary>
    public HashSet<EventId> SentIds { get; private set; } = [];

    /// <summary>Live events that arrived before EOSE; emptied at EOSE.</summary>
    public List<NostrEvent> Buffered { get; private set; } = [];

    public void GoLive()
    {
        IsLive = true;
        Buffered = [];
    }

    /// <summary>
    /// True when a live event was already sent from the stored part. Until <see cref="ForgetSent"/>, the broadcast of an
    /// event committed just before the query's snapshot may still be on its way, and must not be sent twice.
    /// </summary>
    public bool WasSent(EventId id) => SentIds.Count > 0 && SentIds.Contains(id);

    /// <summary>Every broadcast of an event in the snapshot has arrived (the store-writer barrier came back): drop the ids.</summary>
    public void ForgetSent() => SentIds = [];
}
