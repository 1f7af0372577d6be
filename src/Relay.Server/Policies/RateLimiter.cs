using System.Collections.Concurrent;
using System.Net;
using Relay.Server.Configuration;

namespace Relay.Server.Policies;

/// <summary>
/// The per-IP token buckets shared by all connections of an address, and the factory of per-connection ones.
/// </summary>
/// <remarks>Thread-safe. Buckets of idle addresses are forgotten once more than
/// <see cref="RateLimitOptions.MaxTrackedAddresses"/> are tracked (a full bucket is the same as no bucket).</remarks>
internal sealed class RateLimiter(RateLimitOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<IPAddress, (SharedTokenBucket Events, SharedTokenBucket Reqs)> _addresses = new();
    private int _sweeping;

    public RateLimitOptions Options => options;

    public TimeProvider Time => time;

    /// <summary>The buckets of one connection.</summary>
    public ConnectionLimits ForConnection(IPAddress address)
    {
        var now = time.GetTimestamp();
        var shared = _addresses.GetOrAdd(address, static (_, state) => (
            new SharedTokenBucket(state.o.IpEventsPerSecond, state.o.IpEventBurst, state.now),
            new SharedTokenBucket(state.o.IpReqsPerSecond, state.o.IpReqBurst, state.now)), (o: options, now));
        if (_addresses.Count > options.MaxTrackedAddresses)
            Sweep(now);
        return new ConnectionLimits(
            new TokenBucket(options.EventsPerSecond, options.EventBurst, now), shared.Events,
            new TokenBucket(options.ReqsPerSecond, options.ReqBurst, now), shared.Reqs,
            time);
    }

    private void Sweep(long now)
    {
        if (Interlocked.Exchange(ref _sweeping, 1) != 0)
            return;
        try
        {
            // An address idle for longer than it takes its bucket to refill holds a full bucket: forgetting it changes nothing.
            var full = (long)(time.TimestampFrequency * Math.Max(options.IpEventBurst / options.IpEventsPerSecond,
                options.IpReqBurst / options.IpReqsPerSecond));
            foreach (var (address, buckets) in _addresses)
            {
                if (now - Math.Max(buckets.Events.LastUsed, buckets.Reqs.LastUsed) > full)
                    _addresses.TryRemove(address, out _);
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }
}
