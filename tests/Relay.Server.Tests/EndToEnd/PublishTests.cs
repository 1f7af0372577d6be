using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Server.Tests.EndToEnd.Support;

namespace Relay.Server.Tests.EndToEnd;

/// <summary>EVENT over a real socket to an in-process relay: OK after commit, duplicates, NIP-01/09/40/70 refusals.</summary>
public class PublishTests
{
    [Fact]
    public async Task Publish_is_answered_OK_true_and_a_second_copy_duplicate()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var e = Events.Sign(SecretKey.Generate());

        Assert.Equal((true, ""), await client.PublishAsync(e));
        var again = await client.PublishAsync(e);
        Assert.True(again.Accepted);
        Assert.StartsWith("duplicate:", again.Message, StringComparison.Ordinal);

        // The accepted event is stored: a REQ by id returns it, byte for byte.
        var stored = await client.QueryAsync("q", $"{{\"ids\":[\"{e.Id}\"]}}");
        Assert.Equal(e.ToString(), Assert.Single(stored).GetRawText());
    }

    [Fact]
    public async Task Publish_with_a_signature_of_another_event_is_refused_invalid()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var key = SecretKey.Generate();
        var e = Events.Sign(key, content: "one");
        var other = Events.Sign(key, content: "two");
        var forged = e.ToString().Replace(e.Sig.ToString(), other.Sig.ToString(), StringComparison.Ordinal);

        await client.SendAsync($"[\"EVENT\",{forged}]");
        var ok = await client.ReceiveUntilAsync(m => NostrClient.Verb(m) == "OK");
        Assert.Equal(e.Id.ToString(), ok[1].GetString());
        Assert.False(ok[2].GetBoolean());
        Assert.Equal("invalid: signature does not verify", ok[3].GetString());
    }

    [Fact]
    public async Task Publish_with_a_wrong_id_is_refused_invalid()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var e = Events.Sign(SecretKey.Generate(), content: "original");
        var tampered = e.ToString().Replace("\"original\"", "\"tampered\"", StringComparison.Ordinal);

        await client.SendAsync($"[\"EVENT\",{tampered}]");
        var ok = await client.ReceiveUntilAsync(m => NostrClient.Verb(m) == "OK");
        Assert.False(ok[2].GetBoolean());
        Assert.StartsWith("invalid:", ok[3].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_from_the_future_and_already_expired_are_refused()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var key = SecretKey.Generate();

        var future = await client.PublishAsync(Events.Sign(key, createdAt: Events.Now + 3600));
        Assert.Equal((false, "invalid: created_at is more than 900 seconds in the future"), future);

        var expired = await client.PublishAsync(Events.Sign(key, tags: new NostrTag("expiration", (Events.Now - 10).ToString())));
        Assert.Equal((false, "invalid: event has expired"), expired);
    }

    [Fact]
    public async Task Replaceable_keeps_the_newest_and_refuses_an_older_version()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var key = SecretKey.Generate();
        var now = Events.Now;
        var newer = Events.Sign(key, kind: 0, content: "{\"name\":\"new\"}", createdAt: now);
        var older = Events.Sign(key, kind: 0, content: "{\"name\":\"old\"}", createdAt: now - 10);
        var oldest = Events.Sign(key, kind: 0, content: "{\"name\":\"oldest\"}", createdAt: now - 20);

        Assert.Equal((true, ""), await client.PublishAsync(oldest));
        Assert.Equal((true, ""), await client.PublishAsync(newer));
        var refused = await client.PublishAsync(older);
        Assert.False(refused.Accepted);
        Assert.Equal("duplicate: a newer version of this replaceable event is stored", refused.Message);

        var stored = await client.QueryAsync("p", $"{{\"kinds\":[0],\"authors\":[\"{newer.PubKey}\"]}}");
        Assert.Equal(newer.Id.ToString(), Assert.Single(stored).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Addressable_keeps_one_version_per_d_tag()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var key = SecretKey.Generate();
        var now = Events.Now;
        var a1 = Events.Sign(key, kind: 30023, content: "a v1", createdAt: now - 5, tags: new NostrTag("d", "a"));
        var a2 = Events.Sign(key, kind: 30023, content: "a v2", createdAt: now, tags: new NostrTag("d", "a"));
        var b1 = Events.Sign(key, kind: 30023, content: "b v1", createdAt: now - 5, tags: new NostrTag("d", "b"));

        foreach (var e in new[] { a1, a2, b1 })
            Assert.True((await client.PublishAsync(e)).Accepted);

        var ids = (await client.QueryAsync("a", $"{{\"kinds\":[30023],\"authors\":[\"{key.PublicKeyHex()}\"]}}"))
            .Select(x => x.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { a2.Id.ToString(), b1.Id.ToString() }, ids);
    }

    [Fact]
    public async Task Ephemeral_event_is_delivered_live_and_never_stored()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var subscriber = await relay.ConnectAsync();
        await using var publisher = await relay.ConnectAsync();
        var e = Events.Sign(SecretKey.Generate(), kind: 20001, content: "typing");

        Assert.Empty(await subscriber.QueryAsync("live", "{\"kinds\":[20001]}"));
        Assert.Equal((true, ""), await publisher.PublishAsync(e));
        var live = await subscriber.ReceiveUntilAsync(m => NostrClient.Verb(m) == "EVENT");
        Assert.Equal("live", live[1].GetString());
        Assert.Equal(e.Id.ToString(), live[2].GetProperty("id").GetString());

        Assert.Empty(await publisher.QueryAsync("later", "{\"kinds\":[20001]}"));
    }

    [Fact]
    public async Task Deletion_hides_the_target_refuses_its_republication_and_is_itself_served()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var key = SecretKey.Generate();
        var target = Events.Sign(key, content: "regret");
        var deletion = Events.Sign(key, kind: 5, content: "", tags: new NostrTag("e", target.Id.ToString()));

        Assert.Equal((true, ""), await client.PublishAsync(target));
        Assert.Equal((true, ""), await client.PublishAsync(deletion));

        Assert.Empty(await client.QueryAsync("t", $"{{\"ids\":[\"{target.Id}\"]}}"));
        Assert.Equal((false, "blocked: this event was deleted by its author"), await client.PublishAsync(target));
        var served = await client.QueryAsync("d", $"{{\"kinds\":[5],\"authors\":[\"{key.PublicKeyHex()}\"]}}");
        Assert.Equal(deletion.Id.ToString(), Assert.Single(served).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Deletion_by_another_author_has_no_effect()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var target = Events.Sign(SecretKey.Generate(), content: "mine");
        var foreign = Events.Sign(SecretKey.Generate(), kind: 5, content: "", tags: new NostrTag("e", target.Id.ToString()));

        Assert.Equal((true, ""), await client.PublishAsync(target));
        var refused = await client.PublishAsync(foreign);
        Assert.False(refused.Accepted);
        Assert.StartsWith("blocked:", refused.Message, StringComparison.Ordinal);
        Assert.Single(await client.QueryAsync("t", $"{{\"ids\":[\"{target.Id}\"]}}"));
    }

    [Fact]
    public async Task Expiring_event_stops_being_served_at_its_expiration()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var expiration = Events.Now + 2;
        var e = Events.Sign(SecretKey.Generate(), tags: new NostrTag("expiration", expiration.ToString()));

        Assert.Equal((true, ""), await client.PublishAsync(e));
        var filter = $"{{\"ids\":[\"{e.Id}\"]}}";
        Assert.Single(await client.QueryAsync("before", filter));

        // Bounded wait until the relay's clock passes the expiration.
        for (var i = 0; i < 100 && Events.Now <= expiration; i++)
            await Task.Delay(100);
        Assert.Empty(await client.QueryAsync("after", filter));
    }

    [Fact]
    public async Task Protected_event_is_refused_auth_required_and_auth_event_via_EVENT_is_refused()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var key = SecretKey.Generate();

        var protectedEvent = await client.PublishAsync(Events.Sign(key, tags: new NostrTag("-")));
        Assert.False(protectedEvent.Accepted);
        Assert.StartsWith("auth-required:", protectedEvent.Message, StringComparison.Ordinal);

        var auth = await client.PublishAsync(Events.Sign(key, kind: 22242, content: ""));
        Assert.False(auth.Accepted);
        Assert.StartsWith("invalid:", auth.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_events_are_purged_in_the_background()
    {
        await using var relay = await TestRelay.StartAsync(o => o.Ingest.PurgeInterval = TimeSpan.FromMilliseconds(100));
        await using var client = await relay.ConnectAsync();
        var expiration = Events.Now + 1;
        var key = SecretKey.Generate();
        Assert.Equal((true, ""), await client.PublishAsync(Events.Sign(key, tags: new NostrTag("expiration", expiration.ToString()))));
        Assert.Equal((true, ""), await client.PublishAsync(Events.Sign(key, content: "stays")));
        Assert.Equal(2, relay.Host.Runtime.Store.GetStats().EventCount);

        for (var i = 0; i < 200 && relay.Host.Runtime.Store.GetStats().EventCount > 1; i++)
            await Task.Delay(50);
        Assert.Equal(1, relay.Host.Runtime.Store.GetStats().EventCount);
    }

    [Fact]
    public async Task Auth_is_refused_with_OK_false_until_NIP_42_is_supported()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();
        var auth = Events.Sign(SecretKey.Generate(), kind: 22242, content: "", tags: new NostrTag("challenge", "x"));

        await client.SendAsync($"[\"AUTH\",{auth}]");
        var ok = (await client.ReceiveAsync())!.Value;
        Assert.Equal("OK", NostrClient.Verb(ok));
        Assert.Equal(auth.Id.ToString(), ok[1].GetString());
        Assert.False(ok[2].GetBoolean());
        Assert.StartsWith("restricted:", ok[3].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_message_gets_NOTICE_and_the_connection_stays_open()
    {
        await using var relay = await TestRelay.StartAsync();
        await using var client = await relay.ConnectAsync();

        Assert.True(await client.Connection.SendAsync("[\"REQ\",\"x\",{}]"u8.ToArray(), Relay.WebSockets.WebSocketMessageType.Binary));
        var notice = (await client.ReceiveAsync())!.Value;
        Assert.Equal("NOTICE", NostrClient.Verb(notice));
        Assert.Equal("invalid: binary messages are not supported; send JSON text", notice[1].GetString());
        Assert.Equal((true, ""), await client.PublishAsync(Events.Sign(SecretKey.Generate())));
    }
}
