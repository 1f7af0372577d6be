namespace Relay.Actors.Internal;

internal sealed partial class ActorCell
{
    // The receive-timeout state lives in the extras (see ActorCellExtras for the deadline-based design):
    // an actor without a receive timeout pays one null test per message for it, in Invoke.

    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is not { } t || t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan)
        {
            // Stopping and re-creating clear it too: without extras there is nothing to clear.
            if (_extras is { } current)
            {
                CancelReceiveTimeout(current);
                current.ReceiveTimeout = null;
            }
            return;
        }
        var extras = Extras;
        CancelReceiveTimeout(extras);
        extras.ReceiveTimeout = t;
        var time = _system.TimeProvider;
        extras.LastActivity = time.GetTimestamp();
        var tick = new ReceiveTimeoutTick(++extras.ReceiveTimeoutGeneration, _self);
        extras.ReceiveTimeoutTick = tick;
        extras.ReceiveTimeoutTimer = time.CreateTimer(static state => ((ReceiveTimeoutTick)state!).Fire(), tick, t,
            Timeout.InfiniteTimeSpan);
    }

    private static void CancelReceiveTimeout(ActorCellExtras extras)
    {
        extras.ReceiveTimeoutTimer?.Dispose();
        extras.ReceiveTimeoutTimer = null;
        extras.ReceiveTimeoutTick = null;
        extras.ReceiveTimeoutGeneration++;
    }

    /// <summary>Called after each processed message while a receive timeout is set.</summary>
    private void NoteActivity(ActorCellExtras extras, object message)
    {
        var influences = message switch
        {
            TimerMessage timer => timer.InfluencesReceiveTimeout,
            INotInfluenceReceiveTimeout => false,
            _ => true,
        };
        if (influences) extras.LastActivity = _system.TimeProvider.GetTimestamp();
    }

    /// <summary>Restarts the idle period (after a restart, or when an async handler completes).</summary>
    private void ResetReceiveTimeoutIdle()
    {
        if (_extras is { ReceiveTimeout: not null } extras) extras.LastActivity = _system.TimeProvider.GetTimestamp();
    }

    private void HandleReceiveTimeoutTick(ReceiveTimeoutTick tick)
    {
        if (_extras is not { } extras || !ReferenceEquals(tick, extras.ReceiveTimeoutTick)
            || extras.ReceiveTimeout is not { } timeout)
        {
            return;
        }
        var time = _system.TimeProvider;
        var idle = time.GetElapsedTime(extras.LastActivity);
        if (idle < timeout)
        {
            extras.ReceiveTimeoutTimer!.Change(timeout - idle, Timeout.InfiniteTimeSpan);
            return;
        }
        extras.ReceiveTimeoutTimer!.Change(timeout, Timeout.InfiniteTimeSpan);
        _currentMessage = Actors.ReceiveTimeout.Instance;
        _currentSender = _self;
        ReceiveMessage(Actors.ReceiveTimeout.Instance);
        // ReceiveTimeout itself counts as activity (Akka re-schedules after it): the next one comes a full
        // timeout later, measured from the end of this handler. The extras object is never replaced, so it
        // still holds whatever the handler set.
        if (extras.ReceiveTimeout is not null) extras.LastActivity = time.GetTimestamp();
    }
}
