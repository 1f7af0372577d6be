namespace Relay.Actors.TestKit;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock only moves when told to (<see cref="Advance"/>), for timer,
/// receive-timeout and ask-timeout tests without sleeping. Give it to the system through
/// <see cref="ActorSystemSettings.TimeProvider"/>. Timers due when the clock moves fire on the calling
/// thread, in due order, before <see cref="Advance"/> returns.
/// </summary>
/// <remarks>Thread-safe: actors create and cancel timers on their threads while the test advances the clock.</remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Creates the clock.</summary>
    /// <param name="start">The initial UTC time (default 2000-01-01).</param>
    public ManualTimeProvider(DateTimeOffset? start = null) =>
        _now = start ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Number of timers currently armed (scheduled to fire).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_lock) return _timers.Count(t => t.Due is not null);
        }
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    /// <inheritdoc/>
    public override long GetTimestamp()
    {
        lock (_lock) return _now.UtcTicks;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    /// <param name="delta">How far (not negative).</param>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock) target = _now + delta;
        while (true)
        {
            ManualTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.Due is { } due && due <= target)
                    .OrderBy(t => t.Due).ThenBy(t => t.Sequence).FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }
                _now = next.Due!.Value;
                next.Due = next.Period is { } period ? _now + period : null;
            }
            next.Fire();
        }
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            timer.Sequence = _sequence++;
            _timers.Add(timer);
            Arm(timer, dueTime, period);
        }
        return timer;
    }

    private void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        timer.Due = dueTime == Timeout.InfiniteTimeSpan ? null : _now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
        timer.Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : period;
    }

    private bool Change(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            if (!_timers.Contains(timer)) return false;
            Arm(timer, dueTime, period);
            return true;
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_lock) _timers.Remove(timer);
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long Sequence { get; set; }

        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => owner.Change(this, dueTime, period);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
