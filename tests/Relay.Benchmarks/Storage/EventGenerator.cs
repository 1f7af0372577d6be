using System.Globalization;
using System.Text;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;

namespace Relay.Benchmarks.Storage;

/// <summary>
/// A synthetic but shaped like real traffic event stream for storage benchmarks: 20,000 authors with a skewed
/// activity (a few post a lot), one year of history in time order, 60% notes (a third of them replies with
/// <c>e</c>/<c>p</c> tags, a quarter with hashtags), 25% reactions, 5% reposts, a few profiles, follow lists
/// (30 <c>p</c> tags) and long-form articles (addressable). Deterministic for a seed except for the author
/// keys, which come from the OS RNG.
/// </summary>
internal sealed class EventGenerator
{
    public const long End = 1_763_700_000;
    public const long Span = 365L * 86400;
    private const int Authors = 20_000;
    private const int RecentTargets = 50_000;
    private static readonly string[] Words =
        "the relay stores every event it accepts and serves them newest first to anyone who asks with a filter nostr sqlite bitcoin zap note reply thread community"
            .Split(' ');

    private readonly Random _random;
    private readonly SecretKey[] _keys;
    private readonly string[] _pubKeys;
    private readonly (string Id, string PubKey)[] _recent = new (string, string)[RecentTargets];
    private readonly long _count;
    private long _index;
    private int _recentCount;

    public EventGenerator(int seed, long count)
    {
        _random = new Random(seed);
        _count = count;
        _keys = [.. Enumerable.Range(0, Authors).Select(_ => SecretKey.Generate(BenchSigner.Instance))];
        _pubKeys = [.. _keys.Select(k => k.GetPublicKey(BenchSigner.Instance).ToString())];
    }

    public NostrEvent Next()
    {
        var i = _index++;
        var createdAt = End - Span + (long)(i * (double)Span / _count) + _random.Next(60);
        var author = (int)(Math.Pow(_random.NextDouble(), 3) * Authors);
        var roll = _random.NextDouble();
        var tags = new List<NostrTag>();
        int kind;
        string content;
        if (roll < 0.60)
        {
            kind = 1;
            if (_random.NextDouble() < 0.35 && TryTarget(out var target))
            {
                tags.Add(new NostrTag("e", target.Id, "", "reply"));
                tags.Add(new NostrTag("p", target.PubKey));
            }

            if (_random.NextDouble() < 0.25)
            {
                tags.Add(new NostrTag("t", "tag" + ((int)(Math.Pow(_random.NextDouble(), 2) * 300)).ToString(CultureInfo.InvariantCulture)));
            }

            content = Text(40 + _random.Next(240));
        }
        else if (roll < 0.90)
        {
            kind = roll < 0.85 ? 7 : 6;
            if (TryTarget(out var target))
            {
                tags.Add(new NostrTag("e", target.Id));
                tags.Add(new NostrTag("p", target.PubKey));
            }

            content = kind == 7 ? "+" : "";
        }
        else if (roll < 0.93)
        {
            kind = 1111;
            content = Text(80);
        }
        else if (roll < 0.96)
        {
            kind = 0;
            content = "{\"name\":\"" + Words[_random.Next(Words.Length)] + "\",\"about\":\"" + Text(120) + "\"}";
        }
        else if (roll < 0.99)
        {
            kind = 3;
            for (var p = 0; p < 30; p++)
            {
                tags.Add(new NostrTag("p", _pubKeys[_random.Next(Authors)]));
            }

            content = "";
        }
        else
        {
            kind = 30023;
            tags.Add(new NostrTag("d", "article" + _random.Next(20).ToString(CultureInfo.InvariantCulture)));
            tags.Add(new NostrTag("t", "longform"));
            content = Text(1500);
        }

        var nostrEvent = NostrEvent.Create(_keys[author], createdAt, kind, tags, content, BenchSigner.Instance);
        _recent[_recentCount++ % RecentTargets] = (nostrEvent.Id.ToString(), _pubKeys[author]);
        return nostrEvent;
    }

    public IEnumerable<NostrEvent> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    private bool TryTarget(out (string Id, string PubKey) target)
    {
        var available = Math.Min(_recentCount, RecentTargets);
        if (available == 0)
        {
            target = default;
            return false;
        }

        // Skewed to recent events: threads and reactions cluster on what was just posted.
        var back = (int)(Math.Pow(_random.NextDouble(), 4) * available);
        target = _recent[((_recentCount - 1 - back) % RecentTargets + RecentTargets) % RecentTargets];
        return true;
    }

    private string Text(int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(Words[_random.Next(Words.Length)]).Append(' ');
        }

        return text.ToString(0, length);
    }
}
