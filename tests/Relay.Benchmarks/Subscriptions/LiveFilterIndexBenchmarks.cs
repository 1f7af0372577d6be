using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Server.Subscriptions;

namespace Relay.Benchmarks.Subscriptions;

/// <summary>
/// Finding the live subscriptions a new event goes to, per event. Subscriptions have the shapes clients send
/// (see <see cref="Shape"/>); events are kind-1 notes by active authors, most with a mention, a reply root and
/// a hashtag. Baseline: scan every subscriber's filters with the compiled matcher.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class LiveFilterIndexBenchmarks
{
    private const int EventsPerInvoke = 256;

    // 20,000 known pubkeys, of which the first 2,000 post: follow lists are drawn from all of them, so each
    // author is followed by a few percent of the subscribers, as on a public relay.
    private const int Population = 20_000;
    private const int Posters = 2_000;
    private const int ThreadRoots = 500;

    private readonly List<BenchmarkSubscriber> _matches = new(capacity: 4_096);
    private LiveFilterIndex<BenchmarkSubscriber> _index = null!;
    private BenchmarkSubscriber[] _subscribers = null!;
    private NostrEvent[] _events = null!;

    [Params(1_000, 10_000)]
    public int Subscriptions { get; set; }

    /// <summary>Average number of subscribers an event goes to (computed in setup, for the record).</summary>
    public double AverageMatches { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var posters = Enumerable.Range(1, Posters).Select(KeyFromNumber).ToArray();
        var postersPublic = posters.Select(key => key.GetPublicKey()).ToArray();
        var population = postersPublic
            .Concat(Enumerable.Range(0, Population - Posters).Select(_ => RandomKey(random)))
            .ToArray();
        var roots = Enumerable.Range(0, ThreadRoots).Select(_ => RandomId(random)).ToArray();

        _index = new LiveFilterIndex<BenchmarkSubscriber>();
        _subscribers = new BenchmarkSubscriber[Subscriptions];
        for (var i = 0; i < Subscriptions; i++)
        {
            _subscribers[i] = new BenchmarkSubscriber(Shape(random, i, population, roots));
            _index.Add(_subscribers[i], _subscribers[i].Filters);
        }

        _events = new NostrEvent[EventsPerInvoke];
        for (var i = 0; i < _events.Length; i++)
        {
            var author = posters[random.Next(Posters)];
            NostrTag[] tags = random.Next(4) switch
            {
                0 => [new NostrTag("t", "nostr")],
                1 => [new NostrTag("p", population[random.Next(Population)].ToString())],
                _ => [
                    new NostrTag("e", roots[random.Next(ThreadRoots)].ToString(), "", "root"),
                    new NostrTag("p", population[random.Next(Population)].ToString()),
                    new NostrTag("t", "nostr")],
            };
            _events[i] = NostrEvent.Create(author, 1_763_700_000 + i, 1, tags, "GM! A note of typical length about relays and what they store.");
        }

        var total = 0;
        foreach (var nostrEvent in _events)
        {
            var viaIndex = MatchIndex(nostrEvent);
            if (viaIndex != MatchNaive(nostrEvent))
            {
                throw new InvalidOperationException("The index and the scan disagree.");
            }

            total += viaIndex;
        }

        AverageMatches = (double)total / _events.Length;
        Console.WriteLine($"// {Subscriptions} subscriptions: {AverageMatches:F1} matching subscribers per event on average");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke, Description = "scan all subscribers (compiled filters)")]
    public int Scan()
    {
        var found = 0;
        foreach (var nostrEvent in _events)
        {
            found += MatchNaive(nostrEvent);
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke, Description = "LiveFilterIndex.Match")]
    public int Index()
    {
        var found = 0;
        foreach (var nostrEvent in _events)
        {
            found += MatchIndex(nostrEvent);
        }

        return found;
    }

    private int MatchIndex(NostrEvent nostrEvent)
    {
        _matches.Clear();
        _index.Match(nostrEvent, _matches);
        return _matches.Count;
    }

    private int MatchNaive(NostrEvent nostrEvent)
    {
        _matches.Clear();
        foreach (var subscriber in _subscribers)
        {
            if (NostrFilter.MatchesAny(subscriber.Filters, nostrEvent))
            {
                _matches.Add(subscriber);
            }
        }

        return _matches.Count;
    }

    /// <summary>
    /// The mix of a public relay's live subscriptions: 75% home feeds (a follow list of 100–500 authors with
    /// kinds 1, 6, 7, plus notifications: #p of the user), 20% open threads (#e of the root, kinds 1 and 7),
    /// 4% profile views (#p mentions of one user), 1% kind-only global feeds (kinds [1]).
    /// </summary>
    private static NostrFilter[] Shape(Random random, int index, PublicKey[] population, EventId[] roots)
    {
        var user = population[random.Next(population.Length)].ToString();
        return (index % 100) switch
        {
            < 75 =>
            [
                new NostrFilter
                {
                    Authors = [.. Enumerable.Range(0, random.Next(100, 501)).Select(_ => population[random.Next(population.Length)])],
                    Kinds = [1, 6, 7],
                },
                new NostrFilter { Kinds = [1, 6, 7, 9735], Tags = [new TagFilter('p', [user])] },
            ],
            < 95 => [new NostrFilter { Kinds = [1, 7], Tags = [new TagFilter('e', [roots[random.Next(roots.Length)].ToString()])] }],
            < 99 => [new NostrFilter { Tags = [new TagFilter('p', [user])] }],
            _ => [new NostrFilter { Kinds = [1] }],
        };
    }

    private static SecretKey KeyFromNumber(int number)
    {
        var bytes = new byte[32];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(28), number);
        return SecretKey.FromBytes(bytes);
    }

    private static PublicKey RandomKey(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return new PublicKey(bytes);
    }

    private static EventId RandomId(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return new EventId(bytes);
    }
}
