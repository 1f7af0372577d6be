namespace Relay.Actors;

/// <summary>
/// The actor's view of the kernel (<c>Context</c> inside an actor): its identity, the sender of the
/// current message, children, death watch, behaviour changes and receive timeout.
/// </summary>
/// <remarks>Valid only on the actor's own thread while it processes a message or a lifecycle hook; not
/// thread-safe (as in Akka.NET).</remarks>
public interface IActorContext : IActorRefFactory
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the current message; <see cref="ActorSystem.DeadLetters"/> when it has none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The actor system.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The receive timeout, if set.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>
    /// Watches <paramref name="subject"/>: exactly one <see cref="Terminated"/> arrives when it stops (at once
    /// if it is already dead). Watching twice is the same as once; watching oneself is ignored.
    /// </summary>
    /// <param name="subject">The actor to watch.</param>
    /// <returns><paramref name="subject"/>.</returns>
    IActorRef Watch(IActorRef subject);

    /// <summary>Stops watching; no <see cref="Terminated"/> for <paramref name="subject"/> is received afterwards,
    /// even one already in the mailbox.</summary>
    /// <param name="subject">The watched actor.</param>
    /// <returns><paramref name="subject"/>.</returns>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Stops <paramref name="child"/> (or this actor): asynchronously, children first, then PostStop;
    /// queued messages become dead letters. The name is free again once the parent has seen it die.</summary>
    /// <param name="child">A child, or <see cref="Self"/>.</param>
    void Stop(IActorRef child);

    /// <summary>Replaces the current behaviour with <paramref name="receive"/>.</summary>
    /// <param name="receive">The new behaviour.</param>
    void Become(Receive receive);

    /// <summary>Pushes <paramref name="receive"/> on the behaviour stack.</summary>
    /// <param name="receive">The new behaviour.</param>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour stack (back to the instance's own behaviour at the bottom).</summary>
    void UnbecomeStacked();

    /// <summary>
    /// Sends <see cref="Actors.ReceiveTimeout"/> to this actor after <paramref name="timeout"/> without
    /// messages (those implementing <see cref="INotInfluenceReceiveTimeout"/> do not count), again after each
    /// further idle period; <see langword="null"/> turns it off. It survives restarts, as in Akka.NET.
    /// </summary>
    /// <param name="timeout">The idle time, or <see langword="null"/>.</param>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>The child with this name, or <see cref="ActorRefs.Nobody"/>.</summary>
    /// <param name="name">The child's name.</param>
    IActorRef Child(string name);

    /// <summary>The children (including those stopping but not yet gone).</summary>
    IEnumerable<IActorRef> GetChildren();
}
