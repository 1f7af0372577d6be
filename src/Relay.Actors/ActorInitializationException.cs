namespace Relay.Actors;

/// <summary>
/// An actor could not be created or started: its constructor or <c>PreStart</c> threw (the original is the
/// inner exception). The default decider stops such an actor.
/// </summary>
public class ActorInitializationException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public ActorInitializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ActorInitializationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a given actor.</summary>
    /// <param name="actor">The actor that failed to start.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ActorInitializationException(IActorRef? actor, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Actor = actor;
    }

    /// <summary>The actor that failed to start, when known.</summary>
    public IActorRef? Actor { get; }

    /// <inheritdoc/>
    public override string ToString() => Actor is null ? base.ToString() : $"{Actor.Path}: {base.ToString()}";
}
