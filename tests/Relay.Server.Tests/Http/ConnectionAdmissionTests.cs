using System.Net;
using System.Net.WebSockets;
using Relay.Server.Diagnostics;
using Relay.Server.Http;

namespace Relay.Server.Tests.Http;

/// <summary>Connection caps before the upgrade: real WebSocket clients against Kestrel, and the gate on its own.</summary>
public class ConnectionAdmissionTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static async Task<ClientWebSocket> ConnectAsync(HttpHost host)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(Deadline);
        await socket.ConnectAsync(host.WebSocketAddress, timeout.Token);
        return socket;
    }

    private static async Task<ClientWebSocket> RefusedAsync(HttpHost host)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(Deadline);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(host.WebSocketAddress, timeout.Token));
        return socket;
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    private static ConnectionAdmission Gate(ConnectionLimitsOptions options, RelayReadiness? readiness = null) =>
        new(options, readiness ?? new RelayReadiness(), new ClientAddressResolver(new TrustedProxyOptions()));

    [Fact]
    public async Task Over_the_per_ip_cap_the_upgrade_is_refused_with_429_and_Retry_After()
    {
        await using var host = await HttpHost.StartAsync(new Dictionary<string, string?>
        {
            ["Limits:Connections:MaxConnectionsPerIp"] = "2",
            ["Limits:Connections:RetryAfterSeconds"] = "7",
        });
        using var first = await ConnectAsync(host);
        using var second = await ConnectAsync(host);
        using var third = await RefusedAsync(host);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.HttpStatusCode);
        Assert.Equal(["7"], third.HttpResponseHeaders!["Retry-After"]);
        Assert.Equal(2, host.Admission.OpenConnections);
        Assert.Equal(2, host.Admission.OpenConnectionsFrom(IPAddress.Loopback));
        var metrics = host.Metrics.Scrape(ExpositionFormat.PrometheusText);
        Assert.Contains("relay_connections_refused_total{reason=\"per_ip_limit\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("relay_connections_refused_total{reason=\"max_connections\"} 0", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_the_global_cap_the_upgrade_is_refused_with_503()
    {
        await using var host = await HttpHost.StartAsync(new Dictionary<string, string?>
        {
            ["Limits:Connections:MaxConnections"] = "1",
        });
        using var first = await ConnectAsync(host);
        using var second = await RefusedAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.HttpStatusCode);
        Assert.Equal(["10"], second.HttpResponseHeaders!["Retry-After"]);
        Assert.Equal(1, host.Admission.OpenConnections);
        Assert.Contains("relay_connections_refused_total{reason=\"max_connections\"} 1",
            host.Metrics.Scrape(ExpositionFormat.PrometheusText), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_connection_releases_its_lease_and_lets_the_next_one_in()
    {
        await using var host = await HttpHost.StartAsync(new Dictionary<string, string?>
        {
            ["Limits:Connections:MaxConnectionsPerIp"] = "1",
        });
        var first = await ConnectAsync(host);
        using (var refused = await RefusedAsync(host))
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.HttpStatusCode);

        await CloseAsync(first);
        first.Dispose();
        var released = await host.Released.Reader.ReadAsync().AsTask().WaitAsync(Deadline);
        Assert.Equal(IPAddress.Loopback, released);
        Assert.Equal(0, host.Admission.OpenConnections);
        Assert.Equal(0, host.Admission.OpenAddresses);

        using var next = await ConnectAsync(host);
        Assert.Equal(WebSocketState.Open, next.State);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, next.HttpStatusCode);
    }

    [Fact]
    public void Disposing_a_lease_twice_releases_it_once()
    {
        var gate = Gate(new ConnectionLimitsOptions { MaxConnectionsPerIp = 2 });
        var client = IPAddress.Parse("203.0.113.9");
        Assert.True(gate.TryAdmit(client, out var first, out _));
        Assert.True(gate.TryAdmit(client, out var second, out _));
        first.Dispose();
        first.Dispose();
        Assert.True(first.IsReleased);
        Assert.Equal(1, gate.OpenConnections);
        Assert.Equal(1, gate.OpenConnectionsFrom(client));
        second.Dispose();
        Assert.Equal(0, gate.OpenConnectionsFrom(client));
        Assert.Equal(0, gate.OpenAddresses);
    }

    [Fact]
    public void Ipv6_clients_are_counted_per_64_prefix_and_mapped_ipv4_as_ipv4()
    {
        var gate = Gate(new ConnectionLimitsOptions { MaxConnectionsPerIp = 1 });
        Assert.True(gate.TryAdmit(IPAddress.Parse("2001:db8:1:2::1"), out var lease, out _));
        Assert.False(gate.TryAdmit(IPAddress.Parse("2001:db8:1:2:ffff::9"), out _, out var refusal));
        Assert.Equal(ConnectionRefusal.PerIpLimit, refusal);
        Assert.True(gate.TryAdmit(IPAddress.Parse("2001:db8:1:3::1"), out var other, out _));

        Assert.True(gate.TryAdmit(IPAddress.Parse("198.51.100.4"), out var v4, out _));
        Assert.False(gate.TryAdmit(IPAddress.Parse("::ffff:198.51.100.4"), out _, out refusal));
        Assert.Equal(ConnectionRefusal.PerIpLimit, refusal);
        Assert.Equal(IPAddress.Parse("198.51.100.4"), v4.ClientAddress);
        lease.Dispose();
        other.Dispose();
        v4.Dispose();
        Assert.Equal(0, gate.OpenAddresses);
    }

    [Fact]
    public void Refusals_map_to_one_status_each()
    {
        Assert.Equal(429, ConnectionAdmission.StatusFor(ConnectionRefusal.PerIpLimit));
        Assert.Equal(429, ConnectionAdmission.StatusFor(ConnectionRefusal.PerIpRate));
        Assert.Equal(503, ConnectionAdmission.StatusFor(ConnectionRefusal.MaxConnections));
        Assert.Equal(503, ConnectionAdmission.StatusFor(ConnectionRefusal.ShuttingDown));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConnectionAdmission.StatusFor((ConnectionRefusal)99));
    }

    [Fact]
    public async Task Concurrent_admissions_and_releases_never_exceed_the_caps_and_leave_nothing_behind()
    {
        const int PerIp = 3;
        const int Global = 10;
        var gate = Gate(new ConnectionLimitsOptions { MaxConnectionsPerIp = PerIp, MaxConnections = Global });
        var addresses = Enumerable.Range(1, 6).Select(i => IPAddress.Parse($"192.0.2.{i}")).ToArray();
        var maxSeen = 0;
        var maxPerIpSeen = 0;

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 20_000; i++)
            {
                var address = addresses[random.Next(addresses.Length)];
                if (!gate.TryAdmit(address, out var lease, out _))
                    continue;
                InterlockedMax(ref maxSeen, gate.OpenConnections);
                InterlockedMax(ref maxPerIpSeen, gate.OpenConnectionsFrom(address));
                lease.Dispose();
            }
        })).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.InRange(maxSeen, 1, Global);
        Assert.InRange(maxPerIpSeen, 1, PerIp);
        Assert.Equal(0, gate.OpenConnections);
        Assert.Equal(0, gate.OpenAddresses);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }
}
