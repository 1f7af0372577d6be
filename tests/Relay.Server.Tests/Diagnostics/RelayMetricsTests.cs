using Relay.Server.Diagnostics;

namespace Relay.Server.Tests.Diagnostics;

public class RelayMetricsTests
{
    private static (MeterHarness Harness, RelayMetrics Metrics) Create(TimeProvider? time = null)
    {
        var harness = new MeterHarness(RelayMetrics.MeterName);
        return (harness, new RelayMetrics(harness.Factory, time));
    }

    private static string[] Samples(MeterHarness h, string family) =>
        h.Lines(family).Where(l => !l.StartsWith('#')).ToArray();

    [Fact]
    public void Connections_gauge_follows_accepts_and_closes_and_counts_compression()
    {
        var (h, m) = Create();
        using var _ = h;
        m.ConnectionAccepted(permessageDeflate: true);
        m.ConnectionAccepted(permessageDeflate: false);
        m.ConnectionAccepted(permessageDeflate: false);
        m.ConnectionClosed(1000, CloseInitiator.Client);
        Assert.Equal(["relay_connections 2"], Samples(h, "relay_connections "));
        Assert.Contains("relay_connections_accepted_total{compression=\"none\"} 2", Samples(h, "relay_connections_accepted"));
        Assert.Contains("relay_connections_accepted_total{compression=\"permessage-deflate\"} 1", Samples(h, "relay_connections_accepted"));
    }

    [Theory]
    [InlineData(1000, CloseInitiator.Client, "1000", "client")]
    [InlineData(1001, CloseInitiator.Relay, "1001", "relay")]
    [InlineData(1006, CloseInitiator.None, "1006", "none")]
    [InlineData(1009, CloseInitiator.Relay, "1009", "relay")]
    [InlineData(1015, CloseInitiator.None, "1015", "none")]
    [InlineData(1004, CloseInitiator.Client, "other", "client")]   // reserved, never valid
    [InlineData(4000, CloseInitiator.Client, "other", "client")]   // application code
    [InlineData(999, CloseInitiator.Client, "other", "client")]
    [InlineData(0, CloseInitiator.None, "other", "none")]
    public void Close_codes_outside_the_registered_set_are_counted_as_other(int code, CloseInitiator initiator, string label, string who)
    {
        var (h, m) = Create();
        using var _ = h;
        m.ConnectionClosed(code, initiator);
        Assert.Equal([$"relay_ws_close_total{{code=\"{label}\",initiator=\"{who}\"}} 1"], Samples(h, "relay_ws_close"));
    }

    [Theory]
    [InlineData(400, "400")]
    [InlineData(426, "426")]
    [InlineData(431, "431")]
    [InlineData(503, "503")]
    [InlineData(599, "599")]
    [InlineData(200, "other")]
    [InlineData(101, "other")]
    [InlineData(600, "other")]
    [InlineData(-1, "other")]
    public void Handshake_failures_keep_error_statuses_and_fold_the_rest(int status, string label)
    {
        var (h, m) = Create();
        using var _ = h;
        m.HandshakeFailed(status);
        Assert.Equal([$"relay_ws_handshake_failures_total{{status=\"{label}\"}} 1"], Samples(h, "relay_ws_handshake_failures"));
    }

    [Fact]
    public void Rejected_event_counts_in_the_result_split_and_in_the_reason_split()
    {
        var (h, m) = Create();
        using var _ = h;
        m.EventRejected(KindClass.Addressable, EventRejectReason.AuthRequired);
        m.EventDuplicate(KindClass.Addressable);
        m.EventAccepted(KindClass.Addressable);
        var events = Samples(h, "nostr_events_total");
        Assert.Contains("nostr_events_total{kind_class=\"addressable\",result=\"rejected\"} 1", events);
        Assert.Contains("nostr_events_total{kind_class=\"addressable\",result=\"duplicate\"} 1", events);
        Assert.Contains("nostr_events_total{kind_class=\"addressable\",result=\"accepted\"} 1", events);
        Assert.Contains("nostr_events_rejected_total{kind_class=\"addressable\",reason=\"auth-required\"} 1", Samples(h, "nostr_events_rejected"));
    }

