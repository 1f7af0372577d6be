using Relay.Actors.Internal;

namespace Relay.Actors;

/// <summary>Applies the decider's directive to the failing child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed per child within the window; <see langword="null"/> or
    /// negative = unlimited; 0 = never restart (stop instead).</param>
    /// <param name="withinTimeRange">The window; <see langword="null"/> or infinite = count over the child's lifetime.</param>
    /// <param name="localOnlyDecider">Maps an exception to a directive.</param>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> localOnlyDecider)
        : this(maxNrOfRetries ?? -1, ToMilliseconds(withinTimeRange), localOnlyDecider)
    {
    }

    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed per child within the window; negative = unlimited.</param>
    /// <param name="withinTimeMilliseconds">The window in milliseconds; negative = none.</param>
    /// <param name="localOnlyDecider">Maps an exception to a directive.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public OneForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> localOnlyDecider,
        bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeMilliseconds, localOnlyDecider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with no retry limit.</summary>
    /// <param name="localOnlyDecider">Maps an exception to a directive.</param>
    public OneForOneStrategy(Func<Exception, Directive> localOnlyDecider)
        : this(-1, -1, localOnlyDecider)
    {
    }

    internal override void ProcessFailure(ActorCell context, bool restart, Exception cause,
        ChildRestartStats failedChild, IReadOnlyList<ChildRestartStats> allChildren)
    {
        if (restart && RequestRestartPermission(failedChild, context.System.TimeProvider))
            failedChild.Child.Restart(cause);
        else
            context.Stop(failedChild.Child);
    }
}
