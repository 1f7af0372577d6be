namespace Relay.Actors;

/// <summary>Published on the event stream by the default <c>ActorBase.Unhandled</c>.</summary>
public sealed class UnhandledMessage : AllDeadLetters
{
    /// <summary>Creates the notice.</summary>
    /// <param name="message">The message nobody handled.</param>
    /// <param name="sender">Who sent it.</param>
    /// <param name="recipient">The actor that did not handle it.</param>
    public UnhandledMessage(object message, IActorRef sender, IActorRef recipient)
        : base(message, sender, recipient)
    {
    }
}
