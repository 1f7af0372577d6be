using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Relay.Server.Diagnostics;

namespace Relay.Server.Tests.Diagnostics;

/// <summary>The exposition rules, one per test, observed through a real collector listening to a real meter.</summary>
public class ExpositionTests
{
    [Fact]
    public void Counter_is_named_with_total_in_the_text_format_and_declared_on_its_samples()
    {
        using var h = new MeterHarness();
        h.Meter.CreateCounter<long>("test_requests", "{request}", "Requests handled.").Add(3);
        Assert.Equal(
            ["# HELP test_requests_total Requests handled.", "# TYPE test_requests_total counter", "test_requests_total 3"],
            h.Lines("test_requests"));
    }

    [Fact]
    public void Counter_family_drops_total_in_OpenMetrics_and_its_sample_keeps_it()
    {
        using var h = new MeterHarness();
        h.Meter.CreateCounter<long>("test_requests", "{request}", "Requests handled.").Add(3);
        Assert.Equal(
            ["# TYPE test_requests counter", "# HELP test_requests Requests handled.", "test_requests_total 3"],
            h.Lines("test_requests", ExpositionFormat.OpenMetrics));
    }

    [Fact]
    public void Byte_counter_gets_the_bytes_suffix_before_total_and_an_OpenMetrics_UNIT_line()
    {
        using var h = new MeterHarness();
        h.Meter.CreateCounter<long>("test_sent", "By", "Bytes sent.").Add(1024);
        Assert.Equal(
            ["# HELP test_sent_bytes_total Bytes sent.", "# TYPE test_sent_bytes_total counter", "test_sent_bytes_total 1024"],
            h.Lines("test_sent"));
        Assert.Equal(
            ["# TYPE test_sent_bytes counter", "# UNIT test_sent_bytes bytes", "# HELP test_sent_bytes Bytes sent.", "test_sent_bytes_total 1024"],
            h.Lines("test_sent", ExpositionFormat.OpenMetrics));
    }

    [Fact]
    public void UpDownCounter_is_a_gauge_that_may_go_negative()
    {
        using var h = new MeterHarness();
        var open = h.Meter.CreateUpDownCounter<long>("test_open", "{connection}", "Open.");
        open.Add(2);
        open.Add(-5);
        Assert.Equal(["# HELP test_open Open.", "# TYPE test_open gauge", "test_open -3"], h.Lines("test_open"));
    }

    [Fact]
    public void Double_counter_prints_its_sum_in_shortest_form()
    {
        using var h = new MeterHarness();
        var cpu = h.Meter.CreateCounter<double>("test_cpu", "s", "CPU.");
        cpu.Add(0.1);
        cpu.Add(0.2);
        Assert.Contains("test_cpu_seconds_total 0.30000000000000004", h.Lines("test_cpu"));
    }

