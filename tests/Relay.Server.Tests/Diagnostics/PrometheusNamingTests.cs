using Relay.Server.Diagnostics.Internal;

namespace Relay.Server.Tests.Diagnostics;

public class PrometheusNamingTests
{
    [Theory]
    [InlineData("kestrel.active_connections", "kestrel_active_connections")]
    [InlineData("http.server.request.duration", "http_server_request_duration")]
    [InlineData("relay_connections", "relay_connections")]
    [InlineData("my-metric/with spaces", "my_metric_with_spaces")]
    [InlineData("9lives", "_9lives")]
    [InlineData("ns:metric", "ns:metric")]
    [InlineData("naïve", "na_ve")]
    public void SanitizeMetricName_replaces_characters_outside_the_metric_name_alphabet(string input, string expected) =>
        Assert.Equal(expected, PrometheusNaming.SanitizeMetricName(input));

    [Theory]
    [InlineData("http.response.status_code", "http_response_status_code")]
    [InlineData("ns:label", "ns_label")]
    [InlineData("__name", "_name")]
    [InlineData("___x", "_x")]
    [InlineData("1st", "_1st")]
    public void SanitizeLabelName_forbids_colons_and_the_reserved_double_underscore(string input, string expected) =>
        Assert.Equal(expected, PrometheusNaming.SanitizeLabelName(input));

    [Theory]
    [InlineData("s", "seconds", 1.0)]
    [InlineData("ms", "seconds", 0.001)]
    [InlineData("By", "bytes", 1.0)]
    [InlineData("{connection}", "", 1.0)]
    [InlineData("{event}", "", 1.0)]
    [InlineData("1", "", 1.0)]
    [InlineData(null, "", 1.0)]
    [InlineData("By/s", "bytes_per_second", 1.0)]
    [InlineData("m", "m", 1.0)]
    public void MapUnit_turns_UCUM_into_a_Prometheus_suffix_and_scale(string? ucum, string unit, double scale)
    {
        var (mappedUnit, mappedScale) = PrometheusNaming.MapUnit(ucum);
        Assert.Equal(unit, mappedUnit);
        Assert.Equal(scale, mappedScale);
    }

    [Theory]
    [InlineData("relay_ws_received", "bytes", true, "relay_ws_received_bytes")]
    [InlineData("nostr_req_time_to_eose", "seconds", false, "nostr_req_time_to_eose_seconds")]
    [InlineData("already_seconds", "seconds", false, "already_seconds")]
    [InlineData("requests_total", "", true, "requests")]
    [InlineData("gauge_total", "", false, "gauge_total")]
    [InlineData("dotnet.gc.pause.time", "seconds", true, "dotnet_gc_pause_time_seconds")]
    public void FamilyName_appends_the_unit_once_and_leaves_total_to_the_sample(string name, string unit, bool counter, string expected) =>
        Assert.Equal(expected, PrometheusNaming.FamilyName(name, unit, counter));
}
