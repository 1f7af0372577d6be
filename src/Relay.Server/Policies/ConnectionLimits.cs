using Relay.Server.Diagnostics;

namespace Relay.Server.Policies;

/// <summary>The rate limits one connection's messages pass: its own buckets and its address's.</summary>
/// <remarks>Used by the connection's reader actor only (the shared buckets are thread-safe themselves).</remarks>
internal sealed class ConnectionLimits(TokenBucket events, TokenBucket ipEvents, TokenBucket reqs, TokenBucket ipReqs, TimeProvider time)
{
    private int _refusalsInARow;

    /// <summary>Whether a message of <paramref name="limit"/> may pass now; a refusal is counted toward <see cref="RefusalsInARow"/>.</summary>
    public bool TryPass(RateLimit limit)
    {
        var (own, shared) = limit == RateLimit.Events ? (events, ipEvents) : (reqs, ipReqs);
        var now = time.GetTimestamp();
        var passed = false;
        if (own.TryTake(now, time.TimestampFrequency))
        {
            passed = shared.TryTake(now, time.TimestampFrequency);
            if (!passed)
                own.Return();
        }

        _refusalsInARow = passed ? 0 : _refusalsInARow + 1;
        return passed;
    }

    /// <summary>Messages refused in a row; reset by the next one that passes.</summary>
    public int RefusalsInARow => _refusalsInARow;
}
