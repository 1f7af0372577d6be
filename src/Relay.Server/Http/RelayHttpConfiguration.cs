namespace Relay.Server.Http;

/// <summary>
/// Reads the HTTP perimeter's options from configuration (flags, <c>RELAY_</c> environment variables and the
/// JSON file all end up there) and validates them, so a bad setting fails start-up with a message naming it.
/// </summary>
public static class RelayHttpConfiguration
{
    /// <summary>Section <see cref="RelayInfoOptions.SectionName"/>.</summary>
    public static RelayInfoOptions ReadInfo(IConfiguration configuration) =>
        Validated(Bind<RelayInfoOptions>(configuration, RelayInfoOptions.SectionName), static o => o.Validate());

    /// <summary>Section <see cref="ConnectionLimitsOptions.SectionName"/>.</summary>
    public static ConnectionLimitsOptions ReadConnectionLimits(IConfiguration configuration) =>
        Validated(Bind<ConnectionLimitsOptions>(configuration, ConnectionLimitsOptions.SectionName), static o => o.Validate());

    /// <summary>Section <see cref="TlsOptions.SectionName"/>.</summary>
    public static TlsOptions ReadTls(IConfiguration configuration) =>
        Validated(Bind<TlsOptions>(configuration, TlsOptions.SectionName), static o => o.Validate());

    /// <summary>
    /// Section <see cref="TrustedProxyOptions.SectionName"/>: a list (<c>TrustedProxies:0</c>, JSON array) or one
    /// comma-separated value (<c>RELAY_NETWORK__TRUSTEDPROXIES=10.0.0.0/8,::1</c>).
    /// </summary>
    public static TrustedProxyOptions ReadTrustedProxies(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TrustedProxyOptions.SectionName);
        var entries = section.Value is { } single
            ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.Get<string[]>() ?? [];
        return Validated(new TrustedProxyOptions { Proxies = entries }, static o => o.TryParse(out _));
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(section).Get<T>(static binder => binder.ErrorOnUnknownConfiguration = true) ?? new T();
    }

    private static T Validated<T>(T options, Func<T, string?> validate)
    {
        if (validate(options) is { } error)
            Internal.ThrowHelper.ThrowInvalidConfiguration(error);
        return options;
    }
}
