using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Server.Tests.EndToEnd.Support;
using Relay.WebSockets;

namespace Relay.Server.Tests.EndToEnd;

/// <summary>Liveness, rate limits and the outbound bound, observed from a real client.</summary>
public class SupervisorTests
{
    [Fact]
    public async Task A_client_that_ignores_pings_is_closed_with_1001()
    {
        await using var relay = await TestRelay.StartAsync(o =>
        {
            o.Connection.PingInterval = TimeSpan.FromMilliseconds(200);
            o.Connection.PongTimeout = TimeSpan.FromMilliseconds(300);
        });

        // npm ws with autoPong off: a peer that reads everything but never answers a ping.
        Assert.Equal("1001 ping timeout: no pong received", await NodePeer.RunAsync(relay.Url, "ignore-pings"));
        Assert.Equal(1, await relay.MetricAsync("relay_ping_timeouts_total"));
    }

    [Fact]
    public async Task A_client_that_answers_pings_is_pinged_every_interval_and_stays_open()
    {
        await using var relay = await TestRelay.StartAsync(o =>
        {
            o.Connection.PingInterval = TimeSpan.FromMilliseconds(100);
            o.Connection.PongTimeout = TimeSpan.FromMilliseconds(150);
        });

        // npm ws answers every ping itself; five of them span several pong deadlines.
        Assert.Equal("5 pings, then [\"EOSE\",\"alive\"]", await NodePeer.RunAsync(relay.Url, "answer-pings"));
        Assert.Equal(0, await relay.MetricAsync("relay_ping_timeouts_total"));
    }

    [Fact]
    public async Task Events_over_the_rate_are_refused_rate_limited_and_a_client_that_keeps_pushing_is_closed_with_4001()
    {
        await using var relay = await TestRelay.StartAsync(o =>
        {
            o.RateLimits.EventBurst = 2;
            o.RateLimits.EventsPerSecond = 0.01;
            o.RateLimits.MaxRefusalsInARow = 5;
        });
        await using var client = await relay.ConnectAsync();
        var key = SecretKey.Generate();

        Assert.Equal((true, ""), await client.PublishAsync(Events.Sign(key, content: "1")));
        Assert.Equal((true, ""), await client.PublishAsync(Events.Sign(key, content: "2")));
        var limited = await client.PublishAsync(Events.Sign(key, content: "3"));
        Assert.Equal((false, "rate-limited: slow down, you are publishing too fast"), limited);

        for (var i = 0; i < 10; i++)
            await client.Connection.SendAsync(System.Text.Encoding.UTF8.GetBytes($"[\"EVENT\",{Events.Sign(key, content: $"more {i}")}]"), WebSocketMessageType.Text);
        var closed = await client.WaitClosedAsync();
        Assert.Equal(4001, closed.Code);
        Assert.True(await relay.MetricAsync("relay_rate_limited_total{limit=\"events\"}") >= 5);
    }

    [Fact]
    public async Task Reqs_over_the_rate_are_CLOSED_rate_limited()
    {
        await using var relay = await TestRelay.StartAsync(o =>
        {
            o.RateLimits.ReqBurst = 1;
            o.RateLimits.ReqsPerSecond = 0.01;
        });
        await using var client = await relay.ConnectAsync();

        Assert.Empty(await client.QueryAsync("first", "{\"kinds\":[1],\"limit\":0}"));
        await client.SendAsync("[\"REQ\",\"second\",{\"kinds\":[1]}]");
        var closed = (await client.ReceiveAsync())!.Value;
        Assert.Equal("CLOSED", NostrClient.Verb(closed));
        Assert.Equal("second", closed[1].GetString());
        Assert.StartsWith("rate-limited:", closed[2].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_consumer_that_never_reads_is_closed_with_1008_and_others_are_unaffected()
    {
        await using var relay = await TestRelay.StartAsync(o => o.Connection.MaxPendingOutboundBytes = 256 * 1024);
        await using var publisher = await relay.ConnectAsync();
        var key = SecretKey.Generate();
        var content = new string('x', 60_000);
        const int count = 200;   // ~12 MB stored: far beyond the bound plus the loopback socket buffers
        for (var i = 0; i < count; i++)
            await publisher.SendEventAsync(Events.Sign(key, content: content + i));
        for (var i = 0; i < count; i++)
            Assert.True((await publisher.ReceiveUntilAsync(m => NostrClient.Verb(m) == "OK"))[2].GetBoolean());

        await using var slow = await relay.ConnectAsync();
        await slow.SendAsync($"[\"REQ\",\"all\",{{\"authors\":[\"{key.PublicKeyHex()}\"],\"limit\":{count}}}]");
        // Bounded wait until the relay dropped it (the publisher is still connected).
        for (var i = 0; i < 400 && relay.Host.Runtime.Connections.Count > 1; i++)
            await Task.Delay(25);
        Assert.Equal(1, relay.Host.Runtime.Connections.Count);

        var closed = await slow.WaitClosedAsync();
        Assert.Equal(WebSocketCloseCode.PolicyViolation, closed.Code);
        Assert.Equal(1, await relay.MetricAsync("relay_slow_consumer_closes_total"));
        // The publisher's connection is untouched.
        Assert.Single(await publisher.QueryAsync("one", $"{{\"authors\":[\"{key.PublicKeyHex()}\"],\"limit\":1}}"));
    }

    [Fact]
    public async Task Connections_from_one_address_share_its_event_bucket()
    {
        await using var relay = await TestRelay.StartAsync(o =>
        {
            o.RateLimits.IpEventBurst = 2;
            o.RateLimits.IpEventsPerSecond = 0.01;
        });
        await using var first = await relay.ConnectAsync();
        await using var second = await relay.ConnectAsync();
        var key = SecretKey.Generate();

        Assert.Equal((true, ""), await first.PublishAsync(Events.Sign(key, content: "a")));
        Assert.Equal((true, ""), await second.PublishAsync(Events.Sign(key, content: "b")));
        var limited = await first.PublishAsync(Events.Sign(key, content: "c"));
        Assert.False(limited.Accepted);
        Assert.StartsWith("rate-limited:", limited.Message, StringComparison.Ordinal);
    }
}
