using Relay.Actors;
using Relay.Nostr.Events;
using Relay.Nostr.Messages;
using Relay.Server.Diagnostics;
using Relay.Server.Ingest;
using Relay.Server.Subscriptions;
using Relay.WebSockets;

namespace Relay.Server.Connections;

/// <summary>
/// The only sender on one connection's socket. Each message it handles is queued into the codec
/// (<see cref="WebSocketConnection.TryWrite"/> copies it); one flush at a time writes everything queued so far, so
/// whatever arrives while a flush is in progress is coalesced into the next single write. The codec bounds the queue
/// (<see cref="WebSocketConnectionOptions.MaxPendingOutboundBytes"/>): a client that lets it overflow is closed with 1008.
/// </summary>
/// <remarks>
/// Also the place where a REQ's stored and live parts meet: until EOSE, live events of a subscription are buffered;
/// at EOSE those already sent from storage are dropped by id, the rest sent. So an event committed after the REQ
/// arrived is neither missed nor sent twice (see <see cref="SubscriptionShard"/> for why none is missed).
/// </remarks>
internal sealed class ConnectionWriter : UntypedActor
{
    /// <summary>A pre-serialised message (OK, NOTICE, CLOSED, COUNT).</summary>
    public sealed record Send(byte[] Payload, RelayVerb Verb);

    /// <summary>A subscription starts: its live events are buffered until <see cref="EndOfStored"/>.</summary>
    public sealed record Begin(ClientSubscription Subscription);

    /// <summary>A slice of the stored part, in NIP-01 order.</summary>
    public sealed record Stored(ClientSubscription Subscription, IReadOnlyList<StoredEvent> Events);

    /// <summary>The stored part is complete: EOSE, then the buffered live events, then live.</summary>
    public sealed record EndOfStored(ClientSubscription Subscription);

    /// <summary>A new event matching a subscription (from the shard).</summary>
    public sealed record LiveEvent(ClientSubscription Subscription, NostrEvent Event);

    /// <summary>The subscription ended (CLOSE, replaced, or refused by the relay with a CLOSED message).</summary>
    public sealed record End(ClientSubscription Subscription, string? ClosedMessage);

    /// <summary>
    /// The store writer and the shard have passed every broadcast of events committed before this subscription's
    /// snapshot (see <see cref="StoreWriter.Barrier"/>): the ids sent from storage can be forgotten.
    /// </summary>
    public sealed record CaughtUp(ClientSubscription Subscription);

    private sealed record Flushed(bool Succeeded);

    private readonly WebSocketConnection _connection;
    private readonly RelayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly int _maxBuffered;
    private readonly IActorRef _storeWriter;
    private Dictionary<SubscriptionId, SubscriptionPhase>? _subscriptions;   // created by the first subscription
    private bool _flushing;
    private bool _dirty;

    public ConnectionWriter(WebSocketConnection connection, RelayMetrics metrics, TimeProvider time, int maxBufferedLiveEvents,
        IActorRef storeWriter)
    {
        _storeWriter = storeWriter;
        _connection = connection;
        _metrics = metrics;
        _time = time;
        _maxBuffered = maxBufferedLiveEvents;
    }

