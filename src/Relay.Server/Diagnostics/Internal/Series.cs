namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// The aggregated state of one labelled series. Which fields are used depends on the instrument's
/// <see cref="AggregationMode"/>; integral instruments use the <see cref="long"/> fields so counts print exactly.
/// </summary>
/// <remarks>
/// Thread safety: measurements arrive concurrently from any thread and update the fields with interlocked
/// operations; a scrape reads them without a lock. A histogram's count is derived from its bucket counts at
/// scrape time, so the exposed <c>_count</c> always equals the <c>+Inf</c> bucket even while observations race.
/// </remarks>
internal sealed class Series
{
    private long _long;
    private double _double;
    private readonly long[]? _buckets;
    private double _histogramSum;

    public Series(LabelSet labels, int bucketCount)
    {
        Labels = labels;
        if (bucketCount > 0) _buckets = new long[bucketCount];
    }

    public LabelSet Labels { get; }

    /// <summary>The collection that last observed this series (observable instruments only).</summary>
    public int ObservedEpoch;

    public long LongValue => Volatile.Read(ref _long);

    public double DoubleValue => Volatile.Read(ref _double);

    public double HistogramSum => Volatile.Read(ref _histogramSum);

    public void Add(long delta) => Interlocked.Add(ref _long, delta);

    public void Add(double delta) => AddDouble(ref _double, delta);

    public void Set(long value) => Volatile.Write(ref _long, value);

    public void Set(double value) => Volatile.Write(ref _double, value);

    /// <summary>Counts <paramref name="value"/> (not NaN) in the first bucket whose upper bound is at least the value.</summary>
    public void Observe(double value, double[] bounds)
    {
        var index = bounds.Length;   // the +Inf bucket
        if (bounds.Length <= 16)
        {
            for (var i = 0; i < bounds.Length; i++)
            {
                if (value <= bounds[i])
                {
                    index = i;
                    break;
                }
            }
        }
        else
        {
            var found = Array.BinarySearch(bounds, value);
            index = found >= 0 ? found : ~found;
        }
        Interlocked.Increment(ref _buckets![index]);
        AddDouble(ref _histogramSum, value);
    }

    /// <summary>Writes the cumulative bucket counts (last one is <c>+Inf</c>) into <paramref name="cumulative"/>.</summary>
    public void CopyCumulativeBuckets(Span<long> cumulative)
    {
        long running = 0;
        for (var i = 0; i < _buckets!.Length; i++)
        {
            running += Volatile.Read(ref _buckets[i]);
            cumulative[i] = running;
        }
    }

    private static void AddDouble(ref double location, double delta)
    {
        var current = Volatile.Read(ref location);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref location, current + delta, current);
            // Compare bit patterns: NaN never equals itself and would spin forever.
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current)) return;
            current = seen;
        }
    }
}
