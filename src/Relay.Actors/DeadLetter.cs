namespace Relay.Actors;

/// <summary>
/// Published on the event stream (and counted by <c>relay_dead_letters</c>) for a message that could not
/// be delivered: its recipient was stopped, its bounded mailbox was full, or it was sent to
/// <see cref="ActorSystem.DeadLetters"/>.
/// </summary>
public sealed class DeadLetter : AllDeadLetters
{
    /// <summary>Creates the notice.</summary>
    /// <param name="message">The undelivered message.</param>
    /// <param name="sender">Who sent it.</param>
    /// <param name="recipient">Who it was sent to.</param>
    public DeadLetter(object message, IActorRef sender, IActorRef recipient)
        : base(message, sender, recipient)
    {
    }
}
