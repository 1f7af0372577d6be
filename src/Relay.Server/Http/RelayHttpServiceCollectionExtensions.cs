using Relay.Server.Diagnostics;

namespace Relay.Server.Http;

/// <summary>Registers the relay's HTTP perimeter in a container.</summary>
public static class RelayHttpServiceCollectionExtensions
{
    /// <summary>
    /// Reads and validates sections <c>Info</c>, <c>Limits:Connections</c> and <c>Network:TrustedProxies</c> of
    /// <paramref name="configuration"/> now, then registers the perimeter as
    /// <see cref="AddRelayHttp(IServiceCollection, RelayInfoOptions, ConnectionLimitsOptions, TrustedProxyOptions, RelayLimitation, IEnumerable{int})"/> does.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configuration">The relay's configuration (its root: the sections are relative to it).</param>
    /// <param name="limitation">The limits the relay enforces (<see cref="RelayLimitation.FromNostrLimits"/>).</param>
    /// <param name="supportedNips">The NIPs the relay implements, for <c>supported_nips</c>.</param>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it.</exception>
    public static IServiceCollection AddRelayHttp(this IServiceCollection services, IConfiguration configuration,
        RelayLimitation limitation, IEnumerable<int> supportedNips) =>
        services.AddRelayHttp(RelayHttpConfiguration.ReadInfo(configuration), RelayHttpConfiguration.ReadConnectionLimits(configuration),
            RelayHttpConfiguration.ReadTrustedProxies(configuration), limitation, supportedNips);

    /// <summary>
    /// Registers as singletons: the options, <see cref="RelayReadiness"/>, <see cref="ClientAddressResolver"/>,
    /// <see cref="ConnectionAdmission"/> (counting refusals in <see cref="RelayMetrics"/> when it is registered) and
    /// the serialised <see cref="RelayInformation"/>. Then add
    /// <see cref="RelayHttpApplicationBuilderExtensions.UseRelayFrontDoor"/> to the pipeline.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="info">What the NIP-11 document and the HTML page say.</param>
    /// <param name="connectionLimits">The connection caps.</param>
    /// <param name="trustedProxies">The proxies whose <c>X-Forwarded-For</c> is believed.</param>
    /// <param name="limitation">The limits the relay enforces (<see cref="RelayLimitation.FromNostrLimits"/>).</param>
    /// <param name="supportedNips">The NIPs the relay implements, for <c>supported_nips</c>.</param>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it.</exception>
    public static IServiceCollection AddRelayHttp(this IServiceCollection services, RelayInfoOptions info,
        ConnectionLimitsOptions connectionLimits, TrustedProxyOptions trustedProxies, RelayLimitation limitation, IEnumerable<int> supportedNips)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(connectionLimits);
        if (info.Validate() is { } error)
            Internal.ThrowHelper.ThrowInvalidConfiguration(error);
        var resolver = new ClientAddressResolver(trustedProxies);
        var information = new RelayInformation(info, limitation, supportedNips);

        services.AddSingleton(info);
        services.AddSingleton(connectionLimits);
        services.AddSingleton(trustedProxies);
        services.AddSingleton(information);
        services.AddSingleton<RelayReadiness>();
        services.AddSingleton(resolver);
        services.AddSingleton(sp => new ConnectionAdmission(connectionLimits, sp.GetRequiredService<RelayReadiness>(),
            resolver, sp.GetService<RelayMetrics>()));
        return services;
    }
}
