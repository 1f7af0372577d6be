using Relay.LoadGenerator.Events;
using Relay.LoadGenerator.Scenarios;
using Relay.Server.Configuration;
using Relay.Server.Tests.EndToEnd.Support;

namespace Relay.Server.Tests.LoadGenerator;

/// <summary>Every relay-load scenario against the real <c>relay serve</c> in process, with small numbers; counts only.</summary>
public sealed class RealRelayScenarioTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    /// <summary>Load tests measure the relay, not its abuse controls: the rate limits are lifted as docs/benchmarks.md says.</summary>
    private static Task<TestRelay> StartAsync() => TestRelay.StartAsync(options => options.RateLimits = new RateLimitOptions
    {
        EventsPerSecond = 1_000_000, EventBurst = 1_000_000, IpEventsPerSecond = 1_000_000, IpEventBurst = 1_000_000,
        ReqsPerSecond = 1_000_000, ReqBurst = 1_000_000, IpReqsPerSecond = 1_000_000, IpReqBurst = 1_000_000,
    });

    [Fact]
    public async Task Publish_gets_OK_true_for_every_event_and_duplicate_on_the_second_run()
    {
        await using var relay = await StartAsync();
        var file = Path.Combine(relay.Directory, "events.jsonl");
        await SeedScenario.RunAsync(new SeedSettings { Events = 200, WriteJsonl = file, Timeout = Bound }, CancellationToken.None);
        var settings = new PublishSettings { Url = relay.Url, Events = 200, Connections = 4, Window = 16, InputFile = file, Timeout = Bound };

        var first = await PublishScenario.RunAsync(settings, CancellationToken.None);
        var second = await PublishScenario.RunAsync(settings, CancellationToken.None);

        Assert.True(first.Complete);
        Assert.Equal(200, first.Accepted);
        Assert.Empty(first.Rejected);
        Assert.True(second.Complete);
        Assert.Equal(0, second.Accepted);
        Assert.Equal(200, second.Duplicates);
    }

    [Fact]
    public async Task Fanout_delivers_every_accepted_event_to_every_subscriber()
    {
        await using var relay = await StartAsync();

        var result = await FanoutScenario.RunAsync(new FanoutSettings
        {
            Url = relay.Url, Subscribers = 30, SubscriptionsPerConnection = 3, Events = 20, Publishers = 2, Timeout = Bound,
        }, CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(30, result.Subscribed);
        Assert.Equal(20, result.Publish.Accepted);
        Assert.Equal(30 * 20, result.Deliveries);
        Assert.Equal(0, result.ForeignEvents);
    }

    [Fact]
    public async Task Fanout_of_ephemeral_events_delivers_them_all_too()
    {
        await using var relay = await StartAsync();

        var result = await FanoutScenario.RunAsync(new FanoutSettings
        {
            Url = relay.Url, Subscribers = 10, Events = 15, Kind = 20001, Timeout = Bound,
        }, CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(10 * 15, result.Deliveries);
    }

    [Fact]
    public async Task Req_gets_EOSE_for_every_query_over_a_seeded_database()
    {
        await using var relay = await StartAsync();
        var recipe = new EventRecipe { Authors = 5, KeySeed = "real-relay" };
        var seed = await SeedScenario.RunAsync(new SeedSettings { Url = relay.Url, Events = 150, Batch = 60, Recipe = recipe, Timeout = Bound }, CancellationToken.None);
        Assert.Equal(150, seed.Publish.Accepted);

        // 5 authors × 30 notes; limit 20 caps each REQ's stored part.
        var result = await ReqScenario.RunAsync(new ReqSettings
        {
            Url = relay.Url, Queries = 30, Concurrency = 3, Limit = 20, Recipe = recipe, Timeout = Bound,
        }, CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(30, result.Eose);
        Assert.Equal(30 * 20, result.EventsReceived);
    }

    [Fact]
    public async Task ConnectHold_holds_every_connection_with_a_subscription()
    {
        await using var relay = await StartAsync();

        var result = await ConnectHoldScenario.RunAsync(new ConnectHoldSettings
        {
            Url = relay.Url, Connections = 50, Subscribe = true, Settle = TimeSpan.Zero, Timeout = Bound,
        }, CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(50, result.Opened);
        Assert.Equal(50, result.Subscribed);
    }
}
