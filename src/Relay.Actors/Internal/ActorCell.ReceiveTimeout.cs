namespace Relay.Actors.Internal;

internal sealed partial class ActorCell
{
    // Deadline-based receive timeout: instead of re-scheduling a timer after every message (Akka.NET's way,
    // one timer allocation per message), each influencing message only records a timestamp; a single
    // timer fires, and the tick compares the idle time with the timeout, re-arming for the rest if needed.
    // The generation makes ticks from an older SetReceiveTimeout harmless.
    private TimeSpan? _receiveTimeout;
    private long _lastActivity;
    private ITimer? _receiveTimeoutTimer;
    private ReceiveTimeoutTick? _receiveTimeoutTick;
    private int _receiveTimeoutGeneration;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        CancelReceiveTimeout();
        if (timeout is not { } t || t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan)
        {
            _receiveTimeout = null;
            return;
        }
        _receiveTimeout = t;
        var time = _system.TimeProvider;
        _lastActivity = time.GetTimestamp();
        var tick = new ReceiveTimeoutTick(++_receiveTimeoutGeneration, _self);
        _receiveTimeoutTick = tick;
        _receiveTimeoutTimer = time.CreateTimer(static state => ((ReceiveTimeoutTick)state!).Fire(), tick, t,
            Timeout.InfiniteTimeSpan);
    }

    private void CancelReceiveTimeout()
    {
        _receiveTimeoutTimer?.Dispose();
        _receiveTimeoutTimer = null;
        _receiveTimeoutTick = null;
        _receiveTimeoutGeneration++;
    }

    /// <summary>Called after each processed message while a receive timeout is set.</summary>
    private void NoteActivity(object message)
    {
        var influences = message switch
        {
            TimerMessage timer => timer.InfluencesReceiveTimeout,
            INotInfluenceReceiveTimeout => false,
            _ => true,
        };
        if (influences) _lastActivity = _system.TimeProvider.GetTimestamp();
    }

    private void HandleReceiveTimeoutTick(ReceiveTimeoutTick tick)
    {
        if (!ReferenceEquals(tick, _receiveTimeoutTick) || _receiveTimeout is not { } timeout) return;
        var time = _system.TimeProvider;
        var idle = time.GetElapsedTime(_lastActivity);
        if (idle < timeout)
        {
            _receiveTimeoutTimer!.Change(timeout - idle, Timeout.InfiniteTimeSpan);
            return;
        }
        _receiveTimeoutTimer!.Change(timeout, Timeout.InfiniteTimeSpan);
        _currentMessage = Actors.ReceiveTimeout.Instance;
        _currentSender = _self;
        ReceiveMessage(Actors.ReceiveTimeout.Instance);
        // ReceiveTimeout itself counts as activity (Akka re-schedules after it): the next one comes a full
        // timeout later, measured from the end of this handler.
        if (_receiveTimeout is not null) _lastActivity = time.GetTimestamp();
    }
}
