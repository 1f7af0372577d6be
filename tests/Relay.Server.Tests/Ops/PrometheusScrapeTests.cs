namespace Relay.Server.Tests.Ops;

/// <summary>A real Prometheus scrapes the relay's <c>/metrics</c> (in OpenMetrics, which it asks for first).</summary>
[Collection(ScrapedRelayCollection.Name)]
public class PrometheusScrapeTests(ScrapedRelayFixture fixture)
{
    [Fact]
    public async Task Target_is_up_and_scraped_without_errors()
    {
        var targets = await fixture.Prometheus.GetDataAsync("/api/v1/targets");
        var target = Assert.Single(targets.GetProperty("activeTargets").EnumerateArray());
        Assert.Equal("up", target.GetProperty("health").GetString());
        Assert.Equal("", target.GetProperty("lastError").GetString());
        Assert.Equal(fixture.App.MetricsUri.ToString(), target.GetProperty("scrapeUrl").GetString());
    }

    [Theory]
    // RecordEverything ran twice before the fixture was ready: every value is twice its single-run value.
    [InlineData("nostr_events_total{kind_class=\"regular\",result=\"accepted\"}", 6)]
    [InlineData("nostr_events_rejected_total{kind_class=\"unknown\",reason=\"invalid\"}", 2)]
    [InlineData("nostr_deliveries_total{source=\"live\"}", 14)]
    [InlineData("relay_connections", 2)]
    [InlineData("relay_ws_close_total{code=\"1008\",initiator=\"relay\"}", 2)]
    [InlineData("relay_ws_received_bytes_total", 3000)]
    [InlineData("nostr_req_time_to_eose_seconds_count", 4)]
    [InlineData("nostr_req_time_to_eose_seconds_bucket{le=\"0.005\"}", 2)]
    [InlineData("relay_writer_batch_size_sum", 24)]
    [InlineData("relay_database_size_bytes", 1048576)]
    [InlineData("relay_mailbox_depth{actor=\"EventWriterActor\"}", 9)]
    [InlineData("relay_mailbox_dropped_total{actor=\"ConnectionActor\"}", 4)]
    [InlineData("relay_dead_letters_total", 10)]
    [InlineData("relay_build_info", 1)]
    public async Task Recorded_series_has_the_recorded_value_in_Prometheus(string series, double expected)
    {
        var result = await fixture.Prometheus.QueryAsync(series);
        var sample = Assert.Single(result.EnumerateArray());
        Assert.Equal(expected, PrometheusServer.ScalarValue(sample));
    }

    [Fact]
    public async Task Runtime_and_Kestrel_meters_arrive_with_the_relays()
    {
        foreach (var series in new[] { "dotnet_process_cpu_time_seconds_total", "dotnet_gc_heap_total_allocated_bytes_total",
                     "kestrel_active_connections", "http_server_request_duration_seconds_count" })
        {
            var result = await fixture.Prometheus.QueryAsync(series);
            Assert.True(result.GetArrayLength() > 0, $"{series} is missing from Prometheus");
        }
    }

    [Fact]
    public async Task Prometheus_keeps_the_metadata_we_expose()
    {
        var metadata = await fixture.Prometheus.GetDataAsync("/api/v1/targets/metadata?metric=nostr_req_time_to_eose_seconds");
        var entry = Assert.Single(metadata.EnumerateArray());
        Assert.Equal("histogram", entry.GetProperty("type").GetString());
        Assert.Equal("seconds", entry.GetProperty("unit").GetString());
        Assert.Equal("Time from receiving a REQ to sending its EOSE.", entry.GetProperty("help").GetString());
    }
}
