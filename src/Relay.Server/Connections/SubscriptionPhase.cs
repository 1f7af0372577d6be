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
        SentIds = [];
        Buffered = [];
    }
}
