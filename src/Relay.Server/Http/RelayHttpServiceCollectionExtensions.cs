using Relay.Server.Diagnostics;

namespace Relay.Server.Http;

/// <summary>Registers the relay's HTTP perimeter in a container.</summary>
public static class RelayHttpServiceCollectionExtensions
{
    /// <summary>
    /// Reads and validates sections <c>Relay:Info</c>, <c>Relay:Limits:Connections</c> and
    /// <c>Relay:Network:TrustedProxies</c> now, and registers as singletons: <see cref="RelayReadiness"/>,
    /// <see cref="ClientAddressResolver"/>, <see cref="ConnectionAdmission"/> (counting refusals in
    /// <see cref="RelayMetrics"/> when it is registered) and the serialised <see cref="RelayInformation"/>.
    /// Then add <see cref="RelayHttpApplicationBuilderExtensions.UseRelayFrontDoor"/> to the pipeline.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configuration">The relay's configuration.</param>
    /// <param name="limitation">The limits the relay enforces (<see cref="RelayLimitation.FromNostrLimits"/>).</param>
    /// <param name="supportedNips">The NIPs the relay implements, for <c>supported_nips</c>.</param>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it.</exception>
    public static IServiceCollection AddRelayHttp(this IServiceCollection services, IConfiguration configuration,
        RelayLimitation limitation, IEnumerable<int> supportedNips)
    {
        ArgumentNullException.ThrowIfNull(services);
        var info = RelayHttpConfiguration.ReadInfo(configuration);
        var limits = RelayHttpConfiguration.ReadConnectionLimits(configuration);
        var proxies = RelayHttpConfiguration.ReadTrustedProxies(configuration);
        var information = new RelayInformation(info, limitation, supportedNips);

        services.AddSingleton(info);
        services.AddSingleton(limits);
        services.AddSingleton(proxies);
        services.AddSingleton(information);
        services.AddSingleton<RelayReadiness>();
        services.AddSingleton(new ClientAddressResolver(proxies));
        services.AddSingleton(sp => new ConnectionAdmission(limits, sp.GetRequiredService<RelayReadiness>(),
            sp.GetRequiredService<ClientAddressResolver>(), sp.GetService<RelayMetrics>()));
        return services;
    }
}
