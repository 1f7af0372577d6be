using System.Text.Json;
using Relay.Nostr.Crypto;
using Relay.Server.Tests.EndToEnd.Support;

namespace Relay.Server.Tests.EndToEnd;

/// <summary>REQ, EOSE, live delivery, CLOSE, CLOSED and NOTICE over a real socket to an in-process relay.</summary>
public class SubscriptionTests
{
    [Fact]
    public async Task Req_returns_stored_events_newest_first_lowest_id_first_on_a_tie_up_to_its_limit()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var key = SecretKey.Generate();
        var now = Events.Now;
        var events = new[]
        {
            Events.Sign(key, content: "a", createdAt: now - 30),
            Events.Sign(key, content: "b", createdAt: now - 10),
            Events.Sign(key, content: "c", createdAt: now - 10),
            Events.Sign(key, content: "d", createdAt: now - 20),
        };
        foreach (var e in events)
            Assert.True((await client.PublishAsync(e)).Accepted);

        var expected = events.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id.ToString(), StringComparer.Ordinal)
            .Take(3).Select(e => e.Id.ToString()).ToList();
        var stored = await client.QueryAsync("s", $"{{\"authors\":[\"{key.PublicKeyHex()}\"],\"limit\":3}}");
        Assert.Equal(expected, stored.Select(e => e.GetProperty("id").GetString()!).ToList());
    }

    [Fact]
    public async Task Req_limit_is_capped_by_max_limit()
    {
        await using var relay = await TestRelay.StartAsync(o => o.Limits = o.Limits with { MaxLimit = 2, DefaultLimit = 2 });
        await using var client = await relay.ConnectAsync();
        var key = SecretKey.Generate();
        for (var i = 0; i < 4; i++)
            Assert.True((await client.PublishAsync(Events.Sign(key, content: $"n{i}"))).Accepted);

        Assert.Equal(2, (await client.QueryAsync("s", $"{{\"authors\":[\"{key.PublicKeyHex()}\"],\"limit\":100}}")).Count);
    }

    [Fact]
    public async Task After_EOSE_new_matching_events_arrive_live_and_others_do_not()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var subscriber = await relay.ConnectAsync();
        await using var publisher = await relay.ConnectAsync();
        var key = SecretKey.Generate();

        Assert.Empty(await subscriber.QueryAsync("live", $"{{\"authors\":[\"{key.PublicKeyHex()}\"],\"kinds\":[1]}}"));
        Assert.True((await publisher.PublishAsync(Events.Sign(key, kind: 7, content: "+"))).Accepted);
        var match = Events.Sign(key, content: "for you");
        Assert.True((await publisher.PublishAsync(match)).Accepted);

        var live = await subscriber.ReceiveAsync();
        Assert.Equal("EVENT", NostrClient.Verb(live!.Value));
        Assert.Equal("live", live.Value[1].GetString());
        Assert.Equal(match.Id.ToString(), live.Value[2].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Close_ends_a_subscription_and_a_req_with_the_same_id_replaces_it()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var subscriber = await relay.ConnectAsync();
        await using var publisher = await relay.ConnectAsync();
        var key = SecretKey.Generate();
        var author = key.PublicKeyHex();

        await subscriber.QueryAsync("closed", $"{{\"authors\":[\"{author}\"]}}");
        await subscriber.SendAsync("[\"CLOSE\",\"closed\"]");
        await subscriber.QueryAsync("replaced", $"{{\"authors\":[\"{author}\"],\"kinds\":[1]}}");
        await subscriber.QueryAsync("replaced", $"{{\"authors\":[\"{author}\"],\"kinds\":[7]}}");
        await subscriber.QueryAsync("witness", $"{{\"authors\":[\"{author}\"]}}");

        var note = Events.Sign(key, kind: 1);
        var reaction = Events.Sign(key, kind: 7, content: "+");
        Assert.True((await publisher.PublishAsync(note)).Accepted);
        Assert.True((await publisher.PublishAsync(reaction)).Accepted);

        // The witness sees both; a probe REQ's EOSE comes after anything else already queued for this connection.
        var received = new List<JsonElement>();
        for (var i = 0; i < 2; i++)
            received.Add(await subscriber.ReceiveUntilAsync(m => NostrClient.Verb(m) == "EVENT" && m[1].GetString() == "witness", received));
        await subscriber.SendAsync("[\"REQ\",\"probe\",{\"limit\":0}]");
        await subscriber.ReceiveUntilAsync(m => NostrClient.Verb(m) == "EOSE" && m[1].GetString() == "probe", received);

        var others = received.Where(m => NostrClient.Verb(m) == "EVENT" && m[1].GetString() != "witness")
            .Select(m => (m[1].GetString(), m[2].GetProperty("id").GetString())).ToList();
        Assert.Equal([("replaced", reaction.Id.ToString())], others);
    }

    [Fact]
    public async Task Req_over_the_subscription_limit_is_CLOSED_restricted()
    {
        await using var relay = await TestRelay.StartAsync(o => o.Limits = o.Limits with { MaxSubscriptionsPerConnection = 2 });
        await using var client = await relay.ConnectAsync();
        await client.QueryAsync("one", "{\"kinds\":[1]}");
        await client.QueryAsync("two", "{\"kinds\":[1]}");
        await client.SendAsync("[\"REQ\",\"three\",{\"kinds\":[1]}]");

        var closed = await client.ReceiveAsync();
        Assert.Equal("CLOSED", NostrClient.Verb(closed!.Value));
        Assert.Equal("three", closed.Value[1].GetString());
        Assert.StartsWith("restricted:", closed.Value[2].GetString(), StringComparison.Ordinal);

        // Replacing an open one is not a new subscription.
        Assert.Empty(await client.QueryAsync("two", "{\"kinds\":[2]}"));
    }

    [Fact]
    public async Task A_subscription_CLOSED_for_overflowing_its_live_buffer_no_longer_counts_toward_the_limit()
    {
        // One subscription per connection, and at most one live event buffered while the stored ones are sent.
        await using var relay = await TestRelay.StartAsync(o =>
        {
            o.Limits = o.Limits with { MaxSubscriptionsPerConnection = 1 };
            o.Queries.MaxBufferedLiveEvents = 1;
        });
        await using var publisher = await relay.ConnectAsync();
        await using var subscriber = await relay.ConnectAsync();
        var keys = Enumerable.Range(0, 4).Select(_ => SecretKey.Generate()).ToArray();
        var stored = keys.SelectMany(key => Enumerable.Range(0, 500).Select(i => Events.Sign(key, content: $"stored {i}"))).ToList();
        foreach (var e in stored)
            await publisher.SendEventAsync(e);
        for (var i = 0; i < stored.Count; i++)
            await publisher.ReceiveUntilAsync(m => NostrClient.Verb(m) == "OK");

        // 2,000 stored events take a while to send; live events published meanwhile overflow the buffer of one. Whether
        // they arrive before EOSE is a race the relay decides, so the REQ is retried (bounded) until one overflows.
        var filters = string.Join(',', keys.Select(key => $"{{\"authors\":[\"{key.PublicKeyHex()}\"],\"limit\":500}}"));
        JsonElement? overflowed = null;
        for (var attempt = 0; attempt < 10 && overflowed is null; attempt++)
        {
            await subscriber.SendAsync($"[\"REQ\",\"big\",{filters}]");
            for (var i = 0; i < 3; i++)
                await publisher.SendEventAsync(Events.Sign(keys[0], content: $"live {attempt} {i}"));
            var end = await subscriber.ReceiveUntilAsync(m => NostrClient.Verb(m) is "EOSE" or "CLOSED" && m[1].GetString() == "big");
            if (NostrClient.Verb(end) == "CLOSED")
                overflowed = end;
            else
                await subscriber.SendAsync("[\"CLOSE\",\"big\"]");
        }

        Assert.True(overflowed is not null, "no live event arrived before EOSE in 10 attempts");
        Assert.StartsWith("error: too many new events", overflowed.Value[2].GetString(), StringComparison.Ordinal);
        // The ended subscription freed its place: a new one is served, not refused with restricted:.
        Assert.Empty(await subscriber.QueryAsync("next", "{\"kinds\":[7],\"limit\":0}"));
    }

    [Fact]
    public async Task Invalid_req_and_a_too_long_subscription_id_are_CLOSED_invalid()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();

        await client.SendAsync("[\"REQ\",\"bad\",{\"ids\":[\"not-hex\"]}]");
        var closed = await client.ReceiveAsync();
        Assert.Equal("CLOSED", NostrClient.Verb(closed!.Value));
        Assert.Equal("bad", closed.Value[1].GetString());
        Assert.StartsWith("invalid:", closed.Value[2].GetString(), StringComparison.Ordinal);

        var longId = new string('x', 65);
        await client.SendAsync($"[\"REQ\",\"{longId}\",{{}}]");
        closed = await client.ReceiveAsync();
        Assert.Equal("CLOSED", NostrClient.Verb(closed!.Value));
        Assert.Equal(longId, closed.Value[1].GetString());
        Assert.Equal("invalid: subscription id is longer than 64 characters", closed.Value[2].GetString());
    }

    [Fact]
    public async Task Non_json_and_unknown_verbs_get_NOTICE_and_the_connection_stays_open()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();

        await client.SendAsync("this is not json");
        var notice = await client.ReceiveAsync();
        Assert.Equal("NOTICE", NostrClient.Verb(notice!.Value));
        Assert.StartsWith("invalid:", notice.Value[1].GetString(), StringComparison.Ordinal);

        await client.SendAsync("[\"HELLO\",1]");
        notice = await client.ReceiveAsync();
        Assert.Equal("NOTICE", NostrClient.Verb(notice!.Value));
        Assert.Equal("unsupported: unknown message type \"HELLO\"", notice.Value[1].GetString());

        Assert.Empty(await client.QueryAsync("still-open", "{\"kinds\":[1],\"limit\":0}"));
    }

    [Fact]
    public async Task Count_answers_the_number_of_matching_stored_events()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var key = SecretKey.Generate();
        for (var i = 0; i < 3; i++)
            Assert.True((await client.PublishAsync(Events.Sign(key, content: $"c{i}"))).Accepted);

        await client.SendAsync($"[\"COUNT\",\"n\",{{\"authors\":[\"{key.PublicKeyHex()}\"]}}]");
        var count = await client.ReceiveAsync();
        Assert.Equal("COUNT", NostrClient.Verb(count!.Value));
        Assert.Equal("n", count.Value[1].GetString());
        Assert.Equal(3, count.Value[2].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Events_published_while_a_req_starts_arrive_exactly_once_either_stored_or_live()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var subscriber = await relay.ConnectAsync();
        await using var publisher = await relay.ConnectAsync();
        var key = SecretKey.Generate();
        const int total = 300;
        var events = Enumerable.Range(0, total).Select(i => Events.Sign(key, content: $"race {i}")).ToArray();

        // Publish without waiting for OKs while the REQ goes out in the middle of the burst.
        var publishing = Task.Run(async () =>
        {
            foreach (var e in events)
                await publisher.SendEventAsync(e);
            for (var i = 0; i < total; i++)
                await publisher.ReceiveUntilAsync(m => NostrClient.Verb(m) == "OK");
        });
        await Task.Delay(20);
        await subscriber.SendAsync($"[\"REQ\",\"race\",{{\"authors\":[\"{key.PublicKeyHex()}\"],\"limit\":{total}}}]");

        var ids = new List<string>();
        var sawEose = false;
        while (ids.Count < total)
        {
            var m = (await subscriber.ReceiveAsync())!.Value;
            if (NostrClient.Verb(m) == "EOSE")
                sawEose = true;
            else
                ids.Add(m[2].GetProperty("id").GetString()!);
        }

        await publishing;
        Assert.Equal(total, ids.Distinct().Count());
        Assert.Equal(events.Select(e => e.Id.ToString()).Order(), ids.Order());
        if (!sawEose)
            Assert.Equal("EOSE", NostrClient.Verb((await subscriber.ReceiveAsync())!.Value));
    }
}
