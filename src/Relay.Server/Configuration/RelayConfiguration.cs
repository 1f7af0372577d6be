using Relay.Server.Http;


namespace Relay.Server.Configuration;

/// <summary>Builds <see cref="RelayOptions"/> from its sources, in precedence order flags > environment > file > defaults.</summary>
internal static class RelayConfiguration
{
    /// <summary>Short flags of <c>relay serve</c> and the keys they set.</summary>
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--listen"] = nameof(RelayOptions.Listen),
        ["--data"] = nameof(RelayOptions.Data),
        ["--metrics-listen"] = nameof(RelayOptions.MetricsListen),
    };

    /// <summary>
    /// Loads the options. <paramref name="flags"/> are <c>--listen</c>, <c>--data</c> and any <c>--Section:Key=value</c>
    /// (e.g. <c>--Connection:PingInterval=00:00:10</c>); <paramref name="configFile"/> is the <c>--config</c> JSON file.
    /// </summary>
    public static RelayOptions Load(IReadOnlyList<string> flags, string? configFile, IDictionary<string, string?>? environment = null)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        if (environment is null)
            builder.AddEnvironmentVariables(RelayOptions.EnvironmentPrefix);
        else
            builder.AddInMemoryCollection(FromEnvironment(environment));
        builder.AddCommandLine([.. flags], SwitchMappings);
        var configuration = builder.Build();
        var options = new RelayOptions();
        configuration.Bind(options);
        options.Tls = RelayHttpConfiguration.ReadTls(configuration);
        options.Info = RelayHttpConfiguration.ReadInfo(configuration);
        options.ConnectionLimits = RelayHttpConfiguration.ReadConnectionLimits(configuration);
        options.TrustedProxies = RelayHttpConfiguration.ReadTrustedProxies(configuration);
        options.Validate();
        return options;
    }

    /// <summary>The keys an environment (RELAY_-prefixed, <c>__</c> as separator) sets, as the environment provider reads them.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> FromEnvironment(IDictionary<string, string?> environment)
    {
        foreach (var (name, value) in environment)
        {
            if (name.StartsWith(RelayOptions.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                yield return new(name[RelayOptions.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), value);
        }
    }
}
