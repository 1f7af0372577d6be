using Relay.Actors.Internal;

namespace Relay.Actors;

/// <summary>
/// Applies the decider's directive for one failing child to all its siblings as well (Resume applies to
/// the failing child only, as in Akka.NET). Restart needs every child's budget; otherwise all are stopped.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed per child within the window; <see langword="null"/> or
    /// negative = unlimited; 0 = never restart (stop instead).</param>
    /// <param name="withinTimeRange">The window; <see langword="null"/> or infinite = count over the child's lifetime.</param>
    /// <param name="localOnlyDecider">Maps an exception to a directive.</param>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> localOnlyDecider)
        : this(maxNrOfRetries ?? -1, ToMilliseconds(withinTimeRange), localOnlyDecider)
    {
    }

    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed per child within the window; negative = unlimited.</param>
    /// <param name="withinTimeMilliseconds">The window in milliseconds; negative = none.</param>
    /// <param name="localOnlyDecider">Maps an exception to a directive.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public AllForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> localOnlyDecider,
        bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeMilliseconds, localOnlyDecider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with no retry limit.</summary>
    /// <param name="localOnlyDecider">Maps an exception to a directive.</param>
    public AllForOneStrategy(Func<Exception, Directive> localOnlyDecider)
        : this(-1, -1, localOnlyDecider)
    {
    }

    internal override void ProcessFailure(ActorCell context, bool restart, Exception cause,
        ChildRestartStats failedChild, IReadOnlyList<ChildRestartStats> allChildren)
    {
        if (allChildren.Count == 0) return;
        var time = context.System.TimeProvider;
        var permitted = restart;
        if (restart)
        {
            // Every child's budget is charged, as Akka does; one exhausted budget stops them all.
            foreach (var stats in allChildren)
                permitted &= RequestRestartPermission(stats, time);
        }

        foreach (var stats in allChildren)
        {
            if (permitted)
            {
                // Siblings were running: suspend them first so Recreate's resume stays balanced.
                if (!ReferenceEquals(stats, failedChild)) stats.Child.Suspend();
                stats.Child.Restart(cause);
            }
            else
            {
                context.Stop(stats.Child);
            }
        }
    }
}
