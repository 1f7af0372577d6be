namespace Relay.Actors;

/// <summary>
/// The fresh instance could not be created or its <c>PostRestart</c> threw. It derives from
/// <see cref="ActorInitializationException"/>, so the default decider stops the actor.
/// </summary>
public sealed class PostRestartException : ActorInitializationException
{
    /// <summary>Creates the exception.</summary>
    public PostRestartException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public PostRestartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PostRestartException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="actor">The restarting actor.</param>
    /// <param name="cause">What the new instance threw.</param>
    /// <param name="originalCause">The failure that caused the restart.</param>
    public PostRestartException(IActorRef actor, Exception cause, Exception originalCause)
        : base(actor, $"Exception post restart ({originalCause.GetType()})", cause)
    {
        OriginalCause = originalCause;
    }

    /// <summary>The failure that caused the restart.</summary>
    public Exception? OriginalCause { get; }
}
