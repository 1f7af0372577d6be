namespace Relay.Actors;

/// <summary>Thrown inside an actor that processes <see cref="Kill"/>; the default decider stops it.</summary>
public sealed class ActorKilledException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public ActorKilledException()
        : base("Kill")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public ActorKilledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public ActorKilledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
