using System.Text.RegularExpressions;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Server.Tests.Diagnostics;
using Relay.Server.Tests.EndToEnd.Support;
using Relay.WebSockets.Client;

namespace Relay.Server.Tests.Ops;

/// <summary>
/// A real <c>relay serve</c> process that has served real Nostr traffic, scraped every second by a real Prometheus
/// that also evaluates ops/prometheus/alerts.yml. The traffic: events accepted, a duplicate, an event with a bad
/// signature, a stored query with its EOSE, a live delivery, a CLOSE, and a connection refused by the per-IP cap.
/// </summary>
public sealed partial class LiveRelayFixture : IAsyncLifetime
{
    [GeneratedRegex("\"content\":\"[^\"]*\"")]
    private static partial Regex ContentField();

    /// <summary>Low enough that the fixture can provoke a per-IP refusal with a handful of connections.</summary>
    public const int MaxConnectionsPerIp = 4;

    private readonly string _dataDirectory = TestRelay.NewDirectory();
    private readonly List<NostrClient> _clients = [];
    private RelayProcess? _relay;
    private PrometheusServer? _prometheus;

    internal RelayProcess Relay => _relay ?? throw new InvalidOperationException("fixture not started");

    internal PrometheusServer Prometheus => _prometheus ?? throw new InvalidOperationException("fixture not started");

    internal Uri MetricsUri => new UriBuilder(Relay.Url) { Scheme = "http", Path = "/metrics" }.Uri;

    /// <summary>Events the relay answered <c>OK true</c> (not counting the duplicate).</summary>
    internal int Accepted { get; private set; }

    /// <summary>Events delivered to subscriptions, stored and live.</summary>
    internal int Delivered { get; private set; }

    public async Task InitializeAsync()
    {
        _relay = await RelayProcess.StartAsync(_dataDirectory, $"--Limits:Connections:MaxConnectionsPerIp={MaxConnectionsPerIp}");
        await DriveTrafficAsync();
        _prometheus = await PrometheusServer.StartAsync(MetricsUri, RepositoryRoot.File("ops", "prometheus", "alerts.yml"));
        await _prometheus.WaitForScrapesAsync(3, TimeSpan.FromSeconds(45));
        // More traffic between scrapes, so rate() has an increase to work with.
        await PublishAsync(_clients[0], 2);
        await _prometheus.WaitForScrapesAsync(6, TimeSpan.FromSeconds(45));
    }

    private async Task DriveTrafficAsync()
    {
        var publisher = await ConnectAsync();
        var subscriber = await ConnectAsync();

        await subscriber.SendAsync("""["REQ","live",{"kinds":[1],"limit":0}]""");
        await subscriber.ReceiveUntilAsync(m => NostrClient.Verb(m) == "EOSE");

        var first = await PublishAsync(publisher, 3);
        var (duplicateAccepted, duplicateMessage) = await publisher.PublishAsync(first);
        Assert.True(duplicateAccepted && duplicateMessage.StartsWith("duplicate:", StringComparison.Ordinal), duplicateMessage);

        // Signed content changed after signing: the id no longer matches, an "invalid:" refusal.
        var forged = ContentField().Replace(first.ToString(), "\"content\":\"forged\"", 1);
        await publisher.SendAsync($"[\"EVENT\",{forged}]");
        var refusal = await publisher.ReceiveUntilAsync(m => NostrClient.Verb(m) == "OK");
        Assert.False(refusal[2].GetBoolean());

        for (var live = 0; live < 3; live++)
            await subscriber.ReceiveUntilAsync(m => NostrClient.Verb(m) == "EVENT");
        Delivered += 3;
        var stored = await subscriber.QueryAsync("stored", """{"kinds":[1],"limit":10}""");
        Delivered += stored.Count;
        await subscriber.SendAsync("""["CLOSE","live"]""");

        // Fill the per-IP cap, then one more: refused with 429 before the upgrade.
        while (_clients.Count < MaxConnectionsPerIp)
            await ConnectAsync();
        var refused = await WebSocketClient.ConnectAsync(Relay.Url);
        Assert.Equal(429, refused.StatusCode);
    }

    private async Task<NostrEvent> PublishAsync(NostrClient client, int count)
    {
        var key = SecretKey.Generate();
        NostrEvent? first = null;
        for (var i = 0; i < count; i++)
        {
            var e = Events.Sign(key, content: $"scraped {Accepted}");
            var (accepted, message) = await client.PublishAsync(e);
            Assert.True(accepted, message);
            Accepted++;
            first ??= e;
        }

        return first!;
    }

    private async Task<NostrClient> ConnectAsync()
    {
        var client = await NostrClient.ConnectAsync(Relay.Url);
        _clients.Add(client);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        if (_prometheus is not null) await _prometheus.DisposeAsync();
        _relay?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
