using System.Text.Json;
using System.Text.RegularExpressions;
using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.Ops;

/// <summary>ops/grafana: the dashboard parses, uses the provisioned datasource, and every query works on real data.</summary>
[Collection(ScrapedRelayCollection.Name)]
public class GrafanaDashboardTests(ScrapedRelayFixture fixture)
{
    // Series Prometheus itself makes: the scrape health and the state of alert rules.
    private static readonly string[] PrometheusOwnSeries = ["up", "ALERTS"];

    internal static JsonDocument Dashboard() =>
        JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("ops", "grafana", "dashboards", "relay.json")));

    private static string ProvisionedDatasourceUid()
    {
        var yaml = File.ReadAllText(RepositoryRoot.File("ops", "grafana", "provisioning", "datasources", "prometheus.yml"));
        return Regex.Match(yaml, @"^\s*uid:\s*(\S+)\s*$", RegexOptions.Multiline).Groups[1].Value;
    }

    private static IEnumerable<JsonElement> Panels(JsonDocument dashboard) =>
        dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.TryGetProperty("panels", out var nested) ? nested.EnumerateArray().Prepend(p) : [p]);

    internal static IEnumerable<(string Panel, string Expr)> Queries(JsonDocument dashboard) =>
        Panels(dashboard).Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => (p.GetProperty("title").GetString()!, t.GetProperty("expr").GetString()!)));

    /// <summary>Every sample name <paramref name="metricsUri"/> exposes (<c>_total</c>, <c>_bucket</c>... included).</summary>
    internal static async Task<HashSet<string>> ExportedSeriesNamesAsync(Uri metricsUri)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var text = await client.GetStringAsync(metricsUri);
        return text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l[..l.IndexOfAny(['{', ' '])]).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void Dashboard_parses_with_unique_panel_ids_and_a_fixed_uid()
    {
        using var dashboard = Dashboard();
        Assert.Equal("relay-overview", dashboard.RootElement.GetProperty("uid").GetString());
        var ids = Panels(dashboard).Select(p => p.GetProperty("id").GetInt32()).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.True(Queries(dashboard).Count() >= 50);
    }

    [Fact]
    public void Dashboard_covers_every_area_operators_watch()
    {
        using var dashboard = Dashboard();
        var rows = Panels(dashboard).Where(p => p.GetProperty("type").GetString() == "row").Select(p => p.GetProperty("title").GetString()!).ToArray();
        Assert.Equal(["Overview", "Traffic", "Events", "Subscriptions and deliveries", "Latency", "Storage", "Mailboxes", "Abuse controls", "Runtime"], rows);
    }

    [Fact]
    public void Every_panel_target_and_variable_uses_the_provisioned_datasource()
    {
        var uid = ProvisionedDatasourceUid();
        Assert.Equal("relay-prometheus", uid);
        using var dashboard = Dashboard();
        foreach (var panel in Panels(dashboard).Where(p => p.GetProperty("type").GetString() != "row"))
        {
            var title = panel.GetProperty("title").GetString();
            Assert.True(panel.GetProperty("datasource").GetProperty("uid").GetString() == uid, $"panel {title}");
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
                Assert.True(target.GetProperty("datasource").GetProperty("uid").GetString() == uid, $"target of {title}");
        }
        foreach (var variable in dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray())
            Assert.Equal(uid, variable.GetProperty("datasource").GetProperty("uid").GetString());
    }

    [Fact]
    public async Task Every_metric_in_every_panel_query_is_exported_by_the_relay()
    {
        var exported = await ExportedSeriesNamesAsync(fixture.App.MetricsUri);
        using var dashboard = Dashboard();
        var missing = Queries(dashboard)
            .SelectMany(q => PromQl.MetricNames(q.Expr).Select(name => (q.Panel, Name: name)))
            .Where(q => !exported.Contains(q.Name) && !PrometheusOwnSeries.Contains(q.Name))
            .Select(q => $"{q.Panel}: {q.Name}").ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Every_panel_query_evaluates_in_Prometheus_and_returns_series()
    {
        using var dashboard = Dashboard();
        var failures = new List<string>();
        foreach (var (panel, expr) in Queries(dashboard))
        {
            var query = PromQl.ExpandGrafanaVariables(expr, "1m");
            try
            {
                var result = await fixture.Prometheus.QueryAsync(query);
                // ALERTS exists only while an alert is pending or firing; every other query must find data.
                if (result.GetArrayLength() == 0 && !query.Contains("ALERTS", StringComparison.Ordinal))
                    failures.Add($"{panel}: no series for {query}");
            }
            catch (PrometheusQueryException e)
            {
                failures.Add($"{panel}: {e.Message}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Instance_variable_lists_the_scraped_relay()
    {
        using var dashboard = Dashboard();
        var variable = dashboard.RootElement.GetProperty("templating").GetProperty("list")[0];
        Assert.Equal("label_values(relay_build_info, instance)", variable.GetProperty("definition").GetString());
        var values = await fixture.Prometheus.GetDataAsync("/api/v1/label/instance/values?match[]=relay_build_info");
        Assert.Equal([fixture.App.MetricsUri.Authority], values.EnumerateArray().Select(v => v.GetString()!));
    }
}
