namespace Relay.Actors.Internal;

/// <summary>The kernel's <see cref="ITimerScheduler"/>: one <see cref="ITimer"/> per key from the system's
/// <see cref="TimeProvider"/>.</summary>
/// <remarks>Used only inside the owning actor, except the timer callbacks, which only send a message.</remarks>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];
    private int _generation;

    public IReadOnlyCollection<object> ActiveTimers => [.. _timers.Keys];

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval) =>
        StartPeriodicTimer(key, msg, interval, interval);

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef sender) =>
        StartPeriodicTimer(key, msg, interval, interval, sender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval) =>
        StartPeriodicTimer(key, msg, initialDelay, interval, null!);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef sender)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Start(key, msg, initialDelay, interval, repeat: true, sender);
    }

    public void StartSingleTimer(object key, object msg, TimeSpan timeout) => StartSingleTimer(key, msg, timeout, null!);

    public void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef sender) =>
        Start(key, msg, timeout, Timeout.InfiniteTimeSpan, repeat: false, sender);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry)) entry.Timer.Dispose();
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values) entry.Timer.Dispose();
        _timers.Clear();
    }

    /// <summary>Returns the user's message if the timer is current, else null (drop it).</summary>
    public object? Intercept(TimerMessage message)
    {
        if (!ReferenceEquals(message.Owner, this)) return null;                  // a previous incarnation's
        if (!_timers.TryGetValue(message.Key, out var entry)) return null;      // cancelled
        if (entry.Generation != message.Generation) return null;               // replaced
        if (!entry.Repeat)
        {
            _timers.Remove(message.Key);
            entry.Timer.Dispose();
        }
        return message.Message;
    }

    private void Start(object key, object msg, TimeSpan delay, TimeSpan period, bool repeat, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        Cancel(key);
        var generation = ++_generation;
        var message = new TimerMessage(key, generation, this, msg, cell.SelfRef, sender);
        var due = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        var timer = cell.System.TimeProvider.CreateTimer(static state => ((TimerMessage)state!).Fire(), message, due, period);
        _timers[key] = new Entry(generation, repeat, timer);
    }

    private readonly record struct Entry(int Generation, bool Repeat, ITimer Timer);
}
