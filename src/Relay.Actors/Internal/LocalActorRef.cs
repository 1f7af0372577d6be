using System.Runtime.CompilerServices;

namespace Relay.Actors.Internal;

/// <summary>The reference to an actor living in this process (one per incarnation).</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : InternalActorRef
{
    public override ActorPath Path { get; } = path;

    public ActorCell Cell { get; } = cell;

    public bool IsTerminated => Cell.IsTerminated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null) ThrowHelper.ThrowNullMessage();
        Cell.Mailbox.Post(new Envelope(message, sender));
    }

    /// <summary>Enqueues a kernel-generated user message past a bounded mailbox's capacity.</summary>
    public void PostKernelMessage(object message, IActorRef? sender) =>
        Cell.Mailbox.PostUnbounded(new Envelope(message, sender));

    public override void SendSystemMessage(SystemMessage message) => Cell.Mailbox.SystemEnqueue(message);
}
