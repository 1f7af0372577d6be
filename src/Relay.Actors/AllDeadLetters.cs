namespace Relay.Actors;

/// <summary>Base of the event-stream notices about messages that reached nobody (dead or unhandled).</summary>
public abstract class AllDeadLetters
{
    /// <summary>Creates the notice.</summary>
    /// <param name="message">The message.</param>
    /// <param name="sender">Who sent it (the dead-letter reference when nobody).</param>
    /// <param name="recipient">Who it was sent to.</param>
    protected AllDeadLetters(object message, IActorRef sender, IActorRef recipient)
    {
        Message = message;
        Sender = sender;
        Recipient = recipient;
    }

    /// <summary>The message.</summary>
    public object Message { get; }

    /// <summary>Who sent it.</summary>
    public IActorRef Sender { get; }

    /// <summary>Who it was sent to.</summary>
    public IActorRef Recipient { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{GetType().Name} from {Sender} to {Recipient}: <{Message}>";
}
