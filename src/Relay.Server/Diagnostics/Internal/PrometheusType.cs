namespace Relay.Server.Diagnostics.Internal;

/// <summary>The Prometheus metric type a family is exposed as.</summary>
internal enum PrometheusType
{
    /// <summary>Monotonic total: <c>Counter</c>, <c>ObservableCounter</c>.</summary>
    Counter,

    /// <summary>Current value: <c>UpDownCounter</c>, <c>ObservableUpDownCounter</c>, <c>ObservableGauge</c>, <c>Gauge</c>.</summary>
    Gauge,

    /// <summary>Distribution with cumulative buckets: <c>Histogram</c>.</summary>
    Histogram,
}
