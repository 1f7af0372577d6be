namespace Relay.Actors;

/// <summary><see cref="Props"/> name a dispatcher or mailbox id the system does not know.</summary>
public sealed class ConfigurationException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing.</param>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing.</param>
    /// <param name="innerException">The cause.</param>
    public ConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
