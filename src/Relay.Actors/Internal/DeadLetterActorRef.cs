namespace Relay.Actors.Internal;

/// <summary><c>system.DeadLetters</c>: everything told to it is published as a <see cref="DeadLetter"/>.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : InternalActorRef
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null) ThrowHelper.ThrowNullMessage();
        switch (message)
        {
            case DeadLetter deadLetter:
                system.PublishDeadLetter(deadLetter);
                break;
            default:
                system.PublishDeadLetter(message, sender, this);
                break;
        }
    }

    public override void SendSystemMessage(SystemMessage message) => ActorSystem.DeadLetterSystemMessage(this, message);
}