    public static Props Props(ConnectionContext context) =>
        Actors.Props.Create(static (ConnectionContext c) => new ConnectionWriter(c.Connection, c.Runtime.Metrics, c.Runtime.Time,
            c.Runtime.Options.Queries.MaxBufferedLiveEvents, c.Runtime.StoreWriter), context);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Send send:
                Write(send.Payload, send.Verb);
                break;
            case LiveEvent live:
                OnLive(live);
                break;
            case Stored stored:
                OnStored(stored);
                break;
            case Begin begin:
                (_subscriptions ??= [])[begin.Subscription.Id] = new SubscriptionPhase(begin.Subscription);
                break;
            case EndOfStored end:
                OnEndOfStored(end.Subscription);
                break;
            case End end:
                if (IsCurrent(end.Subscription, out _))
                    _subscriptions!.Remove(end.Subscription.Id);
                if (end.ClosedMessage is not null)
                    Write(RelayReplies.Closed(end.Subscription.Id, end.ClosedMessage));
                break;
            case CaughtUp caughtUp:
                if (IsCurrent(caughtUp.Subscription, out var caughtUpPhase))
                    caughtUpPhase.ForgetSent();
                break;
            case Flushed flushed:
                _flushing = false;
                if (!flushed.Succeeded)
                    _dirty = false;   // the connection is ending; nothing more will be written
                break;
            default:
                Unhandled(message);
                return;
        }

        if (_dirty && !_flushing)
            StartFlush();
    }

    private void OnLive(LiveEvent live)
    {
        if (!IsCurrent(live.Subscription, out var phase))
            return;
        if (phase.IsLive)
        {
            // An event committed just before the snapshot was sent as stored; its broadcast may arrive after EOSE.
            if (!phase.WasSent(live.Event.Id))
                WriteEvent(live.Subscription.Id, live.Event.Json.Span, DeliverySource.Live);
            return;
        }

        if (phase.Buffered.Count >= _maxBuffered)
        {
            // Bounded memory: the subscription is ended rather than buffering without limit (NIP-01: a relay-side end is CLOSED).
            live.Subscription.Cancel();
            _subscriptions!.Remove(live.Subscription.Id);
            Write(RelayReplies.Closed(live.Subscription.Id, "error: too many new events while the stored ones were being sent; please re-subscribe"));
            // The reader owns the subscription table: it frees the slot and unindexes the subscription.
            Context.Parent.Tell(new ConnectionReader.SubscriptionDropped(live.Subscription));
            return;
        }

        phase.Buffered.Add(live.Event);
    }

    private void OnStored(Stored stored)
    {
        if (!IsCurrent(stored.Subscription, out var phase) || phase.IsLive)
            return;
        foreach (var e in stored.Events)
        {
            phase.SentIds.Add(e.Id);
            WriteEvent(stored.Subscription.Id, e.Json, DeliverySource.Stored);
        }
    }

    private void OnEndOfStored(ClientSubscription subscription)
    {
        if (!IsCurrent(subscription, out var phase) || phase.IsLive)
            return;
        // Composed in the thread's scratch buffer; Write copies it into the codec's queue before anything reuses it.
        var frame = RelayReplies.Scratch();
        RelayMessageWriter.WriteEose(frame, subscription.Id);
        Write(frame.WrittenSpan, RelayVerb.Eose);
        _metrics.RecordReqTimeToEose(_time.GetElapsedTime(subscription.ReceivedTimestamp));
        foreach (var buffered in phase.Buffered)
        {
            if (!phase.SentIds.Contains(buffered.Id))
                WriteEvent(subscription.Id, buffered.Json.Span, DeliverySource.Live);
        }

        phase.GoLive();
        if (phase.SentIds.Count > 0)
            _storeWriter.Tell(new StoreWriter.Barrier(subscription));
    }

    private bool IsCurrent(ClientSubscription subscription, out SubscriptionPhase phase)
    {
        phase = null!;
        return _subscriptions is not null && _subscriptions.TryGetValue(subscription.Id, out phase!) && ReferenceEquals(phase.Subscription, subscription);
    }

    private void WriteEvent(SubscriptionId subscriptionId, ReadOnlySpan<byte> eventJson, DeliverySource source)
    {
        // The event's canonical JSON is serialised once (when it was parsed or read from storage); only the
        // ["EVENT","<sub>", prefix differs per subscription, so framing is two small copies.
        var frame = RelayReplies.Scratch();
        RelayMessageWriter.WriteEvent(frame, subscriptionId, eventJson);
        if (Write(frame.WrittenSpan, RelayVerb.Event))
            _metrics.EventsDelivered(source);
    }

    private void Write(Send send) => Write(send.Payload, send.Verb);

    private bool Write(ReadOnlySpan<byte> payload, RelayVerb verb)
    {
        // False when the connection is closing, or when this message would pass the outbound bound: then the codec has
        // started the 1008 close itself and told the observer, which counts the slow consumer.
        if (!_connection.TryWrite(payload, WebSocketMessageType.Text))
            return false;
        _metrics.RelayMessages(verb);
        _dirty = true;
        return true;
    }

    private void StartFlush()
    {
        _flushing = true;
        _dirty = false;
        _connection.FlushAsync().AsTask().PipeTo(Self, success: static ok => new Flushed(ok), failure: static _ => new Flushed(false));
    }
}
