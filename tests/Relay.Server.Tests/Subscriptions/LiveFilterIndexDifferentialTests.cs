using System.Collections.Immutable;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Server.Subscriptions;
using static Relay.Server.Tests.Subscriptions.LiveFilterIndexTestData;

namespace Relay.Server.Tests.Subscriptions;

/// <summary>
/// strfry-style differential fuzzing: random subscribers come, change and go while random events arrive, and
/// after every event the index must report exactly the subscribers a scan of every filter reports.
/// </summary>
public class LiveFilterIndexDifferentialTests
{
    private const int Steps = 6_000;
    private const int MaxSubscribers = 250;

    // A small domain, so that random filters and random events meet often.
    private static readonly int[] KindPool = [0, 1, 3, 6, 7, 4, 30023];
    private static readonly string[] TagNames = ["e", "p", "t", "T", "d", "x", "title", "-"];
    private static readonly char[] FilterLetters = ['e', 'p', 't', 'T', 'd', 'x'];
    private static readonly string[] ContentPool = ["hello nostr", "Hello relay", "", "relay news", "nostr"];
    private static readonly string[] SearchPool = ["hello", "RELAY", "nostr hello", "news include:spam"];

    private static readonly string[] ValuePool =
    [
        Hex('a'), Hex('b'), Hex('c'), Authors[0].ToString(), Authors[1].ToString(), "nostr", "relay", "",
    ];

    // Signing costs tens of microseconds: the events are made once, from a fixed seed, for every test case.
    private static readonly Lazy<NostrEvent[]> EventPool = new(() => MakeEvents(new Random(20261121), 2_000));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Match_equals_a_scan_of_every_subscriber_as_subscribers_come_change_and_go(int seed)
    {
        var random = new Random(seed);
        var events = EventPool.Value;
        var index = new LiveFilterIndex<Subscription>();
        var model = new Dictionary<Subscription, NostrFilter[]>(ReferenceEqualityComparer.Instance);
        var live = new List<Subscription>();
        var matches = new List<Subscription>();
        var checkedMatches = 0;

        for (var step = 0; step < Steps; step++)
        {
            ChangeSubscribers(random, events, index, model, live, step);

            var nostrEvent = events[random.Next(events.Length)];
            matches.Clear();
            index.Match(nostrEvent, matches);

            var expected = live.Where(s => NostrFilter.MatchesAny(model[s], nostrEvent)).ToHashSet(ReferenceEqualityComparer.Instance);
            var context = $"seed {seed}, step {step}, event {nostrEvent}";
            Assert.True(matches.Count == matches.Distinct(ReferenceEqualityComparer.Instance).Count(), $"duplicate match; {context}");
            Assert.True(expected.SetEquals(matches), $"expected [{Names(expected)}], got [{Names(matches)}]; {context}");
            Assert.Equal(model.Count, index.Count);
            checkedMatches += matches.Count;

            // The compiled matcher is the fast oracle; the naive reference restates NIP-01 and checks it now and then.
            if (step % 50 == 0)
            {
                var reference = live.Where(s => FilterReference.MatchesAny(model[s], nostrEvent)).ToHashSet(ReferenceEqualityComparer.Instance);
                Assert.True(reference.SetEquals(matches), $"reference disagrees; {context}");
            }
        }

        // A run where nothing ever matched would prove nothing.
        Assert.True(checkedMatches > Steps, $"only {checkedMatches} matches in {Steps} events");
    }

    private static void ChangeSubscribers(
        Random random, NostrEvent[] events, LiveFilterIndex<Subscription> index, Dictionary<Subscription, NostrFilter[]> model,
        List<Subscription> live, int step)
    {
        var roll = random.Next(100);
        if (roll < 30 && live.Count < MaxSubscribers)
        {
            var subscription = new Subscription($"s{step}");
            var filters = RandomFilters(random, events);
            index.Add(subscription, filters);
            model[subscription] = filters;
            live.Add(subscription);
        }
        else if (roll < 40 && live.Count > 0)
        {
            var subscription = live[random.Next(live.Count)];
            var filters = RandomFilters(random, events);
            index.Add(subscription, filters);
            model[subscription] = filters;
        }
        else if (roll < 55 && live.Count > 0)
        {
            var at = random.Next(live.Count);
            Assert.True(index.Remove(live[at]));
            model.Remove(live[at]);
            live.RemoveAt(at);
        }
    }

    private static NostrFilter[] RandomFilters(Random random, NostrEvent[] events)
    {
        var filters = new NostrFilter[random.Next(0, 4)];
        for (var i = 0; i < filters.Length; i++)
        {
            filters[i] = RandomFilter(random, events);
        }

        return filters;
    }

    private static NostrFilter RandomFilter(Random random, NostrEvent[] events) => new()
    {
        // ids: some of the first events (which recur), and one id no event has.
        Ids = Maybe(random, 9, () => random.Next(6) == 0 ? EventId.Parse(Hex('f')) : events[random.Next(40)].Id),
        Authors = Maybe(random, 4, () => Authors[random.Next(Authors.Length)]),
        Kinds = Maybe(random, 3, () => KindPool[random.Next(KindPool.Length)]),
        Tags = [.. Enumerable.Range(0, random.Next(0, 4) == 3 ? 2 : random.Next(0, 2)).Select(_ => RandomTagFilter(random))],
        Since = random.Next(3) == 0 ? 990 + random.Next(20) : null,
        Until = random.Next(3) == 0 ? 995 + random.Next(20) : null,
        Search = random.Next(12) == 0 ? SearchPool[random.Next(SearchPool.Length)] : null,
    };

    /// <summary>Present one time in <paramref name="presentOneIn"/>, with 0 to 3 values (duplicates allowed; 0 cannot match).</summary>
    private static ImmutableArray<T>? Maybe<T>(Random random, int presentOneIn, Func<T> value) =>
        random.Next(presentOneIn) != 0 ? null : [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => value())];

    private static TagFilter RandomTagFilter(Random random) =>
        new(FilterLetters[random.Next(FilterLetters.Length)], [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => ValuePool[random.Next(ValuePool.Length)])]);

    private static NostrEvent[] MakeEvents(Random random, int count)
    {
        var events = new NostrEvent[count];
        for (var i = 0; i < count; i++)
        {
            var tags = new string[random.Next(0, 5)][];
            for (var t = 0; t < tags.Length; t++)
            {
                var name = TagNames[random.Next(TagNames.Length)];
                tags[t] = [name, .. Enumerable.Range(0, random.Next(0, 3)).Select(_ => ValuePool[random.Next(ValuePool.Length)])];
            }

            events[i] = Event(
                author: random.Next(Keys.Length),
                kind: KindPool[random.Next(KindPool.Length)],
                createdAt: 990 + random.Next(25),
                content: ContentPool[random.Next(ContentPool.Length)],
                tags);
        }

        return events;
    }

    private static string Names(IEnumerable<object?> subscriptions) => string.Join(", ", subscriptions.Cast<Subscription>().Select(s => s.Name).Order());
}
