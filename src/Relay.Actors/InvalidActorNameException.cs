namespace Relay.Actors;

/// <summary>
/// <c>ActorOf</c> was given a name that is empty, starts with <c>$</c>, has characters outside Akka's
/// path-element set, or is still taken by a living (or not yet reaped) sibling.
/// </summary>
public sealed class InvalidActorNameException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the name.</param>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the name.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidActorNameException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
