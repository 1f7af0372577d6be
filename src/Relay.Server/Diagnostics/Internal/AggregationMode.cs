namespace Relay.Server.Diagnostics.Internal;

/// <summary>How measurements of an instrument combine into a series' value.</summary>
internal enum AggregationMode
{
    /// <summary>Synchronous <c>Counter</c>/<c>UpDownCounter</c>: measurements are deltas, added up.</summary>
    Sum,

    /// <summary>Observable instruments and <c>Gauge</c>: each measurement replaces the value.</summary>
    LastValue,

    /// <summary><c>Histogram</c>: counted into buckets, summed.</summary>
    Histogram,
}
