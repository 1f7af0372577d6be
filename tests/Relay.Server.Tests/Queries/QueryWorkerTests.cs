using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Relay.Actors;
using System.Collections.Immutable;
using Relay.Actors.TestKit;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Nostr.Messages;
using Relay.Server.Connections;
using Relay.Server.Diagnostics;
using Relay.Server.Queries;
using Relay.Server.Subscriptions;
using Relay.Server.Tests.Diagnostics;
using Relay.Storage.Sqlite;

namespace Relay.Server.Tests.Queries;

/// <summary>The query worker against a real SQLite file, its writer replaced by a test probe.</summary>
public sealed class QueryWorkerTests : TestKit, IDisposable
{
    private const int Slice = 2;

    // Enough slices that the small REQ, told right after the huge one, is certainly queued while the huge one runs,
    // even if the test thread is descheduled between the two Tells on a loaded machine.
    private const int HugeCount = 5000;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "relay-qw-" + Guid.NewGuid().ToString("N"));
    private readonly EventStore _store;
    private readonly MeterHarness _meters = new(RelayMetrics.MeterName);

    // The actor system records its kernel metrics through a meter factory of its own: an unscoped "Relay.Actors"
    // meter would be seen by every MetricsCollector in this process, including the Ops tests' scraped relay.
    private static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public QueryWorkerTests()
        : base(ActorSystemSettings.Default with { MeterFactory = Services.GetRequiredService<IMeterFactory>() })
    {
        _store = EventStore.Open(new EventStoreOptions
        {
            DataDirectory = _directory,
            Limits = Relay.Nostr.NostrLimits.Default with { MaxLimit = HugeCount, DefaultLimit = HugeCount },
        });
    }

    private NostrEvent[] Store(SecretKey key, int count)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var events = Enumerable.Range(0, count).Select(i => NostrEvent.Create(key, now - i, 1, [], $"e{i}")).ToArray();
        using var writer = _store.OpenWriter();
        writer.WriteBatch(events);
        return events;
    }

    private static ImmutableArray<NostrFilter> ByAuthor(SecretKey key, int limit) =>
        [new NostrFilter { Authors = [NostrEvent.Create(key, 0, 1, [], "").PubKey], Limit = limit }];

    [Fact]
    public async Task A_huge_query_is_sliced_so_a_small_one_queued_behind_it_finishes_first()
    {
        var big = SecretKey.Generate();
        var small = SecretKey.Generate();
        Store(big, HugeCount);
        var smallEvents = Store(small, 3);
        var worker = ActorOf(QueryWorker.Props(_store, new RelayMetrics(_meters.Factory), TimeProvider.System, Slice, 100_000));
        var huge = new ClientSubscription(SubscriptionId.Create("huge"), ByAuthor(big, HugeCount), TestActor, 0);
        var tiny = new ClientSubscription(SubscriptionId.Create("tiny"), ByAuthor(small, 10), TestActor, 0);

        worker.Tell(new QueryWorker.Run(huge));
        worker.Tell(new QueryWorker.Run(tiny));

        var hugeSlices = 0;
        var tinyIds = new List<EventId>();
        var order = new List<string>();
        for (var i = 0; i < 2 * HugeCount && order.Count < 2; i++)
        {
            switch (await ReceiveOneAsync(TimeSpan.FromSeconds(10)))
            {
                case ConnectionWriter.Stored stored when stored.Subscription == huge:
                    Assert.True(stored.Events.Count <= Slice);
                    hugeSlices++;
                    break;
                case ConnectionWriter.Stored stored:
                    tinyIds.AddRange(stored.Events.Select(e => e.Id));
                    break;
                case ConnectionWriter.EndOfStored end:
                    order.Add(end.Subscription.Id.Value);
                    break;
            }
        }

        Assert.Equal(["tiny", "huge"], order);
        Assert.Equal(smallEvents.Select(e => e.Id), tinyIds);
        Assert.Equal(HugeCount / Slice, hugeSlices);
    }

    [Fact]
    public async Task A_subscription_cancelled_before_its_turn_is_not_queried()
    {
        var key = SecretKey.Generate();
        Store(key, 100);
        var worker = ActorOf(QueryWorker.Props(_store, new RelayMetrics(_meters.Factory), TimeProvider.System, Slice, 100_000));
        var subscription = new ClientSubscription(SubscriptionId.Create("c"), ByAuthor(key, 100), TestActor, 0);

        // CLOSE (or a replacing REQ) cancels the subscription while its Run is still queued.
        subscription.Cancel();
        worker.Tell(new QueryWorker.Run(subscription));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
    }

    void IDisposable.Dispose()
    {
        Dispose();
        _store.Dispose();
        _meters.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
