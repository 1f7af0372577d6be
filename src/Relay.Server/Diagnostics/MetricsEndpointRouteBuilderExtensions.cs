using Relay.Server.Diagnostics.Internal;

namespace Relay.Server.Diagnostics;

/// <summary>Maps the Prometheus scrape endpoint.</summary>
public static class MetricsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET</c> and <c>HEAD</c> <paramref name="pattern"/> to the exposition of the container's
    /// <see cref="MetricsCollector"/>: Prometheus text 0.0.4 by default, OpenMetrics 1.0.0 when the
    /// <c>Accept</c> header asks for it, gzip when <c>Accept-Encoding</c> allows it.
    /// </summary>
    /// <returns>The endpoint's builder, to add e.g. <c>RequireHost</c> or an authorization policy.</returns>
    public static IEndpointConventionBuilder MapRelayMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapMethods(pattern, ["GET", "HEAD"], ScrapeEndpoint.HandleAsync).WithDisplayName("Prometheus metrics");
    }
}
