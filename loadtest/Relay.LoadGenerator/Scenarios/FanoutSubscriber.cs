using Relay.LoadGenerator.Events;
using Relay.LoadGenerator.Measurement;
using Relay.LoadGenerator.Nostr;
using Relay.WebSockets;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>
/// One subscriber connection of <c>fanout</c>: holds its subscriptions, counts deliveries of the published events and
/// times each from its send (stamped by the publisher) to its arrival here.
/// </summary>
/// <remarks>
/// Counters are written only by this connection's receive loop and read after it ends, except
/// <see cref="Deliveries"/> (volatile) and the target set by <see cref="ExpectPerSubscription"/> from the scenario.
/// </remarks>
internal sealed class FanoutSubscriber
{
    private readonly WebSocketConnection _connection;
    private readonly EventLookup _lookup;
    private readonly long[] _sentAt;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _deliveries;
    private long _target;
    private int _answered;
    private Task _receive = Task.CompletedTask;
    private volatile bool _closing;
    private volatile bool _lost;

    public FanoutSubscriber(WebSocketConnection connection, int subscriptions, EventLookup lookup, long[] sentAt, long expectedPerSubscription, TimeProvider time)
    {
        _connection = connection;
        Subscriptions = subscriptions;
        _lookup = lookup;
        _sentAt = sentAt;
        _time = time;
        _target = subscriptions * expectedPerSubscription;
    }

    /// <summary>Subscriptions on this connection.</summary>
    public int Subscriptions { get; }

    /// <summary>Deliveries of our events so far (every subscription counts its own copy).</summary>
    public long Deliveries => Volatile.Read(ref _deliveries);

    /// <summary>EVENTs for ids we did not publish (another client's traffic matching the filter, or garbage).</summary>
    public long Foreign { get; private set; }

    /// <summary>EOSEs received.</summary>
    public int Eoses { get; private set; }

    /// <summary>CLOSEDs received: the relay refused or ended a subscription.</summary>
    public int Closed { get; private set; }

    /// <summary>Timestamp of the last delivery; 0 when none.</summary>
    public long LastDeliveryTimestamp { get; private set; }

    /// <summary>Publish-to-delivery latency of this connection's deliveries.</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>Whether the connection ended before the scenario closed it.</summary>
    public bool Lost => _lost;

    /// <summary>Completes when every subscription got EOSE or CLOSED (or the connection ended).</summary>
    public Task Subscribed => _subscribed.Task;

    /// <summary>Completes when the deliveries reach the target (or the connection ended).</summary>
    public Task Delivered => _delivered.Task;

    /// <summary>Starts receiving, then sends one REQ per subscription for <paramref name="filterTag"/> events of <paramref name="kind"/>.</summary>
    public async Task SubscribeAsync(int kind, string filterTag, CancellationToken cancellationToken)
    {
        _receive = ReceiveAsync(cancellationToken);

        for (var i = 0; i < Subscriptions; i++)
        {
            // NIP-01 limit 0: nothing stored, only what is published from now on (as subscribe-fanout.js asks).
            var req = ClientFrames.Req($"s{i}", filter =>
            {
                filter.WriteStartArray("kinds");
                filter.WriteNumberValue(kind);
                filter.WriteEndArray();
                filter.WriteStartArray("#t");
                filter.WriteStringValue(filterTag);
                filter.WriteEndArray();
                filter.WriteNumber("limit", 0);
            });
            if (!_connection.TryWrite(req, WebSocketMessageType.Text))
                break;
        }

        await _connection.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets how many deliveries each subscription should get (the events the relay accepted), and completes if already there.</summary>
    public void ExpectPerSubscription(long events)
    {
        Volatile.Write(ref _target, Subscriptions * events);
        if (Deliveries >= Volatile.Read(ref _target))
            _delivered.TrySetResult();
    }

    /// <summary>Closes the connection (1000) and waits for its receive loop.</summary>
    public async Task CloseAsync()
    {
        _closing = true;
        await RelayConnector.CloseQuietlyAsync(_connection).ConfigureAwait(false);
        await _receive.ConfigureAwait(false);
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var endedByItself = await RelayConnector.ReceiveAsync(_connection, OnReply, null, cancellationToken).ConfigureAwait(false);
        _lost = endedByItself && !_closing;
        _subscribed.TrySetResult();
        _delivered.TrySetResult();
    }

    private void OnReply(in RelayReply reply)
    {
        switch (reply.Verb)
        {
            case RelayVerb.Event:
                var index = _lookup.IndexOf(reply.EventId);
                if (index < 0)
                {
                    Foreign++;
                    return;
                }

                var now = _time.GetTimestamp();
                LastDeliveryTimestamp = now;
                Latency.Record(_time, Volatile.Read(ref _sentAt[index]), now);
                if (Interlocked.Increment(ref _deliveries) >= Volatile.Read(ref _target))
                    _delivered.TrySetResult();
                break;
            case RelayVerb.Eose:
                Eoses++;
                if (++_answered == Subscriptions)
                    _subscribed.TrySetResult();
                break;
            case RelayVerb.Closed:
                Closed++;
                if (++_answered == Subscriptions)
                    _subscribed.TrySetResult();
                break;
        }
    }
}