    [Fact]
    public void Histogram_writes_cumulative_buckets_ending_with_Inf_then_sum_and_count()
    {
        using var h = new MeterHarness();
        var latency = h.Meter.CreateHistogram("test_latency", "s", "Latency.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.25, 0.5, 1] });
        foreach (var v in new[] { 0.125, 0.25, 0.375, 0.75, 2, 3 }) latency.Record(v);
        Assert.Equal(
        [
            "# HELP test_latency_seconds Latency.",
            "# TYPE test_latency_seconds histogram",
            "test_latency_seconds_bucket{le=\"0.25\"} 2",      // le is inclusive: 0.25 lands in 0.25
            "test_latency_seconds_bucket{le=\"0.5\"} 3",
            "test_latency_seconds_bucket{le=\"1\"} 4",
            "test_latency_seconds_bucket{le=\"+Inf\"} 6",
            "test_latency_seconds_sum 6.5",
            "test_latency_seconds_count 6",
        ], h.Lines("test_latency"));
    }

    [Fact]
    public void Histogram_bounds_are_canonical_floats_in_OpenMetrics()
    {
        using var h = new MeterHarness();
        var size = h.Meter.CreateHistogram("test_batch", "{event}", "Batch.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 10] });
        size.Record(4, new KeyValuePair<string, object?>("writer", "main"));
        Assert.Equal(
        [
            "# TYPE test_batch histogram",
            "# HELP test_batch Batch.",
            "test_batch_bucket{writer=\"main\",le=\"1.0\"} 0",
            "test_batch_bucket{writer=\"main\",le=\"10.0\"} 1",
            "test_batch_bucket{writer=\"main\",le=\"+Inf\"} 1",
            "test_batch_sum{writer=\"main\"} 4",
            "test_batch_count{writer=\"main\"} 1",
        ], h.Lines("test_batch", ExpositionFormat.OpenMetrics));
    }

    [Fact]
    public void Histogram_in_milliseconds_is_exported_in_seconds_with_scaled_bounds()
    {
        using var h = new MeterHarness();
        var duration = h.Meter.CreateHistogram("test_duration", "ms", "Duration.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 50] });
        duration.Record(20);
        var lines = h.Lines("test_duration");
        Assert.Contains("test_duration_seconds_bucket{le=\"0.005\"} 0", lines);
        Assert.Contains("test_duration_seconds_bucket{le=\"0.05\"} 1", lines);
        Assert.Contains("test_duration_seconds_sum 0.02", lines);
    }

    [Fact]
    public void Histogram_without_advice_in_seconds_uses_the_Prometheus_default_buckets()
    {
        using var h = new MeterHarness();
        h.Meter.CreateHistogram<double>("test_plain", "s").Record(0.3);
        var bounds = h.Lines("test_plain").Where(l => l.Contains("_bucket", StringComparison.Ordinal))
            .Select(l => l.Split('"')[1]).ToArray();
        Assert.Equal(["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"], bounds);
    }

    [Fact]
    public void Histogram_ignores_NaN_observations_so_its_sum_stays_a_number()
    {
        using var h = new MeterHarness();
        var latency = h.Meter.CreateHistogram<double>("test_nan", "s");
        latency.Record(double.NaN);
        latency.Record(1);
        Assert.Contains("test_nan_seconds_sum 1", h.Lines("test_nan"));
        Assert.Contains("test_nan_seconds_count 1", h.Lines("test_nan"));
    }

    [Fact]
    public void Histogram_tag_named_le_is_renamed_so_the_bucket_label_stays_unique()
    {
        using var h = new MeterHarness();
        h.Meter.CreateHistogram<double>("test_le", "s").Record(1, new KeyValuePair<string, object?>("le", "x"));
        Assert.Contains("test_le_seconds_bucket{tag_le=\"x\",le=\"+Inf\"} 1", h.Lines("test_le"));
    }

    [Fact]
    public void Label_values_escape_backslash_quote_and_newline()
    {
        using var h = new MeterHarness();
        h.Meter.CreateCounter<long>("test_escape").Add(1, new KeyValuePair<string, object?>("path", "C:\\dir\n\"quoted\""));
        var expected = "test_escape_total{path=\"C:\\\\dir\\n\\\"quoted\\\"\"} 1";
        Assert.Contains(expected, h.Lines("test_escape"));
        Assert.Contains(expected, h.Lines("test_escape", ExpositionFormat.OpenMetrics));
    }

    [Fact]
    public void Help_escapes_backslash_and_newline_and_quotes_only_in_OpenMetrics()
    {
        using var h = new MeterHarness();
        h.Meter.CreateCounter<long>("test_help", null, "A \"quoted\" \\ help\ntext").Add(1);
        Assert.Contains("# HELP test_help_total A \"quoted\" \\\\ help\\ntext", h.Lines("test_help"));
        Assert.Contains("# HELP test_help A \\\"quoted\\\" \\\\ help\\ntext", h.Lines("test_help", ExpositionFormat.OpenMetrics));
    }

    [Fact]
    public void Help_falls_back_to_the_instrument_and_meter_name_when_the_description_is_empty()
    {
        using var h = new MeterHarness();
        h.Meter.CreateCounter<long>("test.undocumented").Add(1);
        Assert.Contains("# HELP test_undocumented_total test.undocumented (Test)", h.Lines("test_undocumented"));
    }

    [Fact]
    public void Tags_in_any_order_are_one_series_with_labels_sorted_and_names_sanitised()
    {
        using var h = new MeterHarness();
        var counter = h.Meter.CreateCounter<long>("test_order");
        counter.Add(1, new("b.second", "2"), new("a.first", "1"));
        counter.Add(1, new("a.first", "1"), new("b.second", "2"));
        Assert.Equal(["test_order_total{a_first=\"1\",b_second=\"2\"} 2"], h.Lines("test_order").Where(l => !l.StartsWith('#')));
    }

    [Fact]
    public void Tags_with_more_than_three_entries_in_any_order_are_one_series()
    {
        using var h = new MeterHarness();
        var counter = h.Meter.CreateCounter<long>("test_many");
        counter.Add(1, new TagList { { "d", 4 }, { "c", 3 }, { "b", 2 }, { "a", 1 }, { "e", true } });
        counter.Add(1, new TagList { { "e", true }, { "a", 1 }, { "b", 2 }, { "c", 3 }, { "d", 4 } });
        Assert.Equal(["test_many_total{a=\"1\",b=\"2\",c=\"3\",d=\"4\",e=\"true\"} 2"], h.Lines("test_many").Where(l => !l.StartsWith('#')));
    }

    [Fact]
    public void Hundreds_of_series_are_each_counted_after_the_lookup_table_grows()
    {
        using var h = new MeterHarness();
        var counter = h.Meter.CreateCounter<long>("test_grow");
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 300; i++)
                counter.Add(1, new("id", i), new("parity", i % 2 == 0 ? "even" : "odd"));
        }
        var samples = h.Lines("test_grow").Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(300, samples.Length);
        Assert.All(samples, sample => Assert.EndsWith(" 3", sample, StringComparison.Ordinal));
        Assert.Contains("test_grow_total{id=\"299\",parity=\"odd\"} 3", samples);
    }

    [Fact]
    public void Repeated_tag_keys_still_find_their_one_series()
    {
        using var h = new MeterHarness();
        var counter = h.Meter.CreateCounter<long>("test_repeat");
        counter.Add(1, new("a", "1"), new("a", "2"));
        counter.Add(1, new("a", "2"), new("a", "1"));
        Assert.Equal(["test_repeat_total{a=\"1;2\"} 2"], h.Lines("test_repeat").Where(l => !l.StartsWith('#')));
    }

    [Fact]
    public void Tags_that_sanitise_to_one_name_are_merged_and_empty_values_left_out()
    {
        using var h = new MeterHarness();
        h.Meter.CreateCounter<long>("test_merge").Add(1, new("a.b", "x"), new("a_b", "y"), new("empty", ""));
        Assert.Contains("test_merge_total{a_b=\"x;y\"} 1", h.Lines("test_merge"));
    }

    [Fact]
    public void Observable_gauge_is_read_at_scrape_time_and_drops_series_its_callback_no_longer_reports()
    {
        using var h = new MeterHarness();
        var depths = new Dictionary<string, int> { ["ConnectionActor"] = 3, ["WriterActor"] = 7 };
        h.Meter.CreateObservableGauge("test_depth",
            () => depths.Select(d => new Measurement<int>(d.Value, new KeyValuePair<string, object?>("actor", d.Key))).ToArray(),
            "{message}", "Depth.");
        Assert.Equal(["test_depth{actor=\"ConnectionActor\"} 3", "test_depth{actor=\"WriterActor\"} 7"],
            h.Lines("test_depth").Where(l => !l.StartsWith('#')));

        depths.Remove("WriterActor");
        depths["ConnectionActor"] = 1;
        Assert.Equal(["test_depth{actor=\"ConnectionActor\"} 1"], h.Lines("test_depth").Where(l => !l.StartsWith('#')));

        depths.Clear();
        Assert.Empty(h.Lines("test_depth"));   // no series, no metadata
    }

    [Fact]
    public void Observable_counter_is_a_counter_holding_the_callbacks_total()
    {
        using var h = new MeterHarness();
        long total = 10;
        h.Meter.CreateObservableCounter("test_observed", () => total, "s", "Observed.");
        Assert.Contains("test_observed_seconds_total 10", h.Lines("test_observed"));
        total = 12;
        Assert.Contains("test_observed_seconds_total 12", h.Lines("test_observed"));
    }

    [Fact]
    public void Synchronous_gauge_keeps_its_last_value()
    {
        using var h = new MeterHarness();
        var gauge = h.Meter.CreateGauge<double>("test_temperature", "Cel");
        gauge.Record(21.5);
        gauge.Record(19.25);
        Assert.Contains("test_temperature_celsius 19.25", h.Lines("test_temperature"));
        Assert.Contains("test_temperature_celsius 19.25", h.Lines("test_temperature"));   // not an observable: kept
    }

    [Fact]
    public void OpenMetrics_ends_with_EOF_and_text_format_does_not()
    {
        using var h = new MeterHarness();
        h.Meter.CreateCounter<long>("test_eof").Add(1);
        Assert.EndsWith("\n# EOF\n", h.OpenMetrics(), StringComparison.Ordinal);
        Assert.DoesNotContain("# EOF", h.Text(), StringComparison.Ordinal);
        Assert.EndsWith("\n", h.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Families_are_sorted_by_name_and_not_interleaved()
    {
        using var h = new MeterHarness();
        h.Meter.CreateCounter<long>("test_zeta").Add(1);
        h.Meter.CreateCounter<long>("test_alpha").Add(1, new KeyValuePair<string, object?>("x", "1"));
        h.Meter.CreateCounter<long>("test_alpha2").Add(1);
        var samples = h.Text().Split('\n').Where(l => l.StartsWith("test_", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["test_alpha_total{x=\"1\"} 1", "test_alpha2_total 1", "test_zeta_total 1"], samples);
    }

    [Fact]
    public void Instrument_whose_name_clashes_with_an_exported_one_is_not_exported()
    {
        using var h = new MeterHarness();
        h.Meter.CreateCounter<long>("test.clash").Add(1);
        h.Meter.CreateCounter<long>("test_clash").Add(5);
        Assert.Contains("test_clash_total 1", h.Lines("test_clash"));
        Assert.DoesNotContain("test_clash_total 5", h.Lines("test_clash"));
    }

    [Fact]
    public void Series_beyond_the_limit_are_folded_into_one_overflow_series()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var options = new MetricsOptions { MaxSeriesPerInstrument = 3 };
        options.Meters.Add("Test");
        using var collector = new MetricsCollector(options, factory);
        var counter = factory.Create("Test").CreateCounter<long>("test_cardinality");
        for (var i = 0; i < 10; i++) counter.Add(1, new KeyValuePair<string, object?>("id", i));
        var samples = collector.Scrape().Split('\n').Where(l => l.StartsWith("test_cardinality", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["test_cardinality_total{id=\"0\"} 1", "test_cardinality_total{id=\"1\"} 1",
            "test_cardinality_total{id=\"2\"} 1", "test_cardinality_total{otel_metric_overflow=\"true\"} 7"], samples);
    }

    [Fact]
    public void Meters_of_another_container_are_not_exported_but_process_wide_meters_are()
    {
        using var h = new MeterHarness();
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        other.GetRequiredService<IMeterFactory>().Create("Test").CreateCounter<long>("test_foreign").Add(1);
        using var global = new Meter("Test");
        global.CreateCounter<long>("test_global").Add(1);
        h.Meter.CreateCounter<long>("test_own").Add(1);
        var text = h.Text();
        Assert.DoesNotContain("test_foreign", text, StringComparison.Ordinal);
        Assert.Contains("test_global_total 1", text, StringComparison.Ordinal);
        Assert.Contains("test_own_total 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Meters_not_configured_are_not_exported()
    {
        using var h = new MeterHarness();
        h.Factory.Create("Elsewhere").CreateCounter<long>("test_elsewhere").Add(1);
        Assert.DoesNotContain("test_elsewhere", h.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Disposed_meter_stops_being_exported()
    {
        using var h = new MeterHarness();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meter = new Meter("Test");
        meter.CreateCounter<long>("test_transient").Add(1);
        Assert.Contains("test_transient_total 1", h.Text(), StringComparison.Ordinal);
        meter.Dispose();
        Assert.DoesNotContain("test_transient", h.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_measurements_from_many_threads_are_all_counted()
    {
        using var h = new MeterHarness();
        var counter = h.Meter.CreateCounter<long>("test_parallel");
        var histogram = h.Meter.CreateHistogram<double>("test_parallel_latency", "s");
        var sum = h.Meter.CreateCounter<double>("test_parallel_sum");
        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            counter.Add(1, new KeyValuePair<string, object?>("shard", i % 4));
            histogram.Record(0.001);
            sum.Add(0.5);
        });
        var text = h.Text();
        for (var shard = 0; shard < 4; shard++)
            Assert.Contains($"test_parallel_total{{shard=\"{shard}\"}} 10000", text, StringComparison.Ordinal);
        Assert.Contains("test_parallel_latency_seconds_count 40000", text, StringComparison.Ordinal);
        Assert.Contains("test_parallel_sum_total 20000", text, StringComparison.Ordinal);
    }
}
