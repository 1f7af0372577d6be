using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// One exported instrument: its Prometheus name, type, unit and help, the metadata lines and sample names
/// rendered once for both exposition formats, and the <see cref="InstrumentAggregator"/> holding its data.
/// </summary>
internal sealed class MetricFamily
{
    // Prometheus' client_golang DefBuckets: the usual choice for a latency in seconds without advice.
    private static readonly double[] DefaultSecondsBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // OpenTelemetry's default explicit-bucket boundaries, for any other unit without advice.
    private static readonly double[] DefaultBounds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private MetricFamily(Instrument instrument, string name, PrometheusType type, string unit, InstrumentAggregator aggregator)
    {
        Instrument = instrument;
        Name = name;
        Type = type;
        Unit = unit;
        Aggregator = aggregator;
        IsObservable = instrument.IsObservable;
        var help = string.IsNullOrWhiteSpace(instrument.Description)
            ? $"{instrument.Name} ({instrument.Meter.Name})"
            : instrument.Description;

        // Text format 0.0.4 names the family after its samples (foo_total for a counter); OpenMetrics names it
        // without the sample suffix and adds a UNIT line, which must be a suffix of the family name.
        var sampleName = type == PrometheusType.Counter ? name + "_total" : name;
        TextHeader = Encode($"# HELP {sampleName} {Escape(help, escapeQuote: false)}\n# TYPE {sampleName} {TypeWord(type)}\n");
        var unitLine = unit.Length > 0 ? $"# UNIT {name} {unit}\n" : "";
        OpenMetricsHeader = Encode($"# TYPE {name} {TypeWord(type)}\n{unitLine}# HELP {name} {Escape(help, escapeQuote: true)}\n");
        SampleName = Encode(sampleName);
        BucketName = Encode(name + "_bucket");
        SumName = Encode(name + "_sum");
        CountName = Encode(name + "_count");
        TextBucketBounds = RenderBounds(aggregator.Bounds, canonical: false);
        OpenMetricsBucketBounds = RenderBounds(aggregator.Bounds, canonical: true);
    }

    public Instrument Instrument { get; }

    /// <summary>The MetricFamily name (OpenMetrics): counters without <c>_total</c>.</summary>
    public string Name { get; }

    public PrometheusType Type { get; }

    /// <summary>Prometheus unit word (<c>seconds</c>, <c>bytes</c>) or empty.</summary>
    public string Unit { get; }

    public bool IsObservable { get; }

    public InstrumentAggregator Aggregator { get; }

    public byte[] TextHeader { get; }

    public byte[] OpenMetricsHeader { get; }

    /// <summary>The value sample's name: <c>name_total</c> for counters, <c>name</c> for gauges.</summary>
    public byte[] SampleName { get; }

    public byte[] BucketName { get; }

    public byte[] SumName { get; }

    public byte[] CountName { get; }

    /// <summary><c>le</c> label values of each bucket, <c>+Inf</c> last.</summary>
    public byte[][] TextBucketBounds { get; }

    public byte[][] OpenMetricsBucketBounds { get; }

    /// <summary>Builds the family for <paramref name="instrument"/>, or null for an instrument kind we do not know.</summary>
    public static MetricFamily? TryCreate(Instrument instrument, int maxSeries, StrongBox<int> epoch)
    {
        var definition = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : null;
        (PrometheusType Type, AggregationMode Mode)? kind = definition switch
        {
            _ when definition == typeof(Counter<>) => (PrometheusType.Counter, AggregationMode.Sum),
            _ when definition == typeof(ObservableCounter<>) => (PrometheusType.Counter, AggregationMode.LastValue),
            _ when definition == typeof(UpDownCounter<>) => (PrometheusType.Gauge, AggregationMode.Sum),
            _ when definition == typeof(ObservableUpDownCounter<>) => (PrometheusType.Gauge, AggregationMode.LastValue),
            _ when definition == typeof(ObservableGauge<>) => (PrometheusType.Gauge, AggregationMode.LastValue),
            _ when definition == typeof(Gauge<>) => (PrometheusType.Gauge, AggregationMode.LastValue),
            _ when definition == typeof(Histogram<>) => (PrometheusType.Histogram, AggregationMode.Histogram),
            _ => null,
        };
        if (kind is not { } known) return null;

        var valueType = instrument.GetType().GetGenericArguments()[0];
        var (unit, scale) = PrometheusNaming.MapUnit(instrument.Unit);
        var integral = scale == 1 && (valueType == typeof(long) || valueType == typeof(int)
            || valueType == typeof(short) || valueType == typeof(byte));
        var bounds = known.Mode == AggregationMode.Histogram ? HistogramBounds(instrument, unit, scale) : [];
        var aggregator = new InstrumentAggregator(known.Mode, integral, scale, bounds, maxSeries, epoch);
        var name = PrometheusNaming.FamilyName(instrument.Name, unit, known.Type == PrometheusType.Counter);
        return new MetricFamily(instrument, name, known.Type, unit, aggregator);
    }

    private static double[] HistogramBounds(Instrument instrument, string unit, double scale)
    {
        IEnumerable<double>? advice = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries,
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(static b => (double)b),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(static b => (double)b),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(static b => (double)b),
            Histogram<short> h => h.Advice?.HistogramBucketBoundaries?.Select(static b => (double)b),
            Histogram<byte> h => h.Advice?.HistogramBucketBoundaries?.Select(static b => (double)b),
            Histogram<decimal> h => h.Advice?.HistogramBucketBoundaries?.Select(static b => (double)b),
            _ => null,
        };
        if (advice is null) return unit == "seconds" && scale == 1 ? DefaultSecondsBounds : DefaultBounds.Select(b => b * scale).ToArray();
        return advice.Select(b => b * scale).Where(double.IsFinite).Distinct().Order().ToArray();
    }

    private static byte[][] RenderBounds(double[] bounds, bool canonical)
    {
        if (bounds.Length == 0) return [];
        var rendered = new byte[bounds.Length + 1][];
        for (var i = 0; i < bounds.Length; i++)
            rendered[i] = Encode(PrometheusNumber.ToText(bounds[i], canonical));
        rendered[^1] = "+Inf"u8.ToArray();
        return rendered;
    }

    private static string TypeWord(PrometheusType type) => type switch
    {
        PrometheusType.Counter => "counter",
        PrometheusType.Gauge => "gauge",
        _ => "histogram",
    };

    private static string Escape(string help, bool escapeQuote)
    {
        var builder = new StringBuilder(help.Length);
        LabelSet.AppendEscaped(builder, help, escapeQuote);
        return builder.ToString();
    }

    private static byte[] Encode(string text) => Encoding.UTF8.GetBytes(text);
}
