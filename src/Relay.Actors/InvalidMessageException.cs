namespace Relay.Actors;

/// <summary>A <see langword="null"/> message was sent; messages must be objects.</summary>
public sealed class InvalidMessageException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public InvalidMessageException()
        : base("Message is null")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public InvalidMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidMessageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
