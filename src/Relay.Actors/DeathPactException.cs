namespace Relay.Actors;

/// <summary>
/// Thrown by the default <c>Unhandled</c> when an actor does not handle the <see cref="Terminated"/> of an
/// actor it watches; the default decider stops it.
/// </summary>
public sealed class DeathPactException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public DeathPactException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public DeathPactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public DeathPactException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a watched actor.</summary>
    /// <param name="deadActor">The watched actor that stopped.</param>
    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor [{deadActor}] terminated")
    {
        DeadActor = deadActor;
    }

    /// <summary>The watched actor that stopped.</summary>
    public IActorRef? DeadActor { get; }
}
