using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Server.Subscriptions;
using static Relay.Server.Tests.Subscriptions.LiveFilterIndexTestData;

namespace Relay.Server.Tests.Subscriptions;

public class LiveFilterIndexTests
{
    private static readonly NostrEvent Note = Event(
        author: 0,
        kind: 1,
        createdAt: 1_000,
        content: "hello",
        ["e", Hex('a')],
        ["p", Authors[3].ToString()],
        ["t", "nostr", "second-value-is-not-indexed"],
        ["t", "relay"],
        ["title", "multi-letter names are not indexed"]);

    private readonly LiveFilterIndex<Subscription> _index = new();

    private List<Subscription> MatchNote(NostrEvent? nostrEvent = null)
    {
        var matches = new List<Subscription>();
        _index.Match(nostrEvent ?? Note, matches);
        return matches;
    }

    private Subscription AddSubscriber(string name, params NostrFilter[] filters)
    {
        var subscription = new Subscription(name);
        _index.Add(subscription, filters);
        return subscription;
    }

    public static TheoryData<string, bool> Dimensions() => new()
    {
        { "ids hit", true },
        { "ids miss", false },
        { "ids hit but kind misses", false },
        { "authors hit", true },
        { "authors miss", false },
        { "authors hit but until misses", false },
        { "#e hit", true },
        { "#p hit", true },
        { "#t value of a later tag", true },
        { "#t second element is not indexed", false },
        { "#T is another letter", false },
        { "#t hit but #e misses", false },
        { "#e hit but #t misses", false },
        { "kinds hit", true },
        { "kinds miss", false },
        { "since only, hit", true },
        { "since only, miss", false },
        { "empty filter", true },
        { "search only", true },
    };

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Match_finds_a_filter_through_the_dimension_it_is_filed_under(string name, bool expected)
    {
        var filter = Build(name);
        var subscription = AddSubscriber(name, filter);

        var matches = MatchNote();

        Assert.Equal(expected, FilterReference.Matches(filter, Note));
        Assert.Equal(expected ? [subscription] : [], matches);
    }

    [Fact]
    public void Match_reports_a_subscriber_once_when_several_of_its_filters_match()
    {
        var subscription = AddSubscriber(
            "many",
            new NostrFilter { Ids = List(Note.Id) },
            new NostrFilter { Authors = List(Note.PubKey) },
            new NostrFilter { Tags = [Tag('t', "nostr", "relay")] },
            new NostrFilter { Kinds = List(1, 1) },
            new NostrFilter());

        Assert.Equal([subscription], MatchNote());
    }

    [Fact]
    public void Match_reports_a_filter_once_when_the_event_carries_several_of_its_tag_values()
    {
        var subscription = AddSubscriber("tags", new NostrFilter { Tags = [Tag('t', "relay", "nostr", "relay")] });

        Assert.Equal([subscription], MatchNote());
    }

    [Fact]
    public void Match_appends_to_the_callers_list_and_keeps_what_it_held()
    {
        var earlier = new Subscription("earlier");
        var subscription = AddSubscriber("kind", new NostrFilter { Kinds = List(1) });
        var matches = new List<Subscription> { earlier };

        _index.Match(Note, matches);

        Assert.Equal([earlier, subscription], matches);
    }

    [Fact]
    public void Subscribers_equal_by_value_are_distinct_subscribers()
    {
        var first = AddSubscriber("same", new NostrFilter { Kinds = List(1) });
        var second = AddSubscriber("same", new NostrFilter { Kinds = List(1) });

        var matches = MatchNote();

        Assert.Equal(2, _index.Count);
        Assert.Equal(2, matches.Count);
        Assert.Contains(matches, m => ReferenceEquals(m, first));
        Assert.Contains(matches, m => ReferenceEquals(m, second));
    }

    [Fact]
    public void Add_skips_filters_that_cannot_match_but_keeps_the_subscriber()
    {
        var subscription = AddSubscriber(
            "impossible",
            new NostrFilter { Authors = List<PublicKey>() },
            new NostrFilter { Since = 2_000, Until = 1_000 },
            new NostrFilter { Tags = [Tag('t')] });

        Assert.Equal(1, _index.Count);
        Assert.Empty(MatchNote());
        Assert.True(_index.Remove(subscription));
        Assert.Equal(0, _index.Count);
    }

    [Fact]
    public void Add_of_a_present_subscriber_replaces_its_filters()
    {
        var subscription = AddSubscriber("replaced", new NostrFilter { Kinds = List(1) });
        var other = Event(author: 1, kind: 7);

        _index.Add(subscription, [new NostrFilter { Kinds = List(7) }]);

        Assert.Equal(1, _index.Count);
        Assert.Empty(MatchNote());
        Assert.Equal([subscription], MatchNote(other));
    }

