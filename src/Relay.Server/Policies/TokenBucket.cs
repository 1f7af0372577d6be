namespace Relay.Server.Policies;

/// <summary>
/// A token bucket: holds up to <c>burst</c> tokens, refills at <c>rate</c> per second, each message takes one.
/// </summary>
/// <remarks>Thread-safe (a per-IP bucket is shared by that address's connections); a lock guards two fields.</remarks>
internal sealed class TokenBucket(double rate, double burst, long nowTimestamp)
{
    private readonly Lock _lock = new();
    private readonly double _burst = burst;
    private double _tokens = burst;
    private long _last = nowTimestamp;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> of the last take, for forgetting idle buckets.</summary>
    public long LastUsed => Volatile.Read(ref _last);

    /// <summary>Takes a token if one is available at <paramref name="now"/>.</summary>
    public bool TryTake(long now, long timestampFrequency)
    {
        lock (_lock)
        {
            Refill(now, timestampFrequency);
            if (_tokens < 1)
                return false;
            _tokens -= 1;
            return true;
        }
    }

    /// <summary>Gives back a token taken by <see cref="TryTake"/> when another bucket refused the same message.</summary>
    public void Return()
    {
        lock (_lock)
            _tokens = Math.Min(_burst, _tokens + 1);
    }

    private void Refill(long now, long frequency)
    {
        if (now <= _last)
            return;
        _tokens = Math.Min(_burst, _tokens + (now - _last) * rate / frequency);
        Volatile.Write(ref _last, now);
    }
}
