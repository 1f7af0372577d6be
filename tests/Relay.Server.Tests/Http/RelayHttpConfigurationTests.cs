using System.Net;
using Microsoft.Extensions.Configuration;
using Relay.Server.Http;
using Relay.Server.Http.Internal;

namespace Relay.Server.Tests.Http;

/// <summary>The perimeter's settings bind from configuration (as flags, environment and JSON produce it) and are validated.</summary>
public class RelayHttpConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Missing_sections_give_the_documented_defaults()
    {
        var empty = Config();
        Assert.Equal(new ConnectionLimitsOptions { MaxConnections = 10_000, MaxConnectionsPerIp = 100, Ipv6PrefixLength = 64, RetryAfterSeconds = 10 },
            RelayHttpConfiguration.ReadConnectionLimits(empty));
        Assert.Empty(RelayHttpConfiguration.ReadTrustedProxies(empty).Proxies);
        Assert.False(RelayHttpConfiguration.ReadTls(empty).Enabled);
        Assert.Null(RelayHttpConfiguration.ReadInfo(empty).Name);
    }

    [Fact]
    public void Environment_variables_with_the_RELAY_prefix_bind_every_section()
    {
        const string Prefix = "RELAY_TEST_";
        var variables = new Dictionary<string, string>
        {
            ["INFO__NAME"] = "env relay",
            ["LIMITS__CONNECTIONS__MAXCONNECTIONSPERIP"] = "5",
            ["NETWORK__TRUSTEDPROXIES"] = "10.0.0.0/8, ::1",
        };
        foreach (var (key, value) in variables) Environment.SetEnvironmentVariable(Prefix + key, value);
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(Prefix).Build();
            Assert.Equal("env relay", RelayHttpConfiguration.ReadInfo(configuration).Name);
            Assert.Equal(5, RelayHttpConfiguration.ReadConnectionLimits(configuration).MaxConnectionsPerIp);
            Assert.Equal(["10.0.0.0/8", "::1"], RelayHttpConfiguration.ReadTrustedProxies(configuration).Proxies);
        }
        finally
        {
            foreach (var key in variables.Keys) Environment.SetEnvironmentVariable(Prefix + key, null);
        }
    }

    [Fact]
    public void Trusted_proxies_bind_from_a_json_style_list()
    {
        var proxies = RelayHttpConfiguration.ReadTrustedProxies(Config(
            ("Network:TrustedProxies:0", "127.0.0.1"), ("Network:TrustedProxies:1", "fd00::/8")));
        Assert.Equal(["127.0.0.1", "fd00::/8"], proxies.Proxies);
        Assert.Null(proxies.TryParse(out var networks));
        Assert.True(networks[1].Contains(IPAddress.Parse("fd12::1")));
    }

    [Theory]
    [InlineData("Limits:Connections:MaxConnections", "0", "Limits:Connections:MaxConnections must be positive.")]
    [InlineData("Limits:Connections:MaxConnectionsPerIp", "-1", "Limits:Connections:MaxConnectionsPerIp must be positive.")]
    [InlineData("Limits:Connections:Ipv6PrefixLength", "129", "Limits:Connections:Ipv6PrefixLength must be between 1 and 128.")]
    [InlineData("Info:Pubkey", "ABC", "Info:Pubkey must be 64 lowercase hex characters.")]
    [InlineData("Info:Software", "not a url", "Info:Software must be an absolute http(s) URL.")]
    [InlineData("Info:PublicUrl", "https://relay.example.com", "Info:PublicUrl must be an absolute ws:// or wss:// URL.")]
    [InlineData("Tls:KeyPath", "/tmp/key.pem", "Tls:KeyPath is set without Tls:CertificatePath.")]
    public void Invalid_settings_fail_naming_the_setting(string key, string value, string message)
    {
        var configuration = Config((key, value));
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            RelayHttpConfiguration.ReadConnectionLimits(configuration);
            RelayHttpConfiguration.ReadInfo(configuration);
            RelayHttpConfiguration.ReadTls(configuration);
        });
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_misspelt_setting_fails_instead_of_being_ignored()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            RelayHttpConfiguration.ReadConnectionLimits(Config(("Limits:Connections:MaxConnectionPerIp", "5"))));
        Assert.Contains("MaxConnectionPerIp", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0:7777", "0.0.0.0", false, 7777)]
    [InlineData("127.0.0.1:0", "127.0.0.1", false, 0)]
    [InlineData("[::]:443", "::", false, 443)]
    [InlineData("[::1]:7777", "::1", false, 7777)]
    [InlineData("*:8080", "::", false, 8080)]
    [InlineData("localhost:7777", null, true, 7777)]
    public void Listen_addresses_parse(string text, string? address, bool localhost, int port)
    {
        Assert.True(ListenAddress.TryParse(text, out var listen, out _));
        Assert.Equal(address is null ? null : IPAddress.Parse(address), listen.Address);
        Assert.Equal(localhost, listen.IsLocalhost);
        Assert.Equal(port, listen.Port);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7777")]
    [InlineData("::1:7777")]
    [InlineData("relay.example.com:7777")]
    [InlineData("0.0.0.0:65536")]
    [InlineData("0.0.0.0:-1")]
    [InlineData("0.0.0.0:")]
    public void Bad_listen_addresses_are_refused(string text)
    {
        Assert.False(ListenAddress.TryParse(text, out _, out var error));
        Assert.Equal($"listen address '{text}' is not host:port (0.0.0.0:7777, [::]:7777, localhost:7777).", error);
    }
}