    [Fact]
    public void Remove_stops_matching_and_leaves_the_other_subscribers_of_the_same_keys()
    {
        // Removal swaps the last slot of each bucket into the hole: remove from the front, middle and back.
        var subscriptions = Enumerable.Range(0, 6)
            .Select(i => AddSubscriber($"s{i}", new NostrFilter { Authors = List(Note.PubKey, Authors[i + 1]) }, new NostrFilter { Kinds = List(1) }))
            .ToList();

        Assert.True(_index.Remove(subscriptions[0]));
        Assert.True(_index.Remove(subscriptions[3]));
        Assert.True(_index.Remove(subscriptions[5]));
        Assert.False(_index.Remove(subscriptions[3]));
        Assert.False(_index.Remove(new Subscription("never added")));

        Assert.Equal(3, _index.Count);
        Assert.Equal([subscriptions[1], subscriptions[2], subscriptions[4]], MatchNote().OrderBy(s => s.Name));
        Assert.Equal([subscriptions[2]], MatchNote(Event(author: 3, kind: 7)));
    }

    [Fact]
    public void An_emptied_index_matches_nothing_and_can_be_refilled()
    {
        var subscription = AddSubscriber("a", new NostrFilter { Tags = [Tag('t', "nostr")] }, new NostrFilter { Ids = List(Note.Id) });
        _index.Remove(subscription);
        Assert.Empty(MatchNote());

        _index.Add(subscription, [new NostrFilter { Tags = [Tag('t', "relay")] }]);

        Assert.Equal([subscription], MatchNote());
    }

    [Fact]
    public void Add_with_a_null_filter_throws_and_changes_nothing()
    {
        var subscription = AddSubscriber("kept", new NostrFilter { Kinds = List(1) });

        Assert.Throws<ArgumentNullException>(() => _index.Add(subscription, [new NostrFilter { Kinds = List(7) }, null!]));
        Assert.Throws<ArgumentNullException>(() => _index.Add(null!, [new NostrFilter()]));
        Assert.Throws<ArgumentNullException>(() => _index.Remove(null!));
        Assert.Throws<ArgumentNullException>(() => _index.Match(null!, []));
        Assert.Throws<ArgumentNullException>(() => _index.Match(Note, null!));

        Assert.Equal(1, _index.Count);
        Assert.Equal([subscription], MatchNote());
    }

    [Fact]
    public void Match_allocates_nothing_once_the_list_has_grown()
    {
        for (var i = 0; i < 200; i++)
        {
            AddSubscriber(
                $"s{i}",
                new NostrFilter { Authors = [.. Authors.Take((i % 8) + 1)], Kinds = List(1, 6, 7) },
                new NostrFilter { Tags = [Tag('p', Authors[i % 8].ToString())] },
                new NostrFilter { Tags = [Tag('t', "nostr"), Tag('e', Hex('a'))], Since = i });
        }

        var matches = new List<Subscription>(capacity: 256);
        _index.Match(Note, matches);
        matches.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            _index.Match(Note, matches);
            matches.Clear();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static NostrFilter Build(string name) => name switch
    {
        "ids hit" => new NostrFilter { Ids = List(EventId.Parse(Hex('b')), Note.Id) },
        "ids miss" => new NostrFilter { Ids = List(EventId.Parse(Hex('b'))) },
        "ids hit but kind misses" => new NostrFilter { Ids = List(Note.Id), Kinds = List(7) },
        "authors hit" => new NostrFilter { Authors = List(Authors[5], Note.PubKey) },
        "authors miss" => new NostrFilter { Authors = List(Authors[5]) },
        "authors hit but until misses" => new NostrFilter { Authors = List(Note.PubKey), Until = 999 },
        "#e hit" => new NostrFilter { Tags = [Tag('e', Hex('a'))] },
        "#p hit" => new NostrFilter { Tags = [Tag('p', Authors[3].ToString())], Kinds = List(1) },
        "#t value of a later tag" => new NostrFilter { Tags = [Tag('t', "relay")] },
        "#t second element is not indexed" => new NostrFilter { Tags = [Tag('t', "second-value-is-not-indexed")] },
        "#T is another letter" => new NostrFilter { Tags = [Tag('T', "nostr")] },
        "#t hit but #e misses" => new NostrFilter { Tags = [Tag('t', "nostr", "x", "y"), Tag('e', Hex('b'))] },
        "#e hit but #t misses" => new NostrFilter { Tags = [Tag('e', Hex('a')), Tag('t', "x", "y")] },
        "kinds hit" => new NostrFilter { Kinds = List(0, 1) },
        "kinds miss" => new NostrFilter { Kinds = List(0, 7) },
        "since only, hit" => new NostrFilter { Since = 1_000 },
        "since only, miss" => new NostrFilter { Since = 1_001 },
        "empty filter" => new NostrFilter(),
        "search only" => new NostrFilter { Search = "HELLO" },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
    };
}
