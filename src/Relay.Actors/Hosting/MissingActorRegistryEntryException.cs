namespace Relay.Actors.Hosting;

/// <summary>No actor is registered under the requested key (Akka.Hosting's name).</summary>
public sealed class MissingActorRegistryEntryException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public MissingActorRegistryEntryException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which key.</param>
    public MissingActorRegistryEntryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which key.</param>
    /// <param name="innerException">The cause.</param>
    public MissingActorRegistryEntryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
