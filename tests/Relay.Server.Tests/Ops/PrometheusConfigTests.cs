using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.Ops;

/// <summary>ops/prometheus under promtool: the config and rules parse, and the alerts fire when they should.</summary>
public class PrometheusConfigTests
{
    private const string Promtool = "/usr/bin/promtool";

    private static async Task<ExternalTool.Result> PromtoolAsync(params string[] arguments)
    {
        ExternalTool.Require(Promtool, "prometheus");
        return await ExternalTool.RunAsync(Promtool, arguments, workingDirectory: RepositoryRoot.File("ops", "prometheus"));
    }

    [Fact]
    public async Task Prometheus_config_passes_promtool_check_config()
    {
        var result = await PromtoolAsync("check", "config", "prometheus.yml");
        Assert.True(result.ExitCode == 0, result.Both);
        Assert.Contains("SUCCESS: 1 rule files found", result.Both, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_rules_pass_promtool_check_rules_with_no_lint()
    {
        var result = await PromtoolAsync("check", "rules", "alerts.yml");
        Assert.True(result.ExitCode == 0, result.Both);
        Assert.DoesNotContain("WARNING", result.Both, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_rules_fire_as_their_unit_tests_expect()
    {
        var result = await PromtoolAsync("test", "rules", "alerts.test.yml");
        Assert.True(result.ExitCode == 0, result.Both);
        Assert.Contains("SUCCESS", result.Both, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Prometheus_scrapes_the_relay_service_on_its_port()
    {
        var config = File.ReadAllText(RepositoryRoot.File("ops", "prometheus", "prometheus.yml"));
        Assert.Contains("targets: [\"relay:7777\"]", config, StringComparison.Ordinal);
        Assert.Contains("metrics_path: /metrics", config, StringComparison.Ordinal);
    }
}
