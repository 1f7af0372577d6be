using System.Buffers;

namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// Writes metric families in the Prometheus text format 0.0.4 or OpenMetrics 1.0.0. Metadata lines and label
/// sets are pre-rendered bytes (<see cref="MetricFamily"/>, <see cref="LabelSet"/>); this only copies them and
/// formats the numbers.
/// </summary>
/// <remarks>
/// Layout per family: metadata (0.0.4: HELP, TYPE named after the samples; OpenMetrics: TYPE, UNIT, HELP named
/// after the family), then every series' samples together (MetricPoints are not interleaved). Histograms give
/// cumulative <c>_bucket{le=...}</c> samples ending with <c>+Inf</c>, then <c>_sum</c> and <c>_count</c>
/// (which equals the <c>+Inf</c> bucket). OpenMetrics ends with <c># EOF</c>.
/// </remarks>
internal static class ExpositionWriter
{
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<MetricFamily> families, ExpositionFormat format, int epoch)
    {
        foreach (var family in families)
            WriteFamily(output, family, format, epoch);
        if (format == ExpositionFormat.OpenMetrics)
            output.Write("# EOF\n"u8);
    }

    private static void WriteFamily(IBufferWriter<byte> output, MetricFamily family, ExpositionFormat format, int epoch)
    {
        var all = family.Aggregator.Snapshot;
        var headerWritten = false;
        foreach (var series in all)
        {
            // An observable instrument's series exists only while its callback still reports it.
            if (family.IsObservable && series.ObservedEpoch != epoch) continue;
            if (!headerWritten)
            {
                output.Write(format == ExpositionFormat.OpenMetrics ? family.OpenMetricsHeader : family.TextHeader);
                headerWritten = true;
            }
            if (family.Type == PrometheusType.Histogram) WriteHistogram(output, family, series, format);
            else WriteValue(output, family, series);
        }
    }

    private static void WriteValue(IBufferWriter<byte> output, MetricFamily family, Series series)
    {
        output.Write(family.SampleName);
        WriteLabels(output, series.Labels, le: default);
        output.Write(" "u8);
        if (family.Aggregator.IsIntegral) WriteNumber(output, series.LongValue);
        else WriteNumber(output, series.DoubleValue);
        output.Write("\n"u8);
    }

    private static void WriteHistogram(IBufferWriter<byte> output, MetricFamily family, Series series, ExpositionFormat format)
    {
        var bounds = format == ExpositionFormat.OpenMetrics ? family.OpenMetricsBucketBounds : family.TextBucketBounds;
        var rented = bounds.Length > 64 ? ArrayPool<long>.Shared.Rent(bounds.Length) : null;
        var cumulative = rented is null ? stackalloc long[bounds.Length] : rented.AsSpan(0, bounds.Length);
        try
        {
            series.CopyCumulativeBuckets(cumulative);
            for (var i = 0; i < bounds.Length; i++)
            {
                output.Write(family.BucketName);
                WriteLabels(output, series.Labels, bounds[i]);
                output.Write(" "u8);
                WriteNumber(output, cumulative[i]);
                output.Write("\n"u8);
            }
            output.Write(family.SumName);
            WriteLabels(output, series.Labels, le: default);
            output.Write(" "u8);
            WriteNumber(output, series.HistogramSum);
            output.Write("\n"u8);
            output.Write(family.CountName);
            WriteLabels(output, series.Labels, le: default);
            output.Write(" "u8);
            WriteNumber(output, cumulative[^1]);
            output.Write("\n"u8);
        }
        finally
        {
            if (rented is not null) ArrayPool<long>.Shared.Return(rented);
        }
    }

    private static void WriteLabels(IBufferWriter<byte> output, LabelSet labels, ReadOnlySpan<byte> le)
    {
        if (labels.Rendered.Length == 0 && le.IsEmpty) return;
        output.Write("{"u8);
        output.Write(labels.Rendered);
        if (!le.IsEmpty)
        {
            if (labels.Rendered.Length > 0) output.Write(","u8);
            output.Write("le=\""u8);
            output.Write(le);
            output.Write("\""u8);
        }
        output.Write("}"u8);
    }

    private static void WriteNumber(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(PrometheusNumber.MaxLength);
        output.Advance(PrometheusNumber.Format(value, span));
    }

    private static void WriteNumber(IBufferWriter<byte> output, double value)
    {
        var span = output.GetSpan(PrometheusNumber.MaxLength);
        output.Advance(PrometheusNumber.Format(value, span));
    }
}
