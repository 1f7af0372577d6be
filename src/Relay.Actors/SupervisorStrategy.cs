using Relay.Actors.Internal;

namespace Relay.Actors;

/// <summary>
/// How a parent treats its failing children: a decider maps the exception to a <see cref="Directive"/>, and
/// a retry budget (<see cref="MaxNumberOfRetries"/> within <see cref="WithinTimeRangeMilliseconds"/>) bounds
/// restarts; a child over budget is stopped. An actor states its strategy by overriding
/// <c>ActorBase.SupervisorStrategy()</c> or through <see cref="Props.WithSupervisorStrategy"/>.
/// </summary>
/// <remarks>Immutable; one instance may serve many actors (restart counts live in the parent).</remarks>
public abstract class SupervisorStrategy
{
    private static readonly Func<Exception, Directive> StopDecider = static _ => Directive.Stop;

    private protected SupervisorStrategy(int maxNrOfRetries, int withinTimeMilliseconds,
        Func<Exception, Directive> decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRangeMilliseconds = withinTimeMilliseconds;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>
    /// One-for-one with <see cref="DefaultDecider"/> and no retry limit: what an actor gets unless it says
    /// otherwise (Akka.NET's default).
    /// </summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>One-for-one that stops every failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(StopDecider);

    /// <summary>Restarts allowed per child; negative means unlimited, 0 means never restart.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>Window in milliseconds for <see cref="MaxNumberOfRetries"/>; negative or 0 means no window.</summary>
    public int WithinTimeRangeMilliseconds { get; }

    /// <summary>Maps a child's exception to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Whether failures are logged (Resume as a warning, Restart/Stop as errors; Escalate is
    /// logged by whoever finally handles it).</summary>
    public bool LoggingEnabled { get; }

    /// <summary>
    /// Akka.NET's default decider: <see cref="ActorInitializationException"/> (including failed restarts),
    /// <see cref="ActorKilledException"/> and <see cref="DeathPactException"/> stop the child; anything
    /// else restarts it.
    /// </summary>
    /// <param name="exception">The child's failure.</param>
    public static Directive DefaultDecider(Exception exception) => exception switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>Applies Restart (when <paramref name="restart"/>) or Stop to the failed child, or to all.</summary>
    internal abstract void ProcessFailure(ActorCell context, bool restart, Exception cause,
        ChildRestartStats failedChild, IReadOnlyList<ChildRestartStats> allChildren);

    /// <summary>Akka's restart budget check for one child.</summary>
    private protected bool RequestRestartPermission(ChildRestartStats stats, TimeProvider time) =>
        stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRangeMilliseconds, time);

    /// <summary>Converts Akka's nullable arguments: null retries = unlimited, null window = none.</summary>
    private protected static int ToMilliseconds(TimeSpan? withinTimeRange) =>
        withinTimeRange is { } w && w > TimeSpan.Zero && w != Timeout.InfiniteTimeSpan
            ? (int)Math.Min(int.MaxValue, w.TotalMilliseconds)
            : -1;
}
