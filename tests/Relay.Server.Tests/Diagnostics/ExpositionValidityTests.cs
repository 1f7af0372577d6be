using Relay.Server.Diagnostics;

namespace Relay.Server.Tests.Diagnostics;

/// <summary>
/// The full exposition (relay, actor kernel, runtime and Kestrel meters, every relay instrument recorded) read
/// by independent parsers: promtool (Prometheus' own text parser and linter) and the OpenMetrics parser of the
/// Python client library, which checks the OpenMetrics grammar and the histogram, counter and UNIT rules strictly.
/// </summary>
public class ExpositionValidityTests
{
    private const string Promtool = "/usr/bin/promtool";
    private const string Python = "/usr/bin/python3";

    private static async Task<string> FullExpositionAsync(ExpositionFormat format)
    {
        await using var app = await CatalogueApp.StartAsync();
        app.RecordEverything();
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        await client.GetStringAsync(app.MetricsUri);   // so Kestrel's and the HTTP server's meters have samples too
        return app.Collector.Scrape(format);
    }

    [Fact]
    public async Task Promtool_check_metrics_parses_the_full_text_exposition_and_finds_no_lint_in_our_families()
    {
        ExternalTool.Require(Promtool, "prometheus");
        var exposition = await FullExpositionAsync(ExpositionFormat.PrometheusText);
        var result = await ExternalTool.RunAsync(Promtool, ["check", "metrics"], exposition);
        // promtool exits 1 on a parse error and 3 when it only has lint remarks; the runtime meter's names
        // (dotnet_assembly_count...) draw remarks we do not control, ours must draw none.
        Assert.True(result.ExitCode is 0 or 3, $"promtool check metrics failed ({result.ExitCode}):\n{result.Both}");
        var ours = result.Both.Split('\n').Where(l => l.StartsWith("nostr_", StringComparison.Ordinal) || l.StartsWith("relay_", StringComparison.Ordinal));
        Assert.Empty(ours);
    }

    [Fact]
    public async Task Promtool_rejects_a_broken_exposition_so_the_check_above_can_fail()
    {
        ExternalTool.Require(Promtool, "prometheus");
        var result = await ExternalTool.RunAsync(Promtool, ["check", "metrics"], "# TYPE broken counter\nbroken{le=\"1\" 1\n");
        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData(ExpositionFormat.OpenMetrics, "prometheus_client.openmetrics.parser")]
    [InlineData(ExpositionFormat.PrometheusText, "prometheus_client.parser")]
    public async Task Python_client_parser_reads_every_family(ExpositionFormat format, string parser)
    {
        ExternalTool.Require(Python, "python3");
        Assert.True(Directory.Exists("/usr/lib/python3/dist-packages/prometheus_client"),
            "prometheus_client is missing: install the Debian package 'python3-prometheus-client'.");
        var exposition = await FullExpositionAsync(format);
        var script = $"import sys\nfrom {parser} import text_string_to_metric_families as parse\n"
            + "families = list(parse(sys.stdin.read()))\nprint(len(families))\n"
            + "print('\\n'.join(sorted(f.name + ' ' + f.type for f in families)))\n";
        var result = await ExternalTool.RunAsync(Python, ["-c", script], exposition);
        Assert.True(result.ExitCode == 0, $"{parser} rejected the exposition:\n{result.Error}");
        var families = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
        var expectedCount = exposition.Split('\n').Count(l => l.StartsWith("# TYPE ", StringComparison.Ordinal));
        Assert.Equal(expectedCount, families.Length);
        Assert.Contains("nostr_events counter", families);
        Assert.Contains("nostr_req_time_to_eose_seconds histogram", families);
        Assert.Contains("relay_connections gauge", families);
        Assert.Contains("relay_mailbox_dropped counter", families);
    }
}
