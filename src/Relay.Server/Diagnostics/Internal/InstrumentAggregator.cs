using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// Aggregates the measurements of one instrument into series, one per distinct tag set. It is the
/// <c>state</c> the <see cref="MeterListener"/> hands back with every measurement, so recording costs one
/// dictionary lookup (none for untagged instruments) and one interlocked operation.
/// </summary>
/// <remarks>
/// Thread safety: <see cref="Record(long, ReadOnlySpan{KeyValuePair{string, object}})"/> and its double twin
/// are called concurrently from any thread; new series are created under a lock and published as an
/// immutable snapshot array that scrapes read without locking.
/// </remarks>
internal sealed class InstrumentAggregator
{
    /// <summary>The label marking the series that collects measurements beyond the series limit.</summary>
    public static readonly LabelSet OverflowLabels = LabelSet.Create([new("otel_metric_overflow", "true")]);

    private readonly ConcurrentDictionary<TagKey, Series> _series = new();
    private readonly Lock _gate = new();
    private readonly int _maxSeries;
    private readonly StrongBox<int> _epoch;
    private readonly string? _reservedLabel;
    private Series[] _snapshot = [];
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
        if (tags.IsEmpty) return Volatile.Read(ref _unlabelled) ?? AddSeries(default, unlabelled: true);
        var key = TagKey.Create(tags);
        return _series.TryGetValue(key, out var series) ? series : AddSeries(key, unlabelled: false);
    }

    private Series AddSeries(TagKey key, bool unlabelled)
    {
        lock (_gate)
        {
            if (unlabelled && _unlabelled is { } existingUnlabelled) return existingUnlabelled;
            if (!unlabelled && _series.TryGetValue(key, out var existing)) return existing;
            var bucketCount = Mode == AggregationMode.Histogram ? Bounds.Length + 1 : 0;
            if (_snapshot.Length >= _maxSeries)
            {
                // Bounded memory whatever a third-party meter tags its measurements with; the totals stay
                // right, only the split by label is lost (OpenTelemetry's cardinality-limit behaviour).
                if (_overflow is null)
                {
                    _overflow = new Series(OverflowLabels, bucketCount);
                    Publish(_overflow);
                }
                return _overflow;
            }
            var series = new Series(unlabelled ? LabelSet.Empty : LabelSet.From(key, _reservedLabel), bucketCount);
            if (unlabelled) Volatile.Write(ref _unlabelled, series);
            else _series[key] = series;
            Publish(series);
            return series;
        }
    }

    private void Publish(Series series)
    {
        var next = new Series[_snapshot.Length + 1];
        _snapshot.CopyTo(next, 0);
        next[^1] = series;
        Volatile.Write(ref _snapshot, next);
    }
}
