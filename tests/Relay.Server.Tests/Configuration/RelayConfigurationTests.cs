using Relay.Server.Configuration;

namespace Relay.Server.Tests.Configuration;

public class RelayConfigurationTests
{
    [Fact]
    public void Load_takes_flags_over_environment_over_file_over_defaults()
    {
        var file = Path.Combine(Path.GetTempPath(), $"relay-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            {
              "Listen": "127.0.0.1:1111",
              "Data": "/tmp/from-file",
              "Connection": { "PingInterval": "00:00:10", "PongTimeout": "00:00:04" },
              "Limits": { "MaxLimit": 100, "DefaultLimit": 50 }
            }
            """);
        try
        {
            var environment = new Dictionary<string, string?>
            {
                ["RELAY_LISTEN"] = "127.0.0.1:2222",
                ["RELAY_CONNECTION__PINGINTERVAL"] = "00:00:20",
                ["OTHER_LISTEN"] = "ignored:1",
            };
            var options = RelayConfiguration.Load(["--listen", "127.0.0.1:3333", "--Limits:MaxLimit=200"], file, environment);

            Assert.Equal("127.0.0.1:3333", options.Listen);                       // flag
            Assert.Equal(TimeSpan.FromSeconds(20), options.Connection.PingInterval); // environment
            Assert.Equal(TimeSpan.FromSeconds(4), options.Connection.PongTimeout);   // file
            Assert.Equal("/tmp/from-file", options.Data);                          // file
            Assert.Equal(200, options.Limits.MaxLimit);                            // flag, nested
            Assert.Equal(50, options.Limits.DefaultLimit);                         // file, nested
            Assert.Equal(new RelayOptions().RateLimits.EventBurst, options.RateLimits.EventBurst); // default
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Load_defaults_to_port_7777_and_the_data_directory()
    {
        var options = RelayConfiguration.Load([], null, new Dictionary<string, string?>());
        Assert.Equal("0.0.0.0:7777", options.Listen);
        Assert.Equal("./data", options.Data);
    }

    [Fact]
    public void Load_refuses_an_invalid_setting_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            RelayConfiguration.Load(["--Connection:PingInterval=00:00:00"], null, new Dictionary<string, string?>()));
        Assert.Equal("PingInterval", error.ParamName);
    }
}