    [Fact]
    public void Closed_label_sets_start_at_zero_so_the_first_increment_is_visible_to_rate()
    {
        var (h, m) = Create();
        using var _ = h;
        GC.KeepAlive(m);
        var text = h.Text();
        Assert.Contains("nostr_client_messages_total{verb=\"REQ\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("nostr_relay_messages_total{verb=\"EOSE\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("nostr_events_total{kind_class=\"ephemeral\",result=\"accepted\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("nostr_events_rejected_total{kind_class=\"regular\",reason=\"error\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("relay_connections_refused_total{reason=\"per_ip_rate\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("relay_rate_limited_total{limit=\"reqs\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("relay_slow_consumer_closes_total 0", text, StringComparison.Ordinal);
        Assert.Contains("nostr_subscriptions 0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kind_class=\"unknown\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_label_value_comes_from_the_documented_closed_sets()
    {
        var (h, m) = Create();
        using var _ = h;
        foreach (var verb in Enum.GetValues<ClientVerb>()) m.ClientMessage(verb);
        foreach (var verb in Enum.GetValues<RelayVerb>()) m.RelayMessages(verb);
        foreach (var kind in Enum.GetValues<KindClass>())
        {
            m.EventAccepted(kind);
            foreach (var reason in Enum.GetValues<EventRejectReason>()) m.EventRejected(kind, reason);
        }
        foreach (var reason in Enum.GetValues<ConnectionRefusal>()) m.ConnectionRefused(reason);
        foreach (var limit in Enum.GetValues<RateLimit>()) m.RateLimited(limit);
        var text = h.Text();
        string[] expected =
        [
            "verb=\"EVENT\"", "verb=\"REQ\"", "verb=\"CLOSE\"", "verb=\"AUTH\"", "verb=\"COUNT\"", "verb=\"unknown\"", "verb=\"invalid\"",
            "verb=\"OK\"", "verb=\"EOSE\"", "verb=\"CLOSED\"", "verb=\"NOTICE\"",
            "kind_class=\"regular\"", "kind_class=\"replaceable\"", "kind_class=\"ephemeral\"", "kind_class=\"addressable\"", "kind_class=\"unknown\"",
            "reason=\"invalid\"", "reason=\"pow\"", "reason=\"blocked\"", "reason=\"rate-limited\"", "reason=\"restricted\"",
            "reason=\"auth-required\"", "reason=\"mute\"", "reason=\"error\"",
            "reason=\"max_connections\"", "reason=\"per_ip_limit\"", "reason=\"per_ip_rate\"", "reason=\"shutting_down\"",
            "limit=\"messages\"", "limit=\"events\"", "limit=\"reqs\"",
        ];
        foreach (var label in expected) Assert.Contains(label, text, StringComparison.Ordinal);
        Assert.Equal(7 + 7, Samples(h, "nostr_client_messages").Length + Samples(h, "nostr_relay_messages").Length);
        Assert.Equal(5 * 8, Samples(h, "nostr_events_rejected").Length);
    }

    [Fact]
    public void Latencies_land_in_their_second_buckets()
    {
        var (h, m) = Create();
        using var _ = h;
        m.RecordReqTimeToEose(TimeSpan.FromMilliseconds(3));
        m.RecordEventTimeToOk(KindClass.Regular, TimeSpan.FromMilliseconds(20));
        m.RecordWriterBatch(100, TimeSpan.FromMicroseconds(300));
        m.RecordQuery(12_345, TimeSpan.FromMilliseconds(2));
        var eose = Samples(h, "nostr_req_time_to_eose_seconds");
        Assert.Contains("nostr_req_time_to_eose_seconds_bucket{le=\"0.0025\"} 0", eose);
        Assert.Contains("nostr_req_time_to_eose_seconds_bucket{le=\"0.005\"} 1", eose);
        Assert.Contains("nostr_req_time_to_eose_seconds_sum 0.003", eose);
        Assert.Contains("nostr_event_time_to_ok_seconds_bucket{kind_class=\"regular\",le=\"0.025\"} 1", Samples(h, "nostr_event_time_to_ok"));
        Assert.Contains("relay_writer_batch_size_bucket{le=\"64\"} 0", Samples(h, "relay_writer_batch_size"));
        Assert.Contains("relay_writer_batch_size_bucket{le=\"128\"} 1", Samples(h, "relay_writer_batch_size"));
        Assert.Contains("relay_writer_commit_duration_seconds_bucket{le=\"0.0005\"} 1", Samples(h, "relay_writer_commit_duration"));
        Assert.Contains("relay_query_rows_scanned_bucket{le=\"100000\"} 1", Samples(h, "relay_query_rows_scanned"));
        Assert.Contains("relay_query_rows_scanned_sum 12345", Samples(h, "relay_query_rows_scanned"));
    }

    [Fact]
    public void Subscriptions_gauge_follows_opens_and_closes()
    {
        var (h, m) = Create();
        using var _ = h;
        for (var i = 0; i < 5; i++) m.SubscriptionOpened();
        m.SubscriptionClosed();
        m.SubscriptionsClosed(3);
        Assert.Equal(["nostr_subscriptions 1"], Samples(h, "nostr_subscriptions"));
    }

    [Fact]
    public void Database_size_is_read_from_the_storage_callback_at_scrape_time()
    {
        var (h, m) = Create();
        using var _ = h;
        Assert.Empty(Samples(h, "relay_database_size"));
        long? size = null;
        m.SetDatabaseSizeSource(() => size);
        Assert.Empty(Samples(h, "relay_database_size"));
        size = 4096;
        Assert.Equal(["relay_database_size_bytes 4096"], Samples(h, "relay_database_size"));
        size = 8192;
        Assert.Equal(["relay_database_size_bytes 8192"], Samples(h, "relay_database_size"));
    }

    [Fact]
    public void Data_volume_gauges_describe_the_file_system_of_the_data_directory()
    {
        var (h, m) = Create();
        using var _ = h;
        var directory = Directory.CreateTempSubdirectory("relay-volume-");
        try
        {
            m.SetDataDirectory(directory.FullName);
            var available = long.Parse(Samples(h, "relay_data_volume_available_bytes").Single().Split(' ')[1]);
            var size = long.Parse(Samples(h, "relay_data_volume_size_bytes").Single().Split(' ')[1]);
            Assert.InRange(available, 1, size);
        }
        finally
        {
            directory.Delete();
        }
    }

    [Fact]
    public void Build_info_and_start_time_describe_the_process()
    {
        var start = new DateTimeOffset(2026, 11, 21, 12, 0, 0, 500, TimeSpan.Zero);
        var (h, m) = Create(new FixedTimeProvider(start));
        using var _ = h;
        GC.KeepAlive(m);
        // Go's %g, as client_golang prints process_start_time_seconds.
        Assert.Equal(["relay_start_time_seconds 1.7952624005e+09"], Samples(h, "relay_start_time"));
        var info = Samples(h, "relay_build_info").Single();
        Assert.Matches("^relay_build_info\\{runtime=\"\\.NET 10[^\"]*\",version=\"[^\"]+\"\\} 1$", info);
    }

    [Theory]
    [InlineData(0, KindClass.Replaceable)]
    [InlineData(1, KindClass.Regular)]
    [InlineData(2, KindClass.Regular)]
    [InlineData(3, KindClass.Replaceable)]
    [InlineData(4, KindClass.Regular)]
    [InlineData(44, KindClass.Regular)]
    [InlineData(45, KindClass.Regular)]
    [InlineData(999, KindClass.Regular)]
    [InlineData(1000, KindClass.Regular)]
    [InlineData(9999, KindClass.Regular)]
    [InlineData(10000, KindClass.Replaceable)]
    [InlineData(10002, KindClass.Replaceable)]
    [InlineData(19999, KindClass.Replaceable)]
    [InlineData(20000, KindClass.Ephemeral)]
    [InlineData(29999, KindClass.Ephemeral)]
    [InlineData(30000, KindClass.Addressable)]
    [InlineData(30023, KindClass.Addressable)]
    [InlineData(39999, KindClass.Addressable)]
    [InlineData(40000, KindClass.Regular)]
    [InlineData(65535, KindClass.Regular)]
    [InlineData(65536, KindClass.Unknown)]
    [InlineData(-1, KindClass.Unknown)]
    public void ClassifyKind_follows_the_NIP01_ranges(long kind, KindClass expected) =>
        Assert.Equal(expected, RelayMetrics.ClassifyKind(kind));

    [Theory]
    [InlineData("EVENT", ClientVerb.Event)]
    [InlineData("REQ", ClientVerb.Req)]
    [InlineData("CLOSE", ClientVerb.Close)]
    [InlineData("AUTH", ClientVerb.Auth)]
    [InlineData("COUNT", ClientVerb.Count)]
    [InlineData("event", ClientVerb.Unknown)]
    [InlineData("NEG-OPEN", ClientVerb.Unknown)]
    [InlineData("", ClientVerb.Unknown)]
    public void ClassifyClientVerb_knows_the_NIP_verbs_and_nothing_else(string verb, ClientVerb expected) =>
        Assert.Equal(expected, RelayMetrics.ClassifyClientVerb(System.Text.Encoding.UTF8.GetBytes(verb)));

    [Theory]
    [InlineData("blocked: you are banned", true, EventRejectReason.Blocked)]
    [InlineData("rate-limited: slow down", true, EventRejectReason.RateLimited)]
    [InlineData("auth-required: we only accept events from registered users", true, EventRejectReason.AuthRequired)]
    [InlineData("invalid: bad signature", true, EventRejectReason.Invalid)]
    [InlineData("pow: difficulty 25>=24", true, EventRejectReason.Pow)]
    [InlineData("restricted: not allowed", true, EventRejectReason.Restricted)]
    [InlineData("mute: no one was listening", true, EventRejectReason.Mute)]
    [InlineData("error: could not connect to the database", true, EventRejectReason.Error)]
    [InlineData("duplicate: already have this event", false, default(EventRejectReason))]
    [InlineData("Blocked: wrong case", false, default(EventRejectReason))]
    [InlineData("no prefix here", false, default(EventRejectReason))]
    [InlineData("", false, default(EventRejectReason))]
    public void TryParseRejectReason_reads_the_machine_readable_prefix(string message, bool parsed, EventRejectReason expected)
    {
        Assert.Equal(parsed, RelayMetrics.TryParseRejectReason(message, out var reason));
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void Catalogue_records_nothing_when_no_collector_listens()
    {
        using var meters = new MeterHarness("Unrelated");
        var metrics = new RelayMetrics(meters.Factory);
        metrics.EventAccepted(KindClass.Regular);
        Assert.DoesNotContain("nostr_", meters.Text(), StringComparison.Ordinal);
        Assert.Equal(RelayMetrics.MeterName, metrics.Meter.Name);
    }
}
