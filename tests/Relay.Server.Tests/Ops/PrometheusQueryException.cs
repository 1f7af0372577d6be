namespace Relay.Server.Tests.Ops;

/// <summary>Prometheus answered an API call with status "error" (bad PromQL, bad parameters).</summary>
internal sealed class PrometheusQueryException(string message) : Exception(message);
