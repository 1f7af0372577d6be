namespace Relay.Actors;

/// <summary>Something a message can be sent to: an actor reference, a probe, a temporary ask reference.</summary>
public interface ICanTell
{
    /// <summary>
    /// Sends <paramref name="message"/> without waiting for it to be processed (fire and forget). Messages
    /// from one sender to one recipient arrive in the order they were sent.
    /// </summary>
    /// <param name="message">The message; never <see langword="null"/>.</param>
    /// <param name="sender">The reference the recipient sees as <c>Sender</c>;
    /// <see cref="ActorRefs.NoSender"/> when there is none (the recipient then sees the dead-letter reference).</param>
    void Tell(object message, IActorRef? sender);
}
