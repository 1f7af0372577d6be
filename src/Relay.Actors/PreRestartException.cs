namespace Relay.Actors;

/// <summary><c>PreRestart</c> threw while the actor was being restarted; logged only (restart is best effort).</summary>
public sealed class PreRestartException : ActorInitializationException
{
    /// <summary>Creates the exception.</summary>
    public PreRestartException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public PreRestartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PreRestartException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="actor">The restarting actor.</param>
    /// <param name="restartException">What <c>PreRestart</c> threw.</param>
    /// <param name="cause">The failure that caused the restart.</param>
    /// <param name="originalMessage">The message being processed when the actor failed.</param>
    public PreRestartException(IActorRef actor, Exception restartException, Exception cause, object? originalMessage)
        : base(actor, $"Exception pre restart ({cause.GetType()}, {originalMessage?.GetType()})", restartException)
    {
        OriginalCause = cause;
        OriginalMessage = originalMessage;
    }

    /// <summary>The failure that caused the restart.</summary>
    public Exception? OriginalCause { get; }

    /// <summary>The message being processed when the actor failed.</summary>
    public object? OriginalMessage { get; }
}
