using Relay.LoadGenerator.Scenarios;

namespace Relay.Server.Tests.LoadGenerator;

public sealed class FanoutScenarioTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Fanout_delivers_every_event_to_every_subscriber_on_its_own_connection()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        var result = await FanoutScenario.RunAsync(new FanoutSettings
        {
            Url = relay.Url, Subscribers = 20, Events = 15, Publishers = 2, Window = 4, Timeout = Bound,
        }, CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(20, result.Connections);
        Assert.Equal(20, result.Subscribed);
        Assert.Equal(15, result.Publish.Accepted);
        Assert.Equal(20 * 15, result.ExpectedDeliveries);
        Assert.Equal(20 * 15, result.Deliveries);
        Assert.Equal(0, result.ForeignEvents);
        Assert.True(result.LatencyP99Ms >= result.LatencyP50Ms);
    }

    [Fact]
    public async Task Fanout_packs_subscriptions_onto_shared_connections_and_counts_each_copy()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        // 10 subscriptions, 4 per connection: connections of 4, 4 and 2.
        var result = await FanoutScenario.RunAsync(new FanoutSettings
        {
            Url = relay.Url, Subscribers = 10, SubscriptionsPerConnection = 4, Events = 12, Timeout = Bound,
        }, CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(3, result.Connections);
        Assert.Equal(10, result.Subscribed);
        Assert.Equal(10 * 12, result.Deliveries);
    }

    [Fact]
    public async Task Fanout_ignores_events_that_were_not_published_by_this_run()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();
        // Stored events from an earlier publish carry another t tag, and limit 0 asks for no stored events anyway.
        await PublishScenario.RunAsync(new PublishSettings { Url = relay.Url, Events = 10, Timeout = Bound }, CancellationToken.None);

        var result = await FanoutScenario.RunAsync(new FanoutSettings
        {
            Url = relay.Url, Subscribers = 3, Events = 5, Timeout = Bound,
        }, CancellationToken.None);

        Assert.Equal(15, result.Deliveries);
        Assert.Equal(0, result.ForeignEvents);
    }
}
