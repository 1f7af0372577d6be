using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Relay.Server.Diagnostics;
using Relay.Server.Diagnostics.Internal;

namespace Relay.Server.Tests.Diagnostics;

/// <summary>The <c>/metrics</c> endpoint over real HTTP on 127.0.0.1.</summary>
public class MetricsEndpointTests
{
    private static HttpClient Client() => new(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = DecompressionMethods.None })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task Get_answers_the_text_format_by_default()
    {
        await using var app = await CatalogueApp.StartAsync();
        app.Metrics.ConnectionAccepted(permessageDeflate: false);
        using var client = Client();
        using var response = await client.GetAsync(app.MetricsUri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Contains("\nrelay_connections 1\n", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_gc_heap_total_allocated_bytes_total counter", body, StringComparison.Ordinal);
        Assert.DoesNotContain("# EOF", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_answers_OpenMetrics_when_accepted_as_Prometheus_asks()
    {
        await using var app = await CatalogueApp.StartAsync();
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, app.MetricsUri);
        request.Headers.TryAddWithoutValidation("Accept",
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        using var response = await client.SendAsync(request);
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("# EOF\n", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE relay_ws_received_bytes counter\n# UNIT relay_ws_received_bytes bytes\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_compresses_with_gzip_when_the_client_accepts_it()
    {
        await using var app = await CatalogueApp.StartAsync();
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, app.MetricsUri);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await client.SendAsync(request);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var body = await reader.ReadToEndAsync();
        Assert.Contains("# TYPE relay_connections gauge", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_answers_headers_without_a_body()
    {
        await using var app = await CatalogueApp.StartAsync();
        using var client = Client();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, app.MetricsUri));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Post_is_not_allowed()
    {
        await using var app = await CatalogueApp.StartAsync();
        using var client = Client();
        using var response = await client.PostAsync(app.MetricsUri, new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Concurrent_scrapes_each_get_a_complete_exposition()
    {
        await using var app = await CatalogueApp.StartAsync();
        app.RecordEverything();
        using var client = Client();
        var bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetStringAsync(app.MetricsUri)));
        foreach (var body in bodies)
        {
            Assert.Contains("relay_mailbox_depth{actor=\"EventWriterActor\"} 9", body, StringComparison.Ordinal);
            Assert.Contains("nostr_events_total{kind_class=\"regular\",result=\"accepted\"} 3", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dedicated_server_serves_the_same_collector_on_its_own_port_and_nothing_else()
    {
        await using var app = await CatalogueApp.StartAsync();
        app.Metrics.EventAccepted(KindClass.Replaceable);
        await using var server = await MetricsServer.StartAsync(app.Collector, new IPEndPoint(IPAddress.Loopback, 0));
        Assert.NotEqual(0, server.EndPoint.Port);
        Assert.NotEqual(app.BaseAddress.Port, server.EndPoint.Port);
        using var client = Client();
        var body = await client.GetStringAsync($"http://127.0.0.1:{server.EndPoint.Port}/metrics");
        Assert.Contains("nostr_events_total{kind_class=\"replaceable\",result=\"accepted\"} 1", body, StringComparison.Ordinal);
        using var other = await client.GetAsync($"http://127.0.0.1:{server.EndPoint.Port}/healthz");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Metrics_listener_registered_on_the_host_runs_with_it()
    {
        await using var app = await CatalogueApp.StartAsync(builder =>
            builder.Services.AddRelayMetricsListener(new IPEndPoint(IPAddress.Loopback, 0), "/internal/metrics"));
        var listener = app.Services.GetRequiredService<MetricsListenerService>();
        Assert.NotNull(listener.EndPoint);
        app.Metrics.PingTimedOut();
        using var client = Client();
        var body = await client.GetStringAsync($"http://127.0.0.1:{listener.EndPoint!.Port}/internal/metrics");
        Assert.Contains("relay_ping_timeouts_total 1", body, StringComparison.Ordinal);
    }
}
