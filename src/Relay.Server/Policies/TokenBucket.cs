namespace Relay.Server.Policies;

/// <summary>
/// A token bucket: holds up to <c>burst</c> tokens, refills at <c>rate</c> per second, each message takes one.
/// </summary>
/// <remarks>
/// Not thread-safe: a value owned by one actor (a connection's own limits live inline in its
/// <see cref="ConnectionLimits"/>, so an idle connection carries no bucket objects). A bucket shared by several
/// connections is a <see cref="SharedTokenBucket"/>, which locks around this one.
/// </remarks>
internal struct TokenBucket(double rate, double burst, long nowTimestamp)
{
    private readonly double _rate = rate;
    private readonly double _burst = burst;
    private double _tokens = burst;
    private long _last = nowTimestamp;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> of the last refill, for forgetting idle buckets.</summary>
    public readonly long LastUsed => _last;

    /// <summary>Takes a token if one is available at <paramref name="now"/>.</summary>
    public bool TryTake(long now, long timestampFrequency)
    {
        Refill(now, timestampFrequency);
        if (_tokens < 1)
            return false;
        _tokens -= 1;
        return true;
    }

    /// <summary>Gives back a token taken by <see cref="TryTake"/> when another bucket refused the same message.</summary>
    public void Return() => _tokens = Math.Min(_burst, _tokens + 1);

    private void Refill(long now, long frequency)
    {
        if (now <= _last)
            return;
        _tokens = Math.Min(_burst, _tokens + (now - _last) * _rate / frequency);
        _last = now;
    }
}
