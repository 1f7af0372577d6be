namespace Relay.Actors;

public abstract partial class ActorBase
{
    /// <summary>Intercepts <see cref="PreStart"/> (kernel entry point); calls it by default.</summary>
    public virtual void AroundPreStart() => PreStart();

    /// <summary>Intercepts <see cref="PostStop"/>; calls it by default.</summary>
    public virtual void AroundPostStop() => PostStop();

    /// <summary>Intercepts <see cref="PreRestart"/>; calls it by default.</summary>
    /// <param name="cause">The failure.</param>
    /// <param name="message">The message being processed when it failed, if any.</param>
    public virtual void AroundPreRestart(Exception cause, object message) => PreRestart(cause, message);

    /// <summary>Intercepts <see cref="PostRestart"/>; calls it by default.</summary>
    /// <param name="cause">The failure.</param>
    /// <param name="message">Unused (always <see langword="null"/>), kept for Akka.NET parity.</param>
    public virtual void AroundPostRestart(Exception cause, object message) => PostRestart(cause);

    /// <summary>Called after the constructor, before the first message; empty by default.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called once the actor (and all its children) stopped; empty by default. Messages still
    /// queued become dead letters.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Called on the failed instance before it is replaced. By default unwatches and stops all children,
    /// then calls <see cref="PostStop"/>. The restart waits for the stopped children to be gone.
    /// </summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The message being processed when it failed; <see langword="null"/> when the
    /// failure did not come from a message (declared non-nullable, as in Akka.NET, so overrides written for
    /// Akka.NET compile unchanged).</param>
    protected virtual void PreRestart(Exception reason, object message)
    {
        var context = Cell;
        foreach (var child in context.GetChildren())
        {
            context.Unwatch(child);
            context.Stop(child);
        }
        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart; calls <see cref="PreStart"/> by default.</summary>
    /// <param name="reason">The failure.</param>
    protected virtual void PostRestart(Exception reason) => PreStart();
}
