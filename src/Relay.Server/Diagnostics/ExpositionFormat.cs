namespace Relay.Server.Diagnostics;

/// <summary>The exposition formats <c>/metrics</c> can answer in, chosen from the request's <c>Accept</c> header.</summary>
public enum ExpositionFormat
{
    /// <summary>Prometheus text format 0.0.4 (<c>text/plain; version=0.0.4</c>): the default.</summary>
    PrometheusText,

    /// <summary>OpenMetrics 1.0.0 text (<c>application/openmetrics-text; version=1.0.0</c>): what Prometheus asks for first.</summary>
    OpenMetrics,
}
