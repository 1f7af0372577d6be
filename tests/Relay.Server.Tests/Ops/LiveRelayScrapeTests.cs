using System.Text.Json;
using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.Ops;

/// <summary>
/// A real Prometheus scrapes a real <c>relay serve</c> that served Nostr traffic: the relay's own counts arrive, the
/// exposition passes promtool, every dashboard query and alert rule evaluates. (The catalogue tests next to these
/// record every instrument on purpose, so they also prove each panel shows data; here only real traffic counts.)
/// </summary>
public class LiveRelayScrapeTests(LiveRelayFixture fixture) : IClassFixture<LiveRelayFixture>
{
    [Fact]
    public async Task Prometheus_scrapes_the_relay_without_errors()
    {
        var targets = await fixture.Prometheus.GetDataAsync("/api/v1/targets");
        var target = Assert.Single(targets.GetProperty("activeTargets").EnumerateArray());
        Assert.Equal("up", target.GetProperty("health").GetString());
        Assert.Equal("", target.GetProperty("lastError").GetString());
        Assert.Equal(fixture.MetricsUri.ToString(), target.GetProperty("scrapeUrl").GetString());
    }

    [Fact]
    public async Task The_relays_own_counts_arrive_in_Prometheus()
    {
        Assert.Equal(fixture.Accepted, await ScalarAsync("sum(nostr_events_total{result=\"accepted\"})"));
        Assert.Equal(1, await ScalarAsync("sum(nostr_events_total{result=\"duplicate\"})"));
        Assert.Equal(1, await ScalarAsync("sum(nostr_events_rejected_total{reason=\"invalid\"})"));
        Assert.True(await ScalarAsync("sum(nostr_deliveries_total)") >= fixture.Delivered);
        Assert.True(await ScalarAsync("sum(nostr_req_time_to_eose_seconds_count)") >= 2);
        Assert.Equal(1, await ScalarAsync("sum(relay_connections_refused_total{reason=\"per_ip_limit\"})"));
        Assert.Equal(LiveRelayFixture.MaxConnectionsPerIp, await ScalarAsync("relay_connections"));
        Assert.True(await ScalarAsync("sum(relay_writer_batch_size_count)") >= 1);
        Assert.True(await ScalarAsync("relay_database_size_bytes") > 0);
        Assert.True(await ScalarAsync("count(relay_mailbox_depth)") >= 1, "the actor kernel's own meter is exported");
    }

    [Fact]
    public async Task The_relays_exposition_passes_promtool()
    {
        var promtool = ExternalTool.Require("/usr/bin/promtool", "prometheus");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var text = await http.GetStringAsync(fixture.MetricsUri);

        var result = await ExternalTool.RunAsync(promtool, ["check", "metrics"], standardInput: text);

        // promtool exits 1 on a parse error and 3 when it only has lint remarks (allowed by the issue).
        Assert.True(result.ExitCode is 0 or 3, $"promtool check metrics failed ({result.ExitCode}):\n{result.Both}");
    }

    [Fact]
    public async Task Every_dashboard_query_evaluates_and_finds_data_when_its_metrics_exist()
    {
        var exported = await GrafanaDashboardTests.ExportedSeriesNamesAsync(fixture.MetricsUri);
        using var dashboard = GrafanaDashboardTests.Dashboard();
        var failures = new List<string>();
        var evaluated = 0;
        foreach (var (_, expr) in GrafanaDashboardTests.Queries(dashboard))
        {
            var query = PromQl.ExpandGrafanaVariables(expr, "1m");
            try
            {
                var result = await fixture.Prometheus.QueryAsync(query);
                evaluated++;
                // A counter never incremented (no ping timeout happened, say) has no series yet; a query over metrics
                // the relay does export must find them.
                var names = PromQl.MetricNames(query).Where(n => n is not ("up" or "ALERTS")).ToArray();
                if (result.GetArrayLength() == 0 && names.Length > 0 && names.All(exported.Contains))
                    failures.Add($"no series for {query}");
            }
            catch (PrometheusQueryException e)
            {
                failures.Add($"{query}: {e.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.True(evaluated >= 50, $"only {evaluated} queries found");
    }

    [Fact]
    public async Task Every_alert_rule_evaluates_against_the_live_relay()
    {
        var rules = await fixture.Prometheus.EvaluatedRulesAsync(TimeSpan.FromSeconds(30));

        Assert.NotEmpty(rules);
        foreach (var rule in rules)
            Assert.True(rule.GetProperty("health").GetString() == "ok", $"{rule.GetProperty("name").GetString()}: {rule}");
        var firing = rules.Where(r => r.GetProperty("state").GetString() == "firing").Select(r => r.GetProperty("name").GetString()).ToArray();
        Assert.True(firing.Length == 0, $"alerts firing on a healthy relay: {string.Join(", ", firing)}");
    }

    private async Task<double> ScalarAsync(string query)
    {
        var result = await fixture.Prometheus.QueryAsync(query);
        var sample = Assert.Single(result.EnumerateArray());
        return PrometheusServer.ScalarValue(sample);
    }
}
