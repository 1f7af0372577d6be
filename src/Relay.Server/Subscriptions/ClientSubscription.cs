using System.Collections.Immutable;
using Relay.Actors;
using Relay.Nostr.Filters;
using Relay.Nostr.Messages;

namespace Relay.Server.Subscriptions;

/// <summary>
/// One accepted REQ: its filters and the writer of its connection. Compared by reference: a REQ that replaces a
/// subscription id creates a new instance, so stored events, EOSE and live events addressed to the old one are
/// recognised and dropped by the writer.
/// </summary>
/// <remarks>Immutable but for <see cref="IsCancelled"/>, set by the reader (CLOSE, replacement, connection end) and read by
/// the query workers to stop early.</remarks>
internal sealed class ClientSubscription(SubscriptionId id, ImmutableArray<NostrFilter> filters, IActorRef writer, long receivedTimestamp)
{
    private volatile bool _cancelled;

    public SubscriptionId Id { get; } = id;

    public ImmutableArray<NostrFilter> Filters { get; } = filters;

    /// <summary>The connection's writer actor: the only sender on its socket.</summary>
    public IActorRef Writer { get; } = writer;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the REQ arrived (time to EOSE).</summary>
    public long ReceivedTimestamp { get; } = receivedTimestamp;

    public bool IsCancelled => _cancelled;

    public void Cancel() => _cancelled = true;
}
