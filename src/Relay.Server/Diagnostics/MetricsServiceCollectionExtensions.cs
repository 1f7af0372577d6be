using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Relay.Server.Diagnostics.Internal;

namespace Relay.Server.Diagnostics;

/// <summary>Registers the relay's metrics in a container.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MetricsCollector"/> and <see cref="RelayMetrics"/> as singletons (the collector
    /// first, so the catalogue's zero series are seen) and starts both with the host. Map the endpoint with
    /// <see cref="MetricsEndpointRouteBuilderExtensions.MapRelayMetrics"/> or serve it on its own port with
    /// <see cref="AddRelayMetricsListener"/>.
    /// </summary>
    public static IServiceCollection AddRelayMetrics(this IServiceCollection services, Action<MetricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.AddOptions<MetricsOptions>();
        if (configure is not null) services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MetricsCollector>();
        services.TryAddSingleton(sp =>
        {
            _ = sp.GetRequiredService<MetricsCollector>();
            return new RelayMetrics(sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddHostedService<MetricsStartup>();
        return services;
    }

    /// <summary>
    /// Serves <c>/metrics</c> on a separate listener (<c>--metrics-listen</c>) for the lifetime of the host,
    /// in addition to <see cref="AddRelayMetrics"/>. Do not map the endpoint on the main application then.
    /// </summary>
    public static IServiceCollection AddRelayMetricsListener(this IServiceCollection services, IPEndPoint endPoint, string path = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(endPoint);
        services.AddSingleton(sp => new MetricsListenerService(sp.GetRequiredService<MetricsCollector>(), endPoint, path));
        services.AddHostedService(sp => sp.GetRequiredService<MetricsListenerService>());
        return services;
    }
}
