namespace Relay.Actors;

/// <summary>Base of the kernel's exceptions (named as in Akka.NET so that catch clauses port unchanged).</summary>
public class AkkaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AkkaException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public AkkaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AkkaException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
