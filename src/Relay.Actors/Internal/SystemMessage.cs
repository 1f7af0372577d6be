namespace Relay.Actors.Internal;

/// <summary>
/// Kernel-to-cell messages, processed before any user message (Akka.NET's <c>SysMsg</c> set). Each object
/// is enqueued once: <see cref="Next"/> links it into the receiving mailbox's lock-free stack.
/// </summary>
internal abstract class SystemMessage
{
    /// <summary>Link in the mailbox's system-message stack; owned by the mailbox.</summary>
    internal SystemMessage? Next;

    /// <summary>Stashed (not processed) while the cell waits for its children to stop.</summary>
    internal virtual bool StashWhenWaitingForChildren => false;

    /// <summary>Stashed (not processed) while the cell itself is failed and suspended.</summary>
    internal virtual bool StashWhenFailed => false;

    /// <summary>Start the actor: create the first instance and run <c>PreStart</c>.</summary>
    internal sealed class Create : SystemMessage;

    /// <summary>Restart after a failure: <c>PreRestart</c> on the old instance, a new one, <c>PostRestart</c>.</summary>
    internal sealed class Recreate(Exception cause) : SystemMessage
    {
        public Exception Cause { get; } = cause;

        internal override bool StashWhenWaitingForChildren => true;
    }

    /// <summary>Suspend user-message processing (a parent failed).</summary>
    internal sealed class Suspend : SystemMessage;

    /// <summary>Undo one <see cref="Suspend"/>; with a cause when it answers the actor's own failure.</summary>
    internal sealed class Resume(Exception? causedByFailure) : SystemMessage
    {
        public Exception? CausedByFailure { get; } = causedByFailure;

        internal override bool StashWhenWaitingForChildren => true;
    }

    /// <summary>Stop: children first, then <c>PostStop</c>.</summary>
    internal sealed class Terminate : SystemMessage;

    /// <summary><paramref name="watcher"/> wants a <see cref="Terminated"/> when <paramref name="watchee"/> stops.</summary>
    internal sealed class Watch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
    {
        public InternalActorRef Watchee { get; } = watchee;

        public InternalActorRef Watcher { get; } = watcher;
    }

    /// <summary>Cancels a <see cref="Watch"/>.</summary>
    internal sealed class Unwatch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
    {
        public InternalActorRef Watchee { get; } = watchee;

        public InternalActorRef Watcher { get; } = watcher;
    }

    /// <summary>Tells a watcher (or the parent) that <paramref name="actor"/> has stopped.</summary>
    internal sealed class DeathWatchNotification(InternalActorRef actor, bool existenceConfirmed) : SystemMessage
    {
        public InternalActorRef Actor { get; } = actor;

        public bool ExistenceConfirmed { get; } = existenceConfirmed;
    }

    /// <summary>A child failed and is suspended until its parent decides.</summary>
    internal sealed class Failed(InternalActorRef child, Exception cause, long uid) : SystemMessage
    {
        public InternalActorRef Child { get; } = child;

        public Exception Cause { get; } = cause;

        /// <summary>The failing incarnation, so a Failed from a child replaced meanwhile is ignored.</summary>
        public long Uid { get; } = uid;

        internal override bool StashWhenWaitingForChildren => true;

        internal override bool StashWhenFailed => true;
    }

    /// <summary>A continuation of a <c>ReceiveAsync</c> handler, to run inside the actor's context.</summary>
    internal sealed class RunContinuation(SendOrPostCallback callback, object? state, AsyncHandlerState handler)
        : SystemMessage
    {
        public SendOrPostCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public AsyncHandlerState Handler { get; } = handler;
    }

    /// <summary>A <c>ReceiveAsync</c> handler task finished; resume the mailbox or fail.</summary>
    internal sealed class AsyncHandlerCompleted(Task task, AsyncHandlerState handler) : SystemMessage
    {
        public Task Task { get; } = task;

        public AsyncHandlerState Handler { get; } = handler;
    }

    /// <summary>The bounded mailbox overflowed under <see cref="MailboxOverflow.FailActor"/>.</summary>
    internal sealed class MailboxOverflowed(int capacity) : SystemMessage
    {
        public int Capacity { get; } = capacity;
    }
}
