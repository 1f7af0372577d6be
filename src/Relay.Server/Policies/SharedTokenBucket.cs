namespace Relay.Server.Policies;

/// <summary>A <see cref="TokenBucket"/> shared by every connection from one address.</summary>
/// <remarks>Thread-safe: a lock guards the bucket; <see cref="LastUsed"/> may be read without it.</remarks>
internal sealed class SharedTokenBucket(double rate, double burst, long nowTimestamp)
{
    private readonly Lock _lock = new();
    private TokenBucket _bucket = new(rate, burst, nowTimestamp);
    private long _lastUsed = nowTimestamp;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> of the last take, for forgetting idle buckets.</summary>
    public long LastUsed => Volatile.Read(ref _lastUsed);

    /// <inheritdoc cref="TokenBucket.TryTake"/>
    public bool TryTake(long now, long timestampFrequency)
    {
        lock (_lock)
        {
            var taken = _bucket.TryTake(now, timestampFrequency);
            Volatile.Write(ref _lastUsed, _bucket.LastUsed);
            return taken;
        }
    }
}
