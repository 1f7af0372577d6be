using Relay.Server.Diagnostics.Internal;

namespace Relay.Server.Diagnostics;

// Nostr protocol: nostr_client_messages_total, nostr_relay_messages_total, nostr_events_total,
// nostr_events_rejected_total, nostr_deliveries_total, nostr_subscriptions, nostr_req_time_to_eose_seconds,
// nostr_event_time_to_ok_seconds.
public sealed partial class RelayMetrics
{
    private static readonly KeyValuePair<string, object?>[] ClientVerbTags = MetricLabels.Tags("verb", MetricLabels.ClientVerbs);
    private static readonly KeyValuePair<string, object?>[] RelayVerbTags = MetricLabels.Tags("verb", MetricLabels.RelayVerbs);
    private static readonly KeyValuePair<string, object?>[][][] EventTags =
        MetricLabels.Tags("kind_class", MetricLabels.KindClasses, "result", MetricLabels.EventResults);
    private static readonly KeyValuePair<string, object?>[][][] RejectTags =
        MetricLabels.Tags("kind_class", MetricLabels.KindClasses, "reason", MetricLabels.RejectReasons);
    private static readonly KeyValuePair<string, object?>[] KindClassTags = MetricLabels.Tags("kind_class", MetricLabels.KindClasses);
    private static readonly KeyValuePair<string, object?>[] DeliveryTags = MetricLabels.Tags("source", MetricLabels.DeliverySources);

    /// <summary>A client message arrived: <c>nostr_client_messages_total{verb}</c>.</summary>
    public void ClientMessage(ClientVerb verb) => _clientMessages.Add(1, ClientVerbTags[(int)verb]);

    /// <summary><paramref name="count"/> messages of one verb were sent: <c>nostr_relay_messages_total{verb}</c>.</summary>
    public void RelayMessages(RelayVerb verb, int count = 1) => _relayMessages.Add(count, RelayVerbTags[(int)verb]);

    /// <summary>An event was accepted (OK true): <c>nostr_events_total{kind_class,result="accepted"}</c>.</summary>
    public void EventAccepted(KindClass kindClass) => _events.Add(1, EventTags[(int)kindClass][MetricLabels.Accepted]);

    /// <summary>
    /// An event was already known (NIP-01 <c>OK true "duplicate:"</c>):
    /// <c>nostr_events_total{kind_class,result="duplicate"}</c>.
    /// </summary>
    public void EventDuplicate(KindClass kindClass) => _events.Add(1, EventTags[(int)kindClass][MetricLabels.Duplicate]);

    /// <summary>
    /// An event was refused (OK false): <c>nostr_events_total{kind_class,result="rejected"}</c> and
    /// <c>nostr_events_rejected_total{kind_class,reason}</c>.
    /// </summary>
    public void EventRejected(KindClass kindClass, EventRejectReason reason)
    {
        _events.Add(1, EventTags[(int)kindClass][MetricLabels.Rejected]);
        _eventsRejected.Add(1, RejectTags[(int)kindClass][(int)reason]);
    }

    /// <summary><paramref name="count"/> events were sent to subscriptions: <c>nostr_deliveries_total{source}</c>.</summary>
    public void EventsDelivered(DeliverySource source, int count = 1) => _deliveries.Add(count, DeliveryTags[(int)source]);

    /// <summary>A subscription became live (REQ accepted): adds one to <c>nostr_subscriptions</c>.</summary>
    public void SubscriptionOpened() => _subscriptions.Add(1);

    /// <summary>A live subscription ended (CLOSE, CLOSED, replaced or its connection closed).</summary>
    public void SubscriptionClosed() => _subscriptions.Add(-1);

    /// <summary><paramref name="count"/> live subscriptions ended at once, e.g. when their connection closed.</summary>
    public void SubscriptionsClosed(int count) => _subscriptions.Add(-count);

    /// <summary>Time from a REQ's arrival to its EOSE: <c>nostr_req_time_to_eose_seconds</c>.</summary>
    public void RecordReqTimeToEose(TimeSpan elapsed) => _reqTimeToEose.Record(elapsed.TotalSeconds);

    /// <summary>Time from an EVENT's arrival to its OK: <c>nostr_event_time_to_ok_seconds{kind_class}</c>.</summary>
    public void RecordEventTimeToOk(KindClass kindClass, TimeSpan elapsed) =>
        _eventTimeToOk.Record(elapsed.TotalSeconds, KindClassTags[(int)kindClass]);
}
