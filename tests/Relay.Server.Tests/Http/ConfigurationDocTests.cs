using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Relay.Nostr;
using Relay.Server.Http;
using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.Http;

/// <summary>docs/configuration.md names every setting the perimeter and the Nostr limits have, and its example binds.</summary>
public partial class ConfigurationDocTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryRoot.File("docs", "configuration.md"));

    [GeneratedRegex("```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    public static TheoryData<string, Type> Sections() => new()
    {
        { RelayInfoOptions.SectionName, typeof(RelayInfoOptions) },
        { ConnectionLimitsOptions.SectionName, typeof(ConnectionLimitsOptions) },
        { TlsOptions.SectionName, typeof(TlsOptions) },
        { "Limits", typeof(NostrLimits) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_setting_of_a_section_is_documented_with_its_key(string section, Type options)
    {
        var settings = options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).ToArray();
        Assert.NotEmpty(settings);
        foreach (var name in settings)
            Assert.Contains($"`{section}:{name}`", Doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_setting_of_relay_serve_options_is_documented_with_its_key()
    {
        var checkedKeys = 0;
        // Properties with internal setters are the perimeter's sections, read under their own section names (checked above).
        foreach (var property in typeof(Relay.Server.Configuration.RelayOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.SetMethod is { IsPublic: true }))
        {
            if (property.PropertyType == typeof(string))
            {
                Assert.Contains($"`{property.Name}`", Doc, StringComparison.Ordinal);
                checkedKeys++;
                continue;
            }

            foreach (var setting in property.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                Assert.Contains($"`{property.Name}:{setting.Name}`", Doc, StringComparison.Ordinal);
                checkedKeys++;
            }
        }

        Assert.True(checkedKeys > 40, $"only {checkedKeys} keys found: has RelayOptions changed shape?");
    }

    [Fact]
    public void Trusted_proxies_key_is_documented()
    {
        Assert.Contains($"`{TrustedProxyOptions.SectionName}`", Doc, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_file_binds_and_its_limits_are_the_defaults()
    {
        var json = JsonBlock().Match(Doc).Groups[1].Value;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        Assert.Equal("my relay", RelayHttpConfiguration.ReadInfo(configuration).Name);
        Assert.Equal(new ConnectionLimitsOptions(), RelayHttpConfiguration.ReadConnectionLimits(configuration));
        Assert.Equal(["127.0.0.1", "::1"], RelayHttpConfiguration.ReadTrustedProxies(configuration).Proxies);
        var limits = configuration.GetSection("Limits").Get<NostrLimits>()!;
        Assert.Equal(NostrLimits.Default, limits);
    }
}
