using System.Numerics;

namespace Relay.LoadGenerator.Measurement;

/// <summary>
/// Latencies in microseconds, log-linear buckets (HdrHistogram's layout, simplified): exact below 256 µs, then 128
/// buckets per power of two, so any percentile is within 1/128 (0.8%) of the true value. Fixed size (32 KiB), so
/// one histogram per connection costs nothing on the measured path and they merge at the end.
/// </summary>
/// <remarks>Not thread-safe: one writer at a time (each connection's receive loop owns its histogram).</remarks>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;                     // 128 sub-buckets: 0.8% resolution
    private const int SubBuckets = 1 << SubBucketBits;
    private const int LinearLimit = SubBuckets * 2;          // values below 256 µs are their own bucket
    private const int MaxExponent = 40;                      // 2^40 µs is 12 days: beyond any run's timeout
    private readonly long[] _counts = new long[LinearLimit + ((MaxExponent - SubBucketBits) * SubBuckets)];

    /// <summary>Number of recorded values.</summary>
    public long Count { get; private set; }

    /// <summary>Largest recorded value, µs.</summary>
    public long Max { get; private set; }

    /// <summary>Records one latency.</summary>
    public void Record(long microseconds)
    {
        if (microseconds < 0)
            microseconds = 0;
        _counts[IndexOf(microseconds)]++;
        Count++;
        if (microseconds > Max)
            Max = microseconds;
    }

    /// <summary>Records a <see cref="TimeProvider"/> timestamp difference.</summary>
    public void Record(TimeProvider time, long startTimestamp, long endTimestamp) =>
        Record((long)time.GetElapsedTime(startTimestamp, endTimestamp).TotalMicroseconds);

    /// <summary>Adds another histogram's counts to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
            _counts[i] += other._counts[i];
        Count += other.Count;
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>The value at <paramref name="percentile"/> (0–100), in milliseconds; 0 when empty.</summary>
    public double PercentileMs(double percentile)
    {
        if (Count == 0)
            return 0;
        var rank = (long)Math.Ceiling(percentile / 100.0 * Count);
        rank = Math.Clamp(rank, 1, Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
                return Math.Min(UpperBoundOf(i), Max) / 1000.0;
        }

        return Max / 1000.0;
    }

    private static int IndexOf(long value)
    {
        if (value < LinearLimit)
            return (int)value;
        var exponent = Math.Min(63 - BitOperations.LeadingZeroCount((ulong)value), MaxExponent - 1);
        var shift = exponent - SubBucketBits;
        var sub = (int)Math.Min(value >> shift, (2 * SubBuckets) - 1) - SubBuckets;
        return LinearLimit + ((shift - 1) * SubBuckets) + sub;
    }

    private static long UpperBoundOf(int index)
    {
        if (index < LinearLimit)
            return index;
        var shift = ((index - LinearLimit) / SubBuckets) + 1;
        var sub = ((index - LinearLimit) % SubBuckets) + SubBuckets;
        return ((long)(sub + 1) << shift) - 1;
    }
}
