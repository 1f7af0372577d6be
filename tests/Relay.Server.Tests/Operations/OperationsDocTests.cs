using System.Text.Json;
using System.Text.RegularExpressions;
using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.Operations;

/// <summary>docs/operations.md explains every dashboard panel and every alert that ops/ ships, and every operator command.</summary>
public partial class OperationsDocTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryRoot.File("docs", "operations.md"));

    [GeneratedRegex(@"^\s*- alert: (\w+)", RegexOptions.Multiline)]
    private static partial Regex AlertName();

    [Fact]
    public void Operations_doc_has_a_row_for_every_dashboard_panel_with_its_description()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("ops", "grafana", "dashboards", "relay.json")));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.GetProperty("type").GetString() != "row")
            .Select(p => (Title: p.GetProperty("title").GetString()!, Description: p.TryGetProperty("description", out var d) ? d.GetString()! : ""))
            .ToList();

        Assert.True(panels.Count > 40, $"only {panels.Count} panels read");
        foreach (var (title, description) in panels)
        {
            Assert.True(Doc.Contains($"| {title} | {description.Replace("|", "\\|", StringComparison.Ordinal)} |", StringComparison.Ordinal),
                $"docs/operations.md does not describe the panel '{title}' as the dashboard does");
        }
    }

    [Fact]
    public void Operations_doc_explains_every_alert_of_the_rules_file()
    {
        var alerts = AlertName().Matches(File.ReadAllText(RepositoryRoot.File("ops", "prometheus", "alerts.yml"))).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(20, alerts.Count);
        Assert.All(alerts, alert => Assert.Contains($"| {alert} |", Doc, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("relay db backup")]
    [InlineData("relay export")]
    [InlineData("relay import")]
    [InlineData("## Backup and restore")]
    [InlineData("## Upgrading")]
    [InlineData("## Tuning the limits")]
    [InlineData("## Running the binary")]
    [InlineData("(configuration.md)")]
    public void Operations_doc_covers(string text) => Assert.Contains(text, Doc, StringComparison.Ordinal);
}
