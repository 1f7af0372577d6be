namespace Relay.Actors.Hosting;

/// <summary>A key was registered twice without <c>overwrite</c> (Akka.Hosting's name).</summary>
public sealed class DuplicateActorRegistryException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public DuplicateActorRegistryException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which key.</param>
    public DuplicateActorRegistryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which key.</param>
    /// <param name="innerException">The cause.</param>
    public DuplicateActorRegistryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
