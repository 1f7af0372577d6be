namespace Relay.Actors;

/// <summary>
/// The failure an actor gets when its bounded mailbox overflows under <see cref="MailboxOverflow.FailActor"/>;
/// its supervisor decides what happens next (the relay stops slow connections).
/// </summary>
public sealed class MailboxOverflowException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public MailboxOverflowException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public MailboxOverflowException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public MailboxOverflowException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
