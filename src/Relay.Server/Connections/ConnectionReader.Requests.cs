using Relay.Actors;
using Relay.Nostr.Events;
using Relay.Nostr.Messages;
using Relay.Server.Diagnostics;
using Relay.Server.Ingest;
using Relay.Server.Queries;
using Relay.Server.Subscriptions;

namespace Relay.Server.Connections;

// EVENT, REQ, CLOSE and COUNT: the checks that belong to the connection, then routing.
internal sealed partial class ConnectionReader
{
    /// <summary>Close code for a client that keeps sending after <c>rate-limited:</c> replies (private-use range, RFC 6455 §7.4.2).</summary>
    public const ushort RateLimitedCloseCode = 4001;

    private void OnEvent(NostrEvent nostrEvent)
    {
        if (!PassRateLimit(RateLimit.Events))
        {
            _runtime.Ingest.Refuse(nostrEvent, _writer, IngestRefusal.RateLimited, _runtime.Time.GetTimestamp());
            return;
        }

        var received = _runtime.Time.GetTimestamp();
        if (nostrEvent.Kind == Kinds.ClientAuthentication)
        {
            // NIP-42: kind 22242 is only ever an AUTH payload and must never be broadcast or stored.
            _runtime.Ingest.Refuse(nostrEvent, _writer, IngestRefusal.AuthEventPublished, received);
            return;
        }

        if (nostrEvent.IsProtected && _context.Authenticated != nostrEvent.PubKey)
        {
            // NIP-70: a ["-"] event is accepted only from a connection authenticated as its author.
            _runtime.Ingest.Refuse(nostrEvent, _writer, IngestRefusal.ProtectedEvent, received);
            return;
        }

        if (!EventValidator.TryCheckTime(nostrEvent, _runtime.Time, _runtime.Options.Limits, out var error))
        {
            _runtime.Ingest.Reply(nostrEvent, _writer, false, error.Message, received);
            return;
        }

        _runtime.Ingest.Submit(new IngestWorker.Verify(nostrEvent, _writer, received));
    }

    private void OnReq(ReqMessage req)
    {
        if (!PassRateLimit(RateLimit.Reqs))
        {
            Reply(RelayReplies.Closed(req.SubscriptionId, "rate-limited: slow down, too many subscriptions opened"));
            return;
        }

        var replacing = EndSubscription(req.SubscriptionId, closedMessage: null);
        var limit = _runtime.Options.Limits.MaxSubscriptionsPerConnection;
        if (!replacing && _subscriptions?.Count >= limit)
        {
            Reply(RelayReplies.Closed(req.SubscriptionId, $"restricted: too many open subscriptions (at most {limit}); CLOSE one first"));
            return;
        }

        var subscription = new ClientSubscription(req.SubscriptionId, req.Filters, _writer, _runtime.Time.GetTimestamp());
        (_subscriptions ??= [])[req.SubscriptionId] = subscription;
        _runtime.Metrics.SubscriptionOpened();
        // Order matters (no gap between stored and live): the writer learns of the subscription first, the shard indexes
        // it next, and only then does a query worker take the snapshot of the stored part.
        _writer.Tell(new ConnectionWriter.Begin(subscription));
        _runtime.Shard.Tell(new SubscriptionShard.Add(subscription));
        _runtime.QueryWorkerFor(_context.Id).Tell(new QueryWorker.Run(subscription));
    }

    private void OnClose(SubscriptionId subscriptionId) => EndSubscription(subscriptionId, closedMessage: null);

    private void OnCount(CountMessage count)
    {
        if (!PassRateLimit(RateLimit.Reqs))
        {
            Reply(RelayReplies.Closed(count.SubscriptionId, "rate-limited: slow down, too many requests"));
            return;
        }

        _runtime.QueryWorkerFor(_context.Id).Tell(new QueryWorker.Count(count.SubscriptionId, count.Filters, _writer));
    }

    /// <summary>Ends the subscription with this id, if open. True when there was one.</summary>
    private bool EndSubscription(SubscriptionId subscriptionId, string? closedMessage)
    {
        if (_subscriptions is null || !_subscriptions.Remove(subscriptionId, out var old))
            return false;
        old.Cancel();
        _runtime.Shard.Tell(new SubscriptionShard.Remove(old));
        _writer.Tell(new ConnectionWriter.End(old, closedMessage));
        _runtime.Metrics.SubscriptionClosed();
        return true;
    }

    /// <summary>Forgets a subscription the writer ended, unless the client has already replaced or closed it.</summary>
    private void ForgetDropped(ClientSubscription dropped)
    {
        if (_subscriptions is null || !_subscriptions.TryGetValue(dropped.Id, out var current) || !ReferenceEquals(current, dropped))
            return;
        _subscriptions.Remove(dropped.Id);
        _runtime.Shard.Tell(new SubscriptionShard.Remove(dropped));
        _runtime.Metrics.SubscriptionClosed();
    }

    private bool PassRateLimit(RateLimit limit)
    {
        if (_context.Limits.TryPass(limit))
            return true;
        _runtime.Metrics.RateLimited(limit);
        if (_context.Limits.RefusalsInARow >= _runtime.Options.RateLimits.MaxRefusalsInARow)
            CloseConnection(RateLimitedCloseCode, "rate-limited: too many messages after being limited");
        return false;
    }
}
