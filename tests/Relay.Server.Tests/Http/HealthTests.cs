using System.Net;
using System.Net.WebSockets;
using Relay.Server.Http;

namespace Relay.Server.Tests.Http;

/// <summary><c>/healthz</c> and <c>/readyz</c> through the relay's life, over real HTTP on 127.0.0.1.</summary>
public class HealthTests
{
    [Fact]
    public async Task Healthz_answers_200_ok_whether_or_not_the_relay_is_ready()
    {
        await using var host = await HttpHost.StartAsync();
        using var client = HttpHost.Client();
        using var starting = await client.GetAsync(new Uri(host.Address, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, starting.StatusCode);
        Assert.Equal("ok\n", await starting.Content.ReadAsStringAsync());
        Assert.Equal("text/plain; charset=utf-8", starting.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-store", starting.Headers.CacheControl!.ToString());

        host.Readiness.BeginShutdown();
        using var draining = await client.GetAsync(new Uri(host.Address, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, draining.StatusCode);
    }

    [Fact]
    public async Task Readyz_follows_the_readiness_the_core_sets()
    {
        await using var host = await HttpHost.StartAsync();
        using var client = HttpHost.Client();
        var readyz = new Uri(host.Address, "/readyz");

        using (var starting = await client.GetAsync(readyz))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
            Assert.Equal("not ready: starting\n", await starting.Content.ReadAsStringAsync());
        }

        host.Readiness.MarkReady();
        using (var ready = await client.GetAsync(readyz))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("ready\n", await ready.Content.ReadAsStringAsync());
        }

        host.Readiness.MarkNotReady("storage: disk I/O error");
        using (var failed = await client.GetAsync(readyz))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            Assert.Equal("not ready: storage: disk I/O error\n", await failed.Content.ReadAsStringAsync());
        }

        host.Readiness.MarkReady();
        host.Readiness.BeginShutdown();
        host.Readiness.MarkReady(); // too late: shutdown is final
        using var draining = await client.GetAsync(readyz);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, draining.StatusCode);
        Assert.Equal("not ready: shutting down\n", await draining.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Probes_refuse_other_methods_with_405()
    {
        await using var host = await HttpHost.StartAsync();
        using var client = HttpHost.Client();
        using var response = await client.PostAsync(new Uri(host.Address, "/readyz"), new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Stopping_the_host_marks_the_relay_as_shutting_down()
    {
        var host = await HttpHost.StartAsync();
        var readiness = host.Readiness;
        readiness.MarkReady();
        await host.StopAsync();
        Assert.Equal(ReadinessState.ShuttingDown, readiness.State);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Upgrades_are_refused_with_503_once_shutdown_has_begun()
    {
        await using var host = await HttpHost.StartAsync();
        host.Readiness.MarkReady();
        host.Readiness.BeginShutdown();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(host.WebSocketAddress, CancellationToken.None));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, socket.HttpStatusCode);
        Assert.Contains("relay_connections_refused_total{reason=\"shutting_down\"} 1",
            host.Metrics.Scrape(Relay.Server.Diagnostics.ExpositionFormat.PrometheusText), StringComparison.Ordinal);
    }
}
