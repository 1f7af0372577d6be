using Microsoft.Extensions.Primitives;
using Relay.Server.Diagnostics;
using Relay.Server.Diagnostics.Internal;

namespace Relay.Server.Tests.Diagnostics;

public class ContentNegotiationTests
{
    [Theory]
    // What Prometheus 2.x sends.
    [InlineData("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text; version=\"1.0.0\"", ExpositionFormat.OpenMetrics)]
    [InlineData("text/plain;version=0.0.4;q=0.9, application/openmetrics-text;q=0.9", ExpositionFormat.OpenMetrics)]
    [InlineData("text/plain;version=0.0.4", ExpositionFormat.PrometheusText)]
    [InlineData("*/*", ExpositionFormat.PrometheusText)]
    [InlineData("text/html,application/xhtml+xml,*/*;q=0.8", ExpositionFormat.PrometheusText)]
    [InlineData("application/openmetrics-text;version=0.0.1", ExpositionFormat.PrometheusText)]
    [InlineData("application/openmetrics-text;q=0", ExpositionFormat.PrometheusText)]
    [InlineData("text/plain, application/openmetrics-text;q=0.5", ExpositionFormat.PrometheusText)]
    [InlineData("", ExpositionFormat.PrometheusText)]
    [InlineData("not a media type at all ;;; ==", ExpositionFormat.PrometheusText)]
    public void Select_prefers_OpenMetrics_only_when_the_client_asks_for_it(string accept, ExpositionFormat expected) =>
        Assert.Equal(expected, ContentNegotiation.Select(new StringValues(accept)));

    [Fact]
    public void ContentType_names_the_exact_media_types_of_both_formats()
    {
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", ContentNegotiation.ContentType(ExpositionFormat.PrometheusText));
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", ContentNegotiation.ContentType(ExpositionFormat.OpenMetrics));
    }
}
