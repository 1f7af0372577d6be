using System.Buffers;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Relay.Server.Diagnostics.Internal;

namespace Relay.Server.Diagnostics;

/// <summary>
/// Listens to the configured meters with a <see cref="MeterListener"/>, aggregates every measurement in
/// memory, and writes the Prometheus exposition on demand. This is the whole exporter: there is no
/// Prometheus exporter package here, and a direct listener keeps recording at one lookup and one interlocked
/// add (see docs/metrics.md, "Why a MeterListener").
/// </summary>
/// <remarks>
/// <para>Isolation: meters created through an <see cref="IMeterFactory"/> belong to that factory's container.
/// The collector exports those of its own container (passed as <c>scope</c>) and process-wide meters
/// (<c>new Meter(...)</c>, the runtime's), never another container's, so two relays (or two tests) in one
/// process do not see each other's counts.</para>
/// <para>Thread safety: measurements are recorded from any thread without locks; <see cref="WriteTo"/> may be
/// called concurrently and is serialised, because collecting observable instruments runs their callbacks.</para>
/// </remarks>
public sealed partial class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener;
    private readonly HashSet<string> _meters;
    private readonly object? _scope;
    private readonly int _maxSeries;
    private readonly ILogger _logger;
    private readonly Lock _registryGate = new();
    private readonly Lock _scrapeGate = new();
    private readonly Dictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly StrongBox<int> _epoch = new(0);
    private MetricFamily[] _sorted = [];
    private bool _disposed;

    /// <summary>Creates the collector for an application's container (as registered by <c>AddRelayMetrics</c>).</summary>
    public MetricsCollector(IOptions<MetricsOptions> options, IMeterFactory meterFactory, ILogger<MetricsCollector> logger)
        : this(options.Value, meterFactory, logger)
    {
    }

    /// <summary>Creates a collector and starts listening at once.</summary>
    /// <param name="options">The meters to export and the series limit.</param>
    /// <param name="scope">The <see cref="IMeterFactory"/> whose meters are exported besides process-wide ones;
    /// null exports only process-wide meters.</param>
    /// <param name="logger">Reports instruments that cannot be exported (name clashes).</param>
    public MetricsCollector(MetricsOptions options, IMeterFactory? scope, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _meters = new HashSet<string>(options.Meters, StringComparer.Ordinal);
        _scope = scope;
        _maxSeries = options.MaxSeriesPerInstrument;
        _logger = logger ?? NullLogger.Instance;
        _listener = new MeterListener
        {
            InstrumentPublished = OnInstrumentPublished,
            MeasurementsCompleted = OnMeasurementsCompleted,
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>
    /// Collects observable instruments (their callbacks run now, on this thread) and writes every family in
    /// <paramref name="format"/>.
    /// </summary>
    public void WriteTo(IBufferWriter<byte> destination, ExpositionFormat format)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (_scrapeGate)
        {
            var epoch = Interlocked.Increment(ref _epoch.Value);
            _listener.RecordObservableInstruments();
            ExpositionWriter.Write(destination, Volatile.Read(ref _sorted), format, epoch);
        }
    }

    /// <summary>The exposition as a string: for diagnostics and tests; the endpoint streams bytes instead.</summary>
    public string Scrape(ExpositionFormat format = ExpositionFormat.PrometheusText)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        WriteTo(buffer, format);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Stops listening; later measurements are ignored.</summary>
    public void Dispose()
    {
        lock (_registryGate) _disposed = true;
        _listener.Dispose();
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!_meters.Contains(instrument.Meter.Name)) return;
        if (instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, _scope)) return;
        var family = MetricFamily.TryCreate(instrument, _maxSeries, _epoch);
        if (family is null)
        {
            LogUnsupportedInstrument(_logger, instrument.Name, instrument.Meter.Name, instrument.GetType().Name);
            return;
        }
        lock (_registryGate)
        {
            if (_disposed) return;
            if (_families.TryGetValue(family.Name, out var existing))
            {
                LogNameClash(_logger, instrument.Name, instrument.Meter.Name, family.Name, existing.Instrument.Meter.Name);
                return;
            }
            _families.Add(family.Name, family);
            PublishSorted();
        }
        listener.EnableMeasurementEvents(instrument, family.Aggregator);
    }

    private void OnMeasurementsCompleted(Instrument instrument, object? state)
    {
        lock (_registryGate)
        {
            var family = _families.Values.FirstOrDefault(f => ReferenceEquals(f.Aggregator, state));
            if (family is null) return;
            _families.Remove(family.Name);
            PublishSorted();
        }
    }

    private void PublishSorted() =>
        Volatile.Write(ref _sorted, _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray());

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Instrument {Instrument} of meter {Meter} is not exported: {Family} is already exported from meter {ExistingMeter}.")]
    private static partial void LogNameClash(ILogger logger, string instrument, string meter, string family, string existingMeter);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Instrument {Instrument} of meter {Meter} is not exported: {Type} has no Prometheus mapping.")]
    private static partial void LogUnsupportedInstrument(ILogger logger, string instrument, string meter, string type);
}
