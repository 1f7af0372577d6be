using Relay.LoadGenerator.Events;
using Relay.LoadGenerator.Scenarios;

namespace Relay.Server.Tests.LoadGenerator;

public sealed class PublishScenarioTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Publish_counts_every_event_accepted_over_several_pipelined_connections()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        // 3 connections with a window of 8: events outnumber the window, so OKs must free slots for the run to finish.
        var result = await PublishScenario.RunAsync(new PublishSettings
        {
            Url = relay.Url, Events = 90, Connections = 3, Window = 8, Recipe = new EventRecipe { Authors = 5 }, Timeout = Bound,
        }, CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(90, result.Sent);
        Assert.Equal(90, result.Accepted);
        Assert.Equal(0, result.Duplicates);
        Assert.Empty(result.Rejected);
        Assert.Equal(0, result.Missing);
        Assert.Equal(90, relay.StoredCount);
    }

    [Fact]
    public async Task Publish_counts_rejections_by_prefix_and_republished_events_as_duplicates()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"relay-load-{Guid.NewGuid():N}.jsonl");
        try
        {
            var recipe = new EventRecipe { Authors = 3, Kinds = [1, LoopbackNostrRelay.BlockedKind] };
            var events = EventFactory.Sign(recipe, EventFactory.AuthorKeys(recipe), 0, 40, 40, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            await using (var output = File.Create(file))
                await JsonlEvents.WriteAsync(output, events, CancellationToken.None);

            var settings = new PublishSettings { Url = relay.Url, Events = 1_000, Connections = 2, InputFile = file, Timeout = Bound };
            var first = await PublishScenario.RunAsync(settings, CancellationToken.None);
            var second = await PublishScenario.RunAsync(settings, CancellationToken.None);

            Assert.Equal(40, first.Events);
            Assert.Equal(20, first.Accepted);
            Assert.Equal(20, Assert.Single(first.Rejected, pair => pair.Key == "blocked:").Value);
            Assert.Equal(0, first.Missing);
            Assert.Equal(0, second.Accepted);
            Assert.Equal(20, second.Duplicates);
            Assert.Equal(20, second.Rejected["blocked:"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Publish_reports_the_relay_cpu_time_when_given_its_pid()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        // The loopback relay runs in this test process, so our own pid is the relay's.
        var result = await PublishScenario.RunAsync(new PublishSettings
        {
            Url = relay.Url, Events = 50, Connections = 1, RelayPid = Environment.ProcessId, Timeout = Bound,
        }, CancellationToken.None);

        Assert.Equal(50, result.Accepted);
        Assert.NotNull(result.RelayCpuSeconds);
        Assert.True(result.RelayCpuSeconds >= 0);
        Assert.NotNull(result.RelayCpuSecondsPer10kEvents);
    }

    [Fact]
    public async Task Publish_stops_waiting_when_the_relay_closes_the_connection_and_reports_the_rest_missing()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        // Every tenth event makes the relay hang up; with a window of 2 the sender is usually blocked on a slot then.
        var result = await PublishScenario.RunAsync(new PublishSettings
        {
            Url = relay.Url, Events = 40, Connections = 1, Window = 2, Timeout = Bound,
            Recipe = new EventRecipe { Kinds = [1, 1, 1, 1, 1, 1, 1, 1, 1, LoopbackNostrRelay.DisconnectKind] },
        }, CancellationToken.None);

        Assert.False(result.TimedOut);
        Assert.False(result.Complete);
        Assert.Equal(9, result.Accepted);
        Assert.True(result.Missing >= 1);
        Assert.Equal(result.Sent, result.Accepted + result.Missing);
    }
}
