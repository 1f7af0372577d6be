using Relay.LoadGenerator.Events;
using Relay.LoadGenerator.Scenarios;

namespace Relay.Server.Tests.LoadGenerator;

public sealed class ReqScenarioTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Req_gets_EOSE_for_every_query_over_the_authors_seed_stored()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();
        var recipe = new EventRecipe { Authors = 4, KeySeed = "req-test" };
        var seed = await SeedScenario.RunAsync(new SeedSettings
        {
            Url = relay.Url, Events = 60, Batch = 25, Connections = 2, Recipe = recipe, Timeout = Bound,
        }, CancellationToken.None);
        Assert.Equal(60, seed.Publish.Accepted);

        // 4 authors × 15 kind-1 notes each; limit 10 caps what each REQ gets back.
        var result = await ReqScenario.RunAsync(new ReqSettings
        {
            Url = relay.Url, Queries = 40, Concurrency = 3, Limit = 10, Recipe = recipe, Timeout = Bound,
        }, CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(40, result.Sent);
        Assert.Equal(40, result.Eose);
        Assert.Equal(0, result.QueryTimeouts);
        Assert.Empty(result.ClosedByRelay);
        Assert.Equal(40 * 10, result.EventsReceived);
    }

    [Fact]
    public async Task Req_counts_CLOSED_answers_by_prefix_instead_of_waiting_for_EOSE()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        // A limit the parser refuses gets CLOSED from the relay (NIP-01), which must not hang the worker.
        var result = await ReqScenario.RunAsync(new ReqSettings
        {
            Url = relay.Url, Queries = 5, Concurrency = 2, Kinds = [70_000], Timeout = Bound,
        }, CancellationToken.None);

        Assert.Equal(5, result.Sent);
        Assert.Equal(0, result.Eose);
        Assert.Equal(5, Assert.Single(result.ClosedByRelay).Value);
        Assert.False(result.Complete);
    }

    [Fact]
    public async Task Seed_writes_jsonl_that_publish_reads_back_as_the_same_events()
    {
        var file = Path.Combine(Path.GetTempPath(), $"relay-load-seed-{Guid.NewGuid():N}.jsonl");
        try
        {
            var seed = await SeedScenario.RunAsync(new SeedSettings { Events = 30, Batch = 7, WriteJsonl = file, Timeout = Bound }, CancellationToken.None);
            Assert.Equal(30, seed.Written);
            Assert.False(seed.Published);

            var read = await JsonlEvents.ReadAsync(file, int.MaxValue, CancellationToken.None);
            Assert.Equal(30, read.Count);
            Assert.Equal(30, read.Select(e => e.Id).Distinct().Count());
            // 30 events over the default 100 authors, round-robin: authors 0 to 29.
            Assert.Equal(EventFactory.AuthorPubKeys(new EventRecipe()).Take(30).Order(), read.Select(e => e.PubKey).Distinct().Order());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
