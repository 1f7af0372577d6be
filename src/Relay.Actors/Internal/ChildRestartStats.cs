namespace Relay.Actors.Internal;

/// <summary>A parent's record of one child: the reference and its restart budget (Akka's ChildRestartStats).</summary>
/// <remarks>Mutated only inside the parent's runs.</remarks>
internal sealed class ChildRestartStats(LocalActorRef child)
{
    private int _retries;
    private long _windowStart;
    private bool _windowOpen;

    public LocalActorRef Child { get; } = child;

    /// <summary>
    /// Akka's budget rule: 0 retries = never; retries without a window count over the child's lifetime;
    /// with a window, a window opens at the first restart and at most <paramref name="maxNrOfRetries"/>
    /// (1 when unlimited) restarts fit in it; a restart after the window closes starts a new one.
    /// </summary>
    public bool RequestRestartPermission(int maxNrOfRetries, int withinTimeMilliseconds, TimeProvider time)
    {
        if (maxNrOfRetries == 0) return false;
        var retriesDefined = maxNrOfRetries > 0;
        var windowDefined = withinTimeMilliseconds > 0;
        if (retriesDefined && !windowDefined) return ++_retries <= maxNrOfRetries;
        if (!windowDefined) return true;

        var retries = retriesDefined ? maxNrOfRetries : 1;
        var now = time.GetTimestamp();
        if (!_windowOpen)
        {
            _windowOpen = true;
            _windowStart = now;
        }
        if (time.GetElapsedTime(_windowStart, now).TotalMilliseconds <= withinTimeMilliseconds)
            return ++_retries <= retries;
        _retries = 1;
        _windowStart = now;
        return true;
    }
}
