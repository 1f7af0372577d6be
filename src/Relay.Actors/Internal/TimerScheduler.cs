namespace Relay.Actors.Internal;

/// <summary>The kernel's <see cref="ITimerScheduler"/>: one <see cref="ITimer"/> per key from the system's
/// <see cref="TimeProvider"/>.</summary>
/// <remarks>
/// Used only inside the owning actor, except the timer callbacks, which only send a message.
/// <para>The first active timer is held in fields and a dictionary is allocated only for a second one at
/// the same time: the relay's connection reader keeps one ping timer, and an empty dictionary with its
/// arrays would cost ~240 bytes per connection.</para>
/// </remarks>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private object? _singleKey;                  // null: the inline slot is free
    private Entry _single;
    private Dictionary<object, Entry>? _more;    // the other timers active alongside the inline one
    private int _generation;

    public IReadOnlyCollection<object> ActiveTimers
    {
        get
        {
            var keys = new List<object>((_more?.Count ?? 0) + 1);
            if (_singleKey is not null) keys.Add(_singleKey);
            if (_more is not null) keys.AddRange(_more.Keys);
            return keys;
        }
    }

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

    public bool IsTimerActive(object key) => TryGet(key, out _);

    public void Cancel(object key)
    {
        if (TryRemove(key, out var entry)) entry.Timer.Dispose();
    }

    public void CancelAll()
    {
        if (_singleKey is not null) _single.Timer.Dispose();
        _singleKey = null;
        _single = default;
        if (_more is null) return;
        foreach (var entry in _more.Values) entry.Timer.Dispose();
        _more = null;
    }

    /// <summary>Returns the user's message if the timer is current, else null (drop it).</summary>
    public object? Intercept(TimerMessage message)
    {
        if (!ReferenceEquals(message.Owner, this)) return null;                  // a previous incarnation's
        if (!TryGet(message.Key, out var entry)) return null;                   // cancelled
        if (entry.Generation != message.Generation) return null;               // replaced
        if (!entry.Repeat)
        {
            TryRemove(message.Key, out _);
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
        // The key is free now (Cancel above), so this adds.
        var entry = new Entry(generation, repeat, timer);
        if (_singleKey is null)
        {
            _singleKey = key;
            _single = entry;
        }
        else
        {
            (_more ??= [])[key] = entry;
        }
    }

    private bool TryGet(object key, out Entry entry)
    {
        if (_singleKey is not null && _singleKey.Equals(key))
        {
            entry = _single;
            return true;
        }
        if (_more is not null) return _more.TryGetValue(key, out entry);
        entry = default;
        return false;
    }

    private bool TryRemove(object key, out Entry entry)
    {
        if (_singleKey is not null && _singleKey.Equals(key))
        {
            entry = _single;
            _singleKey = null;
            _single = default;
            return true;
        }
        if (_more is not null) return _more.Remove(key, out entry);
        entry = default;
        return false;
    }

    private readonly record struct Entry(int Generation, bool Repeat, ITimer Timer);
}
