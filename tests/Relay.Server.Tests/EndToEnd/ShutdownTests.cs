using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Server.Tests.EndToEnd.Support;
using Relay.Storage.Sqlite;
using Relay.WebSockets;

namespace Relay.Server.Tests.EndToEnd;

/// <summary>A real <c>relay serve</c> process: SIGTERM is graceful (1001, nothing lost, exit 0); SIGKILL loses no acknowledged event.</summary>
public class ShutdownTests
{
    [Fact]
    public async Task Sigterm_closes_every_client_with_1001_keeps_every_accepted_event_and_exits_0()
    {
        var directory = TestRelay.NewDirectory();
        var acknowledged = new List<EventId>();
        using (var relay = await RelayProcess.StartAsync(directory))
        {
            using var node = NodePeer.Start(relay.Url, "wait-close");
            using var open = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            Assert.Equal("OPEN", await node.StandardOutput.ReadLineAsync(open.Token));

            await using var client = await NostrClient.ConnectAsync(relay.Url);
            var key = SecretKey.Generate();
            for (var i = 0; i < 50; i++)
            {
                var e = Events.Sign(key, content: $"keep {i}");
                Assert.Equal((true, ""), await client.PublishAsync(e));
                acknowledged.Add(e.Id);
            }

            await relay.TerminateAsync();
            Assert.Equal(WebSocketCloseCode.GoingAway, (await client.WaitClosedAsync()).Code);
            Assert.Equal("OK 1001", (await node.StandardOutput.ReadToEndAsync(open.Token)).Trim());
            Assert.Equal(0, await relay.WaitForExitAsync());
        }

        AssertStored(directory, acknowledged);
    }

    [Fact]
    public async Task Sigterm_with_a_client_that_never_answers_the_close_still_exits_0_after_the_bounded_wait()
    {
        var directory = TestRelay.NewDirectory();
        using (var relay = await RelayProcess.StartAsync(directory, "--Connection:CloseTimeout=00:00:00.500", "--Shutdown:ClientCloseTimeout=00:00:01"))
        {
            // Our client answers a Close frame only while it reads; this one never reads again.
            await using var mute = await NostrClient.ConnectAsync(relay.Url);
            var e = Events.Sign(SecretKey.Generate());
            Assert.Equal((true, ""), await mute.PublishAsync(e));

            await relay.TerminateAsync();
            Assert.Equal(0, await relay.WaitForExitAsync());
            AssertStored(directory, [e.Id]);
        }
    }

    [Fact]
    public async Task After_kill_9_during_a_publish_burst_every_acknowledged_event_is_stored()
    {
        var directory = TestRelay.NewDirectory();
        var acknowledged = new List<string>();
        using (var relay = await RelayProcess.StartAsync(directory, "--RateLimits:EventBurst=100000", "--RateLimits:IpEventBurst=100000"))
        {
            await using var client = await NostrClient.ConnectAsync(relay.Url);
            var key = SecretKey.Generate();
            var events = Enumerable.Range(0, 2000).Select(i => Events.Sign(key, content: $"burst {i}")).ToArray();
            var sending = Task.Run(async () =>
            {
                foreach (var e in events)
                {
                    if (!await client.Connection.SendAsync(System.Text.Encoding.UTF8.GetBytes($"[\"EVENT\",{e}]"), WebSocketMessageType.Text))
                        return;
                }
            });

            // Kill the relay mid-burst, once some OKs have come back; keep every OK true read before the socket died.
            for (var i = 0; i < events.Length; i++)
            {
                var m = await client.ReceiveAsync();
                if (m is null)
                    break;
                if (NostrClient.Verb(m.Value) == "OK" && m.Value[2].GetBoolean())
                    acknowledged.Add(m.Value[1].GetString()!);
                if (acknowledged.Count == 200)
                    relay.Process.Kill();
            }

            await sending;
        }

        Assert.True(acknowledged.Count >= 200, $"only {acknowledged.Count} OKs before the kill");
        AssertStored(directory, acknowledged.Select(s => EventId.Parse(s)));
    }

    private static void AssertStored(string directory, IEnumerable<EventId> ids)
    {
        using var store = EventStore.Open(new EventStoreOptions { DataDirectory = directory });
        foreach (var id in ids)
            Assert.True(store.Contains(id), $"{id} was acknowledged but is not stored");
        store.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
