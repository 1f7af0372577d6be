namespace Relay.Server.Tests.Ops;

public class PromQlTests
{
    [Theory]
    [InlineData("sum by (verb) (rate(nostr_client_messages_total{instance=~\"$instance\"}[$__rate_interval]))", "nostr_client_messages_total")]
    [InlineData("histogram_quantile(0.99, sum by (instance, le) (rate(x_bucket{kind_class!=\"ephemeral\"}[5m]))) > 0.5", "x_bucket")]
    [InlineData("a / on(instance) group_left(version) b and c > bool 1e3", "a b c")]
    [InlineData("predict_linear(avail[6h], 24 * 3600) < 0 and avail / size < 0.25", "avail size")]
    [InlineData("time() - max(relay_start_time_seconds)", "relay_start_time_seconds")]
    [InlineData("absent(up{job=\"relay\"})", "up")]
    [InlineData("rate(foo{path=\"/a{b}\"}[1m] offset 5m)", "foo")]
    public void MetricNames_lists_selected_metrics_only(string query, string expected) =>
        Assert.Equal(expected.Split(' '), PromQl.MetricNames(query));
}
