using System.Collections.Concurrent;
using Relay.Actors.Internal;

namespace Relay.Actors;

/// <summary>
/// The system's publish/subscribe bus (Akka.NET's <c>EventStream</c>): a subscriber to a type gets every
/// published event assignable to it (subclasses and implemented interfaces included), once per event even
/// when several of its subscriptions match. Actors are unsubscribed automatically when they stop.
/// </summary>
/// <remarks>Thread-safe. Publishing with no subscriber costs one read; the subscriber set per event type is
/// cached and rebuilt after a (rare) subscription change.</remarks>
public sealed class EventStream
{
    private readonly Lock _lock = new();
    private volatile Snapshot _snapshot = new([]);

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>.</summary>
    /// <param name="subscriber">Who receives the events.</param>
    /// <param name="channel">The event type.</param>
    /// <returns><see langword="false"/> if it was already subscribed to exactly this type.</returns>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        var target = (IActorRef?)ActorRefs.Unwrap(subscriber) ?? subscriber;
        lock (_lock)
        {
            var current = _snapshot.Subscriptions;
            foreach (var s in current)
            {
                if (s.Channel == channel && s.Subscriber.Equals(target)) return false;
            }
            _snapshot = new Snapshot([.. current, new Subscription(channel, target)]);
        }
        (target as LocalActorRef)?.Cell.MarkSubscribedToEventStream();
        return true;
    }

    /// <summary>Removes one subscription.</summary>
    /// <param name="subscriber">The subscriber.</param>
    /// <param name="channel">The event type it subscribed to.</param>
    /// <returns>Whether there was such a subscription.</returns>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        return Remove(subscriber, channel);
    }

    /// <summary>Removes all subscriptions of <paramref name="subscriber"/>.</summary>
    /// <param name="subscriber">The subscriber.</param>
    /// <returns>Whether it had any.</returns>
    public bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Remove(subscriber, null);
    }

    /// <summary>Delivers <paramref name="event"/> to every matching subscriber (without a sender).</summary>
    /// <param name="event">The event.</param>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var snapshot = _snapshot;
        if (snapshot.Subscriptions.Length == 0) return;
        foreach (var subscriber in snapshot.SubscribersOf(@event.GetType())) subscriber.Tell(@event, ActorRefs.NoSender);
    }

    private bool Remove(IActorRef subscriber, Type? channel)
    {
        var target = (IActorRef?)ActorRefs.Unwrap(subscriber) ?? subscriber;
        lock (_lock)
        {
            var current = _snapshot.Subscriptions;
            var kept = Array.FindAll(current,
                s => !(s.Subscriber.Equals(target) && (channel is null || s.Channel == channel)));
            if (kept.Length == current.Length) return false;
            _snapshot = new Snapshot(kept);
            return true;
        }
    }

    private sealed record Subscription(Type Channel, IActorRef Subscriber);

    /// <summary>Immutable subscription list with its own per-event-type cache, replaced on every change,
    /// so a publisher never sees a cache computed from another list.</summary>
    private sealed class Snapshot(Subscription[] subscriptions)
    {
        private readonly ConcurrentDictionary<Type, IActorRef[]> _byEventType = new();

        public Subscription[] Subscriptions { get; } = subscriptions;

        public IActorRef[] SubscribersOf(Type eventType) =>
            _byEventType.GetOrAdd(eventType, static (type, self) => self.Match(type), this);

        private IActorRef[] Match(Type eventType)
        {
            var result = new List<IActorRef>();
            foreach (var s in Subscriptions)
            {
                if (s.Channel.IsAssignableFrom(eventType) && !result.Contains(s.Subscriber)) result.Add(s.Subscriber);
            }
            return [.. result];
        }
    }
}
