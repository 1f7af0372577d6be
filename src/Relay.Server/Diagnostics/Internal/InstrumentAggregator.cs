using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// Aggregates the measurements of one instrument into series, one per distinct tag set. It is the
/// <c>state</c> the <see cref="MeterListener"/> hands back with every measurement, so recording costs one
/// probe of an open-addressing table (none for untagged instruments) and one interlocked operation.
/// </summary>
/// <remarks>
/// Thread safety: <see cref="Record(long, ReadOnlySpan{KeyValuePair{string, object}})"/> and its double twin
/// are called concurrently from any thread. Series are only ever added: under a lock, into a copy of the
/// lookup table and of the snapshot array, each published with a volatile write; readers never lock and only
/// ever see complete, immutable arrays.
/// </remarks>
internal sealed class InstrumentAggregator
{
    /// <summary>The label marking the series that collects measurements beyond the series limit.</summary>
    public static readonly LabelSet OverflowLabels = LabelSet.Create([new("otel_metric_overflow", "true")]);

    private readonly Lock _gate = new();
    private readonly int _maxSeries;
    private readonly StrongBox<int> _epoch;
    private readonly string? _reservedLabel;
    private Series[] _snapshot = [];
    // Open addressing with linear probing, at most half full so every probe ends at an empty slot.
    private (TagKey? Key, Series? Series)[] _table = new (TagKey?, Series?)[8];
    private int _tagged;
    private Series? _unlabelled;
    private Series? _overflow;

    public InstrumentAggregator(AggregationMode mode, bool integral, double scale, double[] bounds,
        int maxSeries, StrongBox<int> epoch)
    {
        Mode = mode;
        IsIntegral = integral;
        Scale = scale;
        Bounds = bounds;
        _maxSeries = maxSeries;
        _epoch = epoch;
        _reservedLabel = mode == AggregationMode.Histogram ? "le" : null;
    }

    public AggregationMode Mode { get; }

    /// <summary>Values are kept as <see cref="long"/> (integral instrument type and no unit scaling).</summary>
    public bool IsIntegral { get; }

    /// <summary>Factor applied to every measurement (milliseconds are exported as seconds).</summary>
    public double Scale { get; }

    /// <summary>Histogram upper bounds, ascending, without <c>+Inf</c>; empty for other modes.</summary>
    public double[] Bounds { get; }

    /// <summary>Every series created so far, in creation order.</summary>
    public Series[] Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>The epoch of the scrape in progress; observable series not seen in it are stale.</summary>
    public int CurrentEpoch => Volatile.Read(ref _epoch.Value);

    public void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Histograms sum in double anyway; only integral totals and last values keep the long exact.
        if (!IsIntegral || Mode == AggregationMode.Histogram)
        {
            Record((double)value, tags);
            return;
        }
        var series = Lookup(tags);
        if (Mode == AggregationMode.Sum)
        {
            series.Add(value);
            return;
        }
        series.Set(value);
        series.ObservedEpoch = CurrentEpoch;
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        value *= Scale;
        if (double.IsNaN(value) && Mode != AggregationMode.LastValue) return;   // a NaN would poison a total forever
        var series = Lookup(tags);
        switch (Mode)
        {
            case AggregationMode.Sum:
                series.Add(value);
                break;
            case AggregationMode.LastValue:
                series.Set(value);
                series.ObservedEpoch = CurrentEpoch;
                break;
            default:
                series.Observe(value, Bounds);
                break;
        }
    }

    private Series Lookup(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty) return Volatile.Read(ref _unlabelled) ?? AddSeries(tags, 0);
        var hash = TagKey.HashOf(tags);
        // Once the limit is reached, unknown tag sets go straight to the overflow series, without the lock.
        return Find(Volatile.Read(ref _table), tags, hash) ?? Volatile.Read(ref _overflow) ?? AddSeries(tags, hash);
    }

    private static Series? Find((TagKey? Key, Series? Series)[] table, ReadOnlySpan<KeyValuePair<string, object?>> tags, int hash)
    {
        var mask = table.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var (key, series) = table[i];
            if (key is null) return null;
            if (key.Hash == hash && key.Matches(tags)) return series;
        }
    }

    private Series AddSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags, int hash)
    {
        lock (_gate)
        {
            if (tags.IsEmpty && _unlabelled is { } existingUnlabelled) return existingUnlabelled;
            if (!tags.IsEmpty && Find(_table, tags, hash) is { } existing) return existing;
            var bucketCount = Mode == AggregationMode.Histogram ? Bounds.Length + 1 : 0;
            if (_snapshot.Length >= _maxSeries)
            {
                // Bounded memory whatever a third-party meter tags its measurements with; the totals stay
                // right, only the split by label is lost (OpenTelemetry's cardinality-limit behaviour).
                if (_overflow is null)
                {
                    var overflow = new Series(OverflowLabels, bucketCount);
                    Publish(overflow);
                    Volatile.Write(ref _overflow, overflow);
                }
                return _overflow;
            }
            if (tags.IsEmpty)
            {
                var unlabelled = new Series(LabelSet.Empty, bucketCount);
                Volatile.Write(ref _unlabelled, unlabelled);
                Publish(unlabelled);
                return unlabelled;
            }
            var key = TagKey.Create(tags);
            var series = new Series(LabelSet.From(key, _reservedLabel), bucketCount);
            Insert(key, series);
            Publish(series);
            return series;
        }
    }

    private void Insert(TagKey key, Series series)
    {
        _tagged++;
        var size = _table.Length;
        while (_tagged * 2 > size) size *= 2;
        var next = new (TagKey? Key, Series? Series)[size];
        foreach (var entry in _table)
        {
            if (entry.Key is not null) Place(next, entry.Key, entry.Series);
        }
        Place(next, key, series);
        Volatile.Write(ref _table, next);
    }

    private static void Place((TagKey? Key, Series? Series)[] table, TagKey key, Series? series)
    {
        var mask = table.Length - 1;
        var i = key.Hash & mask;
        while (table[i].Key is not null) i = (i + 1) & mask;
        table[i] = (key, series);
    }

    private void Publish(Series series)
    {
        var next = new Series[_snapshot.Length + 1];
        _snapshot.CopyTo(next, 0);
        next[^1] = series;
        Volatile.Write(ref _snapshot, next);
    }
}
