using System.Text.Json;

namespace Relay.Server.Tests.Ops;

/// <summary>Every alert of ops/prometheus/alerts.yml evaluated by a real Prometheus against real relay metrics.</summary>
[Collection(ScrapedRelayCollection.Name)]
public class AlertRulesTests(ScrapedRelayFixture fixture)
{
    [Fact]
    public async Task Every_rule_evaluates_without_error_against_the_scraped_metrics()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement[] rules;
        while (true)
        {
            var data = await fixture.Prometheus.GetDataAsync("/api/v1/rules");
            rules = data.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToArray();
            // Health is "unknown" until a rule's first evaluation (every second here).
            if (rules.All(r => r.GetProperty("health").GetString() != "unknown") || DateTime.UtcNow > deadline) break;
            await Task.Delay(200);
        }
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
        var exported = await GrafanaDashboardTests.ExportedSeriesNamesAsync(fixture);
        foreach (var rule in data.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()))
        {
            var query = rule.GetProperty("query").GetString()!;
            foreach (var metric in PromQl.MetricNames(query).Where(m => m != "up"))
                Assert.True(exported.Contains(metric), $"{rule.GetProperty("name").GetString()} uses {metric}, which is not exported");
        }
    }
}
