namespace Relay.Actors;

/// <summary>An actor API was used in a state where it makes no sense (e.g. stashing the same message twice).</summary>
public sealed class IllegalActorStateException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public IllegalActorStateException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public IllegalActorStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public IllegalActorStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
