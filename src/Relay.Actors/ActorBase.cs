using Relay.Actors.Internal;

namespace Relay.Actors;

/// <summary>
/// Base of all actors. Instances are created by the kernel from <see cref="Props"/> (never with
/// <c>new</c> directly); each processes one message at a time, so its fields need no locking.
/// </summary>
/// <remarks>Lifecycle (Akka.NET's): constructor → <see cref="PreStart"/> → messages → <see cref="PostStop"/>.
/// On restart: <see cref="PreRestart"/> on the old instance (by default stops the children and calls
/// PostStop), a new instance from the props, <see cref="PostRestart"/> on it (by default calls PreStart).</remarks>
public abstract partial class ActorBase
{
    private ActorCell _cell;

    /// <summary>Binds the instance to the cell that is constructing it.</summary>
    /// <exception cref="ActorInitializationException">The actor was created with <c>new</c> outside the kernel.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.Creating ?? throw new ActorInitializationException(
            $"You cannot create an instance of [{GetType()}] explicitly using the constructor (new). " +
            "You have to use one of the 'ActorOf' factory methods to create a new actor.");
        // Set here, before the derived constructor body runs, so timers and stash work in constructors.
        if (this is IWithTimers withTimers) withTimers.Timers = _cell.CreateTimers();
        if (this is IActorStash withStash) withStash.Stash = _cell.CreateStash();
    }

    /// <summary>
    /// The context of the actor whose message is being processed on this thread.
    /// </summary>
    /// <exception cref="NotSupportedException">Outside the actor's own processing (e.g. after an
    /// <c>await</c> with <c>ConfigureAwait(false)</c>), as in Akka.NET.</exception>
    protected static IActorContext Context
    {
        get
        {
            var cell = ActorCell.Current;
            if (cell is null) ThrowHelper.ThrowNoActorContext();
            return cell;
        }
    }

    /// <summary>This actor's reference (valid from the constructor on, from any thread).</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed; dead letters when it has none.</summary>
    /// <exception cref="NotSupportedException">Outside the actor's own processing.</exception>
    protected IActorRef Sender
    {
        get
        {
            if (!ReferenceEquals(ActorCell.Current, _cell)) ThrowHelper.ThrowNoActorContext();
            return _cell.Sender;
        }
    }

    /// <summary>The behaviour the instance starts with, called without a delegate (one per actor would cost
    /// 64 bytes for nothing but the common case).</summary>
    internal bool ReceiveInitial(object message) => Receive(message);

    /// <summary>Handles a message; returns <see langword="false"/> when it does not.</summary>
    /// <param name="message">The message.</param>
    protected abstract bool Receive(object message);

    /// <summary>
    /// Called for messages the behaviour did not handle. By default an unhandled <see cref="Terminated"/>
    /// throws <see cref="DeathPactException"/> (the watcher dies with the watched actor) and anything else is
    /// published as <see cref="UnhandledMessage"/> on the event stream.
    /// </summary>
    /// <param name="message">The message.</param>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated) throw new DeathPactException(terminated.ActorRef);
        _cell.System.EventStream.Publish(new UnhandledMessage(message, _cell.Sender, _cell.Self));
    }

    /// <summary>The strategy this actor applies to its failing children (default: <see cref="Actors.SupervisorStrategy.DefaultStrategy"/>).
    /// Asked once per instance.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>Replaces the current behaviour.</summary>
    /// <param name="receive">The new behaviour.</param>
    protected void Become(Receive receive) => _cell.Become(receive);

    /// <summary>Pushes a behaviour on the stack.</summary>
    /// <param name="receive">The new behaviour.</param>
    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    /// <summary>Pops the behaviour stack.</summary>
    protected void UnbecomeStacked() => _cell.UnbecomeStacked();

    /// <summary>Sets or clears the receive timeout (see <see cref="IActorContext.SetReceiveTimeout"/>).</summary>
    /// <param name="timeout">The idle time, or <see langword="null"/>.</param>
    protected void SetReceiveTimeout(TimeSpan? timeout) => _cell.SetReceiveTimeout(timeout);

    internal ActorCell Cell => _cell;

    internal void UnhandledInternal(object message) => Unhandled(message);

    internal SupervisorStrategy SupervisorStrategyInternal() => SupervisorStrategy();

    /// <summary>A factory may return the same instance again on restart; it stays bound to its cell.</summary>
    internal void BindToCell(ActorCell cell)
    {
        if (!ReferenceEquals(_cell, cell))
        {
            throw new ActorInitializationException(cell.Self,
                $"The props factory returned an instance of {GetType()} that belongs to another actor");
        }
        _cell = cell;
    }

    /// <summary>Called by the kernel once the constructor has returned.</summary>
    internal virtual void OnConstructed()
    {
    }
}
