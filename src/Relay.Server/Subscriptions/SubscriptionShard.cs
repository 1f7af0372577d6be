using Relay.Actors;
using Relay.Nostr.Events;
using Relay.Server.Connections;

namespace Relay.Server.Subscriptions;

/// <summary>
/// Owns the live filter index: every new event (stored or ephemeral) is matched here once and handed to the writer
/// of each matching subscription, which frames it with its subscription id around the event's one serialisation.
/// </summary>
/// <remarks>
/// One shard: a match costs microseconds (docs/benchmarks.md, Subscriptions), far below the ingest rate, and a single
/// owner keeps Add → Broadcast ordering simple. The no-gap guarantee of REQ rests on that ordering: the reader tells
/// the shard <see cref="Add"/> before asking a query worker for the stored part, so any event committed after the
/// query's snapshot reaches the shard after the subscription is indexed.
/// </remarks>
internal sealed class SubscriptionShard : UntypedActor
{
    public sealed record Add(ClientSubscription Subscription);

    public sealed record Remove(ClientSubscription Subscription);

    public sealed record Broadcast(NostrEvent Event);

    /// <summary>From the store writer (<see cref="Ingest.StoreWriter.Barrier"/>): every earlier broadcast has been delivered.</summary>
    public sealed record Barrier(ClientSubscription Subscription);

    private readonly LiveFilterIndex<ClientSubscription> _index = new();
    private readonly List<ClientSubscription> _matches = [];

    public static Props Props() => Actors.Props.Create(() => new SubscriptionShard());

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Broadcast broadcast:
                _index.Match(broadcast.Event, _matches);
                foreach (var subscription in _matches)
                {
                    if (!subscription.IsCancelled)
                        subscription.Writer.Tell(new ConnectionWriter.LiveEvent(subscription, broadcast.Event));
                }

                _matches.Clear();
                break;
            case Add add:
                if (!add.Subscription.IsCancelled)
                    _index.Add(add.Subscription, add.Subscription.Filters.AsSpan());
                break;
            case Barrier barrier:
                barrier.Subscription.Writer.Tell(new ConnectionWriter.CaughtUp(barrier.Subscription));
                break;
            case Remove remove:
                _index.Remove(remove.Subscription);
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
