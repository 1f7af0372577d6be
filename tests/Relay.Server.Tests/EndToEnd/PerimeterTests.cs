using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Relay.Nostr;
using Relay.Server.Configuration;
using Relay.Server.Http;
using Relay.Server.Tests.EndToEnd.Support;
using Relay.WebSockets.Client;

namespace Relay.Server.Tests.EndToEnd;

/// <summary>
/// The HTTP perimeter as <c>relay serve</c> wires it: NIP-11 and the HTML page at the relay URL, the probes, 404
/// elsewhere, and admission before the upgrade. The pieces have their own tests under Http/; these check the wiring.
/// </summary>
public class PerimeterTests
{
    [Fact]
    public async Task Nip11_document_advertises_the_limits_the_relay_enforces()
    {
        await using var relay = await TestRelay.StartAsync(o => o.Limits = new NostrLimits { MaxSubscriptionsPerConnection = 7 });
        using var http = new HttpClient { Timeout = NostrClient.Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, HttpUrl(relay, "/"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/nostr+json"));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/nostr+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var limitation = document.RootElement.GetProperty("limitation");
        Assert.Equal(7, limitation.GetProperty("max_subscriptions").GetInt32());
        Assert.Equal(relay.Host.Runtime.Options.Limits.MaxMessageLength, limitation.GetProperty("max_message_length").GetInt32());
        var nips = document.RootElement.GetProperty("supported_nips").EnumerateArray().Select(n => n.GetInt32()).ToArray();
        Assert.Equal(RelayCapabilities.SupportedNips, nips);
    }

    [Fact]
    public async Task A_browser_gets_html_the_probes_answer_and_other_paths_are_404()
    {
        await using var relay = await TestRelay.StartAsync();
        using var http = new HttpClient { Timeout = NostrClient.Timeout };

        using var page = await http.GetAsync(HttpUrl(relay, "/"));
        using var healthz = await http.GetAsync(HttpUrl(relay, "/healthz"));
        using var readyz = await http.GetAsync(HttpUrl(relay, "/readyz"));
        using var other = await http.GetAsync(HttpUrl(relay, "/nope"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task An_upgrade_on_another_path_is_404()
    {
        await using var relay = await TestRelay.StartAsync();

        var result = await WebSocketClient.ConnectAsync(new UriBuilder(relay.Url) { Path = "/other" }.Uri);

        Assert.Null(result.Connection);
        Assert.Equal(404, result.StatusCode);
    }

    [Fact]
    public async Task Over_the_per_ip_cap_the_upgrade_is_refused_with_429_and_a_closed_connection_frees_its_place()
    {
        await using var relay = await TestRelay.StartAsync(o => o.ConnectionLimits = new ConnectionLimitsOptions { MaxConnectionsPerIp = 2 });
        var first = await NostrClient.ConnectAsync(relay.Url);
        await using var second = await NostrClient.ConnectAsync(relay.Url);

        var refused = await WebSocketClient.ConnectAsync(relay.Url);
        Assert.Null(refused.Connection);
        Assert.Equal(429, refused.StatusCode);
        Assert.Equal(1, await relay.MetricAsync("relay_connections_refused_total{reason=\"per_ip_limit\"}"));

        await first.Connection.CloseAsync(reason: "bye");
        await first.DisposeAsync();
        Assert.True(await PlaceFreedAsync(relay.Url), "the per-IP place was never released");
    }

    [Fact]
    public async Task With_metrics_listen_metrics_move_to_their_own_port()
    {
        var port = FreePort();
        await using var relay = await TestRelay.StartAsync(o => o.MetricsListen = $"127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = NostrClient.Timeout };

        using var onRelayPort = await http.GetAsync(HttpUrl(relay, "/metrics"));
        var onMetricsPort = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));

        Assert.Equal(HttpStatusCode.NotFound, onRelayPort.StatusCode);
        Assert.Contains("relay_build_info", onMetricsPort, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The lease is released when the connection's actors stop, a moment after the close: retry, bounded.</summary>
    private static async Task<bool> PlaceFreedAsync(Uri url)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var result = await WebSocketClient.ConnectAsync(url);
            if (result.Connection is not null)
            {
                await result.Connection.DisposeAsync();
                return true;
            }

            Assert.Equal(429, result.StatusCode);
            await Task.Delay(50);
        }

        return false;
    }

    private static Uri HttpUrl(TestRelay relay, string path) => new UriBuilder(relay.Url) { Scheme = "http", Path = path }.Uri;
}
