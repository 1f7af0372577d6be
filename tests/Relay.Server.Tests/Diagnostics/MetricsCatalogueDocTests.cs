using System.Text.RegularExpressions;
using Relay.Server.Diagnostics;

namespace Relay.Server.Tests.Diagnostics;

/// <summary>
/// docs/metrics.md is what the relay's implementers instrument against: its tables and the exposition must
/// agree on every relay_*/nostr_* series, its type, its label names and (for closed sets) its label values.
/// </summary>
public partial class MetricsCatalogueDocTests
{
    private sealed record DocumentedSeries(string Name, string Type, Dictionary<string, string[]?> Labels);

    private sealed record ExposedSeries(string Type, Dictionary<string, HashSet<string>> Labels);

    private static Dictionary<string, DocumentedSeries> Documented()
    {
        var rows = new Dictionary<string, DocumentedSeries>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(RepositoryRoot.File("docs", "metrics.md")))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            // | `series` | type | unit | labels | meaning | recorded by |
            if (cells.Length != 8 || !SeriesCell().IsMatch(cells[1])) continue;
            var name = cells[1].Trim('`');
            var labels = new Dictionary<string, string[]?>(StringComparer.Ordinal);
            if (cells[4] != "—")
            {
                foreach (var segment in cells[4].Split(';'))
                {
                    var colon = segment.IndexOf(':', StringComparison.Ordinal);
                    if (colon < 0)
                    {
                        foreach (Match token in Backticked().Matches(segment)) labels[token.Groups[1].Value] = null;
                        continue;
                    }
                    var label = Backticked().Match(segment[..colon]).Groups[1].Value;
                    var values = segment[(colon + 1)..];
                    // Ranges ("400–599") and prose ("actor type name") are open sets: only the name is checked.
                    labels[label] = values.Contains('–', StringComparison.Ordinal) || !values.Contains('`', StringComparison.Ordinal)
                        ? null
                        : Backticked().Matches(values).Select(m => m.Groups[1].Value).ToArray();
                }
            }
            rows.Add(name, new DocumentedSeries(name, cells[2], labels));
        }
        return rows;
    }

    private static async Task<Dictionary<string, ExposedSeries>> ExposedAsync()
    {
        await using var app = await CatalogueApp.StartAsync();
        app.RecordEverything();
        var m = app.Metrics;
        foreach (var kind in Enum.GetValues<KindClass>())
        {
            m.EventAccepted(kind);
            m.EventDuplicate(kind);
            m.RecordEventTimeToOk(kind, TimeSpan.Zero);
            foreach (var reason in Enum.GetValues<EventRejectReason>()) m.EventRejected(kind, reason);
        }
        foreach (var initiator in Enum.GetValues<CloseInitiator>()) m.ConnectionClosed(4000, initiator);
        var exposed = new Dictionary<string, ExposedSeries>(StringComparer.Ordinal);
        string? family = null;
        foreach (var line in app.Collector.Scrape(ExpositionFormat.PrometheusText).Split('\n'))
        {
            var type = TypeLine().Match(line);
            if (type.Success)
            {
                family = type.Groups[1].Value;
                exposed[family] = new ExposedSeries(type.Groups[2].Value, new Dictionary<string, HashSet<string>>(StringComparer.Ordinal));
                continue;
            }
            if (family is null || line.Length == 0 || line.StartsWith('#')) continue;
            foreach (Match label in LabelPair().Matches(line))
            {
                if (label.Groups[1].Value == "le") continue;
                if (!exposed[family].Labels.TryGetValue(label.Groups[1].Value, out var values))
                    exposed[family].Labels[label.Groups[1].Value] = values = new HashSet<string>(StringComparer.Ordinal);
                values.Add(label.Groups[2].Value);
            }
        }
        return exposed.Where(e => e.Key.StartsWith("relay_", StringComparison.Ordinal) || e.Key.StartsWith("nostr_", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Every_exposed_series_is_documented_with_its_type_and_labels()
    {
        var documented = Documented();
        foreach (var (name, series) in await ExposedAsync())
        {
            Assert.True(documented.TryGetValue(name, out var doc), $"{name} is exposed but not in docs/metrics.md");
            Assert.True(doc.Type == series.Type, $"{name}: documented as {doc.Type}, exposed as {series.Type}");
            Assert.True(series.Labels.Keys.Order().SequenceEqual(doc.Labels.Keys.Order()),
                $"{name}: documented labels [{string.Join(", ", doc.Labels.Keys)}], exposed [{string.Join(", ", series.Labels.Keys)}]");
            foreach (var (label, values) in series.Labels)
            {
                if (doc.Labels[label] is not { } closedSet) continue;
                Assert.True(values.SetEquals(closedSet),
                    $"{name}{{{label}}}: documented [{string.Join(", ", closedSet)}], exposed [{string.Join(", ", values.Order())}]");
            }
        }
    }

    [Fact]
    public async Task Every_documented_series_is_exposed()
    {
        var exposed = await ExposedAsync();
        var missing = Documented().Keys.Where(name => !exposed.ContainsKey(name)).ToArray();
        Assert.Empty(missing);
        Assert.True(Documented().Count >= 30);
    }

    [GeneratedRegex(@"^`(relay|nostr)_[a-z_]+`$")]
    private static partial Regex SeriesCell();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^# TYPE (\S+) (\S+)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LabelPair();
}
