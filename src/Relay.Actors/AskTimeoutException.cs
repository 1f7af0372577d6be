namespace Relay.Actors;

/// <summary>An <c>Ask</c> got no reply within its timeout; the task it returned faults with this.</summary>
public sealed class AskTimeoutException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public AskTimeoutException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public AskTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public AskTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
