namespace Relay.Server.Policies;

/// <summary>A <see cref="TokenBucket"/> shared by every connection from one address.</summary>
/// <remarks>Thread-safe: a lock guards the bucket.</remarks>
internal sealed class SharedTokenBucket(double rate, double burst, long nowTimestamp)
{
    private readonly Lock _lock = new();
    private TokenBucket _bucket = new(rate, burst, nowTimestamp);

    /// <inheritdoc cref="TokenBucket.LastUsed"/>
    public long LastUsed
    {
        get
        {
            lock (_lock)
                return _bucket.LastUsed;
        }
    }

    /// <inheritdoc cref="TokenBucket.TryTake"/>
    public bool TryTake(long now, long timestampFrequency)
    {
        lock (_lock)
            return _bucket.TryTake(now, timestampFrequency);
    }
}
