namespace Relay.Actors.Internal;

/// <summary>
/// The part of an <see cref="ActorCell"/>'s state that most actors never touch, or touch only when
/// something rare happens: timers, a receive timeout, a failure and its supervision, children being stopped,
/// a stash, a <c>ReceiveAsync</c> handler still running, stacked behaviours, a Terminated in flight.
/// </summary>
/// <remarks>
/// <para>Why it exists: the relay keeps two actors per idle WebSocket connection (reader and writer) and must
/// stay within 16 KiB of RSS per connection. Kept inline, these fields made every cell 296 bytes; moved here,
/// an ordinary actor pays one null reference for them, and only an actor that uses one of them pays for
/// this object (once: it is never replaced or dropped, so a field read through it stays valid).</para>
/// <para>Thread-safety: <see cref="ActorCell"/> creates it with a compare-exchange, because some fields are
/// written outside the actor's own runs (<see cref="ChildNameCounter"/> by the guardians' <c>ActorOf</c> from
/// any thread, <see cref="SubscribedToEventStream"/> by <c>EventStream.Subscribe</c>, <see cref="ToDie"/>
/// and <see cref="RecreateCause"/> by whoever holds the children lock). Each field keeps the guarding it
/// had in the cell, noted beside it; unmarked fields are touched only inside the actor's mailbox runs.</para>
/// </remarks>
internal sealed class ActorCellExtras
{
    // Receive timeout (ActorCell.ReceiveTimeout.cs). Deadline-based: instead of re-scheduling a timer after
    // every message (Akka.NET's way, one timer allocation per message), each influencing message only records
    // a timestamp; a single timer fires, and the tick compares the idle time with the timeout, re-arming for
    // the rest if needed. The generation makes ticks from an older SetReceiveTimeout harmless.
    internal TimeSpan? ReceiveTimeout;
    internal long LastActivity;
    internal ITimer? ReceiveTimeoutTimer;
    internal ReceiveTimeoutTick? ReceiveTimeoutTick;
    internal int ReceiveTimeoutGeneration;

    /// <summary>Who caused the current failure: this actor, or a child whose failure it escalated.
    /// Non-null while failed, and while terminating with children still to stop.</summary>
    internal InternalActorRef? Perpetrator;

    /// <summary>The message (and its sender) being processed when the actor failed; PreRestart sees them.</summary>
    internal object? FailedMessage;
    internal IActorRef? FailedSender;

    /// <summary>Children being stopped, which the actor waits for before restarting or stopping.</summary>
    internal HashSet<LocalActorRef>? ToDie;                      // guarded by the cell's children lock
    internal Exception? RecreateCause;                           // guarded by the cell's children lock

    /// <summary>Counter behind the anonymous child names; incremented with <see cref="Interlocked"/>.</summary>
    internal long ChildNameCounter;

    /// <summary>System messages put aside while failed or waiting for children (Akka's sysmsg stash).</summary>
    internal List<SystemMessage>? SystemStash;

    /// <summary>The <c>ReceiveAsync</c> handler whose task is still running, if any.</summary>
    internal AsyncHandlerState? AsyncHandler;

    /// <summary>The behaviours below the top of the stack (only BecomeStacked needs those).</summary>
    internal Stack<Receive?>? BehaviorStack;

    /// <summary>The strategy for children, once asked for (cleared with each new instance).</summary>
    internal SupervisorStrategy? ChildStrategy;

    /// <summary>The timers of an actor implementing <see cref="IWithTimers"/> (cancelled with its instance).</summary>
    internal TimerScheduler? Timers;

    /// <summary>The stash of an actor implementing <see cref="IActorStash"/>.</summary>
    internal UnboundedStash? Stash;

    /// <summary>Terminated enqueued but not yet received. A mutable struct: used in place, never copied.</summary>
    internal ActorRefSet TerminatedQueued;

    /// <summary>Set when the actor subscribes to the event stream (from any thread), so it is unsubscribed at stop.</summary>
    internal bool SubscribedToEventStream;
}
