using Relay.Server.Diagnostics;

namespace Relay.Server.Policies;

/// <summary>The rate limits one connection's messages pass: its own buckets and its address's.</summary>
/// <remarks>Used by the connection's reader actor only, so its own buckets are plain values (the shared ones lock).</remarks>
internal sealed class ConnectionLimits(TokenBucket events, SharedTokenBucket ipEvents, TokenBucket reqs, SharedTokenBucket ipReqs, TimeProvider time)
{
    private TokenBucket _events = events;
    private TokenBucket _reqs = reqs;
    private int _refusalsInARow;

    /// <summary>Whether a message of <paramref name="limit"/> may pass now; a refusal is counted toward <see cref="RefusalsInARow"/>.</summary>
    public bool TryPass(RateLimit limit)
    {
        var now = time.GetTimestamp();
        var passed = limit == RateLimit.Events
            ? TryPass(ref _events, ipEvents, now)
            : TryPass(ref _reqs, ipReqs, now);
        _refusalsInARow = passed ? 0 : _refusalsInARow + 1;
        return passed;
    }

    /// <summary>Messages refused in a row; reset by the next one that passes.</summary>
    public int RefusalsInARow => _refusalsInARow;

    private bool TryPass(ref TokenBucket own, SharedTokenBucket shared, long now)
    {
        if (!own.TryTake(now, time.TimestampFrequency))
            return false;
        if (shared.TryTake(now, time.TimestampFrequency))
            return true;
        own.Return();
        return false;
    }
}
