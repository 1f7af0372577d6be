using System.Text.Json;

namespace Relay.Server.Tests.Ops;

/// <summary>Every alert of ops/prometheus/alerts.yml evaluated by a real Prometheus against real relay metrics.</summary>
[Collection(ScrapedRelayCollection.Name)]
public class AlertRulesTests(ScrapedRelayFixture fixture)
{
    [Fact]
    public async Task Every_rule_evaluates_without_error_against_the_scraped_metrics()
    {
        var rules = await fixture.Prometheus.EvaluatedRulesAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(20, rules.Length);
        foreach (var rule in rules)
        {
            var name = rule.GetProperty("name").GetString();
            Assert.True(rule.GetProperty("health").GetString() == "ok",
                $"{name}: {rule.GetProperty("health").GetString()} {(rule.TryGetProperty("lastError", out var error) ? error.GetString() : "")}");
        }
    }

    [Fact]
    public async Task Every_alert_expression_refers_only_to_series_the_relay_exports()
    {
        var data = await fixture.Prometheus.GetDataAsync("/api/v1/rules");
        var exported = await GrafanaDashboardTests.ExportedSeriesNamesAsync(fixture.App.MetricsUri);
        foreach (var rule in data.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()))
        {
            var query = rule.GetProperty("query").GetString()!;
            foreach (var metric in PromQl.MetricNames(query).Where(m => m != "up"))
                Assert.True(exported.Contains(metric), $"{rule.GetProperty("name").GetString()} uses {metric}, which is not exported");
        }
    }
}
