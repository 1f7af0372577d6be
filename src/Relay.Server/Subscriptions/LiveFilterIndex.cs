using System.Runtime.InteropServices;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Server.Subscriptions.Internal;
using EventId = Relay.Nostr.Events.EventId;

namespace Relay.Server.Subscriptions;

/// <summary>
/// The live subscriptions of a relay as an inverted index, so a new event is tested only against filters
/// that could match it (the scheme of strfry's <c>ActiveMonitors</c> and rnostr's subscriber index). Each
/// filter is filed under its most selective condition: every value of <c>ids</c>, else of <c>authors</c>, else
/// of one <c>#x</c> condition (the one with fewest values), else of <c>kinds</c>; a filter with none of these
/// goes to a list tested against every event. <see cref="Match"/> looks up the event's id, its pubkey, the
/// (letter, value) of each indexable tag and its kind, and confirms each candidate with
/// <see cref="NostrFilter.Matches"/>.
/// </summary>
/// <typeparam name="TSubscriber">What a match reports (a subscription); compared by reference.</typeparam>
/// <remarks>
/// Not thread-safe: owned by one actor, which serialises <see cref="Add"/>, <see cref="Remove"/> and
/// <see cref="Match"/>. <see cref="Match"/> allocates nothing once the caller's list has grown; <see cref="Add"/>
/// and <see cref="Remove"/> cost O(number of values of the indexed condition).
/// </remarks>
public sealed class LiveFilterIndex<TSubscriber>
    where TSubscriber : class
{
    // Tag letters are ASCII (NostrTag.IsSingleLetter), so a letter indexes this table directly.
    private const int TagTableSize = 128;

    private readonly Dictionary<TSubscriber, LiveIndexSubscriber<TSubscriber>> _subscribers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<EventId, LiveIndexBucket<TSubscriber>> _ids = [];
    private readonly Dictionary<PublicKey, LiveIndexBucket<TSubscriber>> _authors = [];
    private readonly Dictionary<int, LiveIndexBucket<TSubscriber>> _kinds = [];

    // One map per letter, null while no filter is filed under that letter, so an event's tags with letters
    // nobody filters on (most of them) cost one array read each.
    private readonly Dictionary<string, LiveIndexBucket<TSubscriber>>?[] _tags = new Dictionary<string, LiveIndexBucket<TSubscriber>>?[TagTableSize];
    private readonly LiveIndexBucket<TSubscriber> _matchAll = new();

    // Incremented by every Match; a subscriber or entry stamped with the current value was already handled in
    // this call. 64 bits never wrap (a billion matches a second would take 292 years).
    private long _stamp;

    /// <summary>
    /// Number of subscribers added and not removed, including those none of whose filters can match
    /// (they are kept so <see cref="Remove"/> and a later replacement behave the same for every subscriber).
    /// </summary>
    public int Count => _subscribers.Count;

    /// <summary>
    /// Indexes <paramref name="subscriber"/> under <paramref name="filters"/> (NIP-01: alternatives, OR'ed). A
    /// subscriber already present has its filters replaced (NIP-01: a REQ with a live subscription id replaces
    /// it). Filters that cannot match (<see cref="NostrFilter.CanMatch"/> false) are not indexed.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="subscriber"/> or one of the filters is null; nothing changes.</exception>
    public void Add(TSubscriber subscriber, ReadOnlySpan<NostrFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var indexable = 0;
        foreach (var filter in filters)
        {
            ArgumentNullException.ThrowIfNull(filter, nameof(filters));
            if (filter.CanMatch)
            {
                indexable++;
            }
        }

        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_subscribers, subscriber, out var exists);
        if (exists)
        {
            RemoveEntries(state!);
        }
        else
        {
            state = new LiveIndexSubscriber<TSubscriber>(subscriber);
        }

        LiveIndexEntry<TSubscriber>[] entries = indexable == 0 ? [] : new LiveIndexEntry<TSubscriber>[indexable];
        var next = 0;
        foreach (var filter in filters)
        {
            if (filter.CanMatch)
            {
                entries[next++] = File(state!, filter);
            }
        }

        state!.Entries = entries;
    }

    /// <summary>Removes <paramref name="subscriber"/> and all its filters.</summary>
    /// <returns>True when it was present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subscriber"/> is null.</exception>
    public bool Remove(TSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!_subscribers.Remove(subscriber, out var state))
        {
            return false;
        }

        RemoveEntries(state);
        return true;
    }

    /// <summary>
    /// Appends to <paramref name="matches"/> every subscriber with at least one filter matching
    /// <paramref name="nostrEvent"/>, each once, in no particular order. NIP-01: <c>limit</c> plays no part for
    /// live events.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Match(NostrEvent nostrEvent, List<TSubscriber> matches)
    {
        ArgumentNullException.ThrowIfNull(nostrEvent);
        ArgumentNullException.ThrowIfNull(matches);
        if (_subscribers.Count == 0)
        {
            return;
        }

        var stamp = ++_stamp;
        if (_ids.Count != 0 && _ids.TryGetValue(nostrEvent.Id, out var bucket))
        {
            Test(bucket, nostrEvent, stamp, matches);
        }

        if (_authors.Count != 0 && _authors.TryGetValue(nostrEvent.PubKey, out bucket))
        {
            Test(bucket, nostrEvent, stamp, matches);
        }

        foreach (var (letter, value) in nostrEvent.EnumerateIndexedTags())
        {
            if (_tags[letter] is { } byValue && byValue.TryGetValue(value, out bucket))
            {
                Test(bucket, nostrEvent, stamp, matches);
            }
        }

        if (_kinds.TryGetValue(nostrEvent.Kind, out bucket))
        {
            Test(bucket, nostrEvent, stamp, matches);
        }

        Test(_matchAll, nostrEvent, stamp, matches);
    }

    private static void Test(LiveIndexBucket<TSubscriber> bucket, NostrEvent nostrEvent, long stamp, List<TSubscriber> matches)
    {
        foreach (var slot in bucket.Slots)
        {
            var entry = slot.Entry;
            var owner = entry.Owner;
            if (owner.MatchedStamp == stamp || entry.TestedStamp == stamp)
            {
                continue;
            }

            entry.TestedStamp = stamp;
            if (entry.Filter.Matches(nostrEvent))
            {
                owner.MatchedStamp = stamp;
                matches.Add(owner.Subscriber);
            }
        }
    }

    private LiveIndexEntry<TSubscriber> File(LiveIndexSubscriber<TSubscriber> owner, NostrFilter filter)
    {
        if (filter.Ids is { } ids)
        {
            var entry = new LiveIndexEntry<TSubscriber>(owner, filter, LiveIndexDimension.Ids, null, ids.Length);
            for (var i = 0; i < ids.Length; i++)
            {
                GetOrAddBucket(_ids, ids[i]).Add(entry, i);
            }

            return entry;
        }

        if (filter.Authors is { } authors)
        {
            var entry = new LiveIndexEntry<TSubscriber>(owner, filter, LiveIndexDimension.Authors, null, authors.Length);
            for (var i = 0; i < authors.Length; i++)
            {
                GetOrAddBucket(_authors, authors[i]).Add(entry, i);
            }

            return entry;
        }

        if (MostSelectiveTag(filter) is { } tag)
        {
            var entry = new LiveIndexEntry<TSubscriber>(owner, filter, LiveIndexDimension.Tag, tag, tag.Values.Length);
            var byValue = _tags[tag.Letter] ??= [];
            for (var i = 0; i < tag.Values.Length; i++)
            {
                GetOrAddBucket(byValue, tag.Values[i]).Add(entry, i);
            }

            return entry;
        }

        if (filter.Kinds is { } kinds)
        {
            var entry = new LiveIndexEntry<TSubscriber>(owner, filter, LiveIndexDimension.Kinds, null, kinds.Length);
            for (var i = 0; i < kinds.Length; i++)
            {
                GetOrAddBucket(_kinds, kinds[i]).Add(entry, i);
            }

            return entry;
        }

        var everything = new LiveIndexEntry<TSubscriber>(owner, filter, LiveIndexDimension.MatchAll, null, 1);
        _matchAll.Add(everything, 0);
        return everything;
    }

    /// <summary>
    /// The tag condition with fewest values, among letters an event can be looked up by: only tags named by one
    /// ASCII letter are indexed (NIP-01), so a condition on any other name could never be found from an event.
    /// </summary>
    private static TagFilter? MostSelectiveTag(NostrFilter filter)
    {
        TagFilter? best = null;
        foreach (var tag in filter.Tags)
        {
            if (char.IsAsciiLetter(tag.Letter) && (best is null || tag.Values.Length < best.Values.Length))
            {
                best = tag;
            }
        }

        return best;
    }

    private void RemoveEntries(LiveIndexSubscriber<TSubscriber> state)
    {
        foreach (var entry in state.Entries)
        {
            for (var i = 0; i < entry.KeyCount; i++)
            {
                var bucket = entry.Buckets[i];
                bucket.Remove(entry, i);
                if (bucket.Count == 0)
                {
                    DropEmptyBucket(entry, i);
                }
            }
        }

        state.Entries = [];
    }

    // Empty buckets are dropped: ids and tag values churn with every REQ, and keeping their keys would grow the
    // maps without bound over a relay's lifetime.
    private void DropEmptyBucket(LiveIndexEntry<TSubscriber> entry, int keyIndex)
    {
        var filter = entry.Filter;
        switch (entry.Dimension)
        {
            case LiveIndexDimension.Ids:
                _ids.Remove(filter.Ids!.Value[keyIndex]);
                break;
            case LiveIndexDimension.Authors:
                _authors.Remove(filter.Authors!.Value[keyIndex]);
                break;
            case LiveIndexDimension.Tag:
                var tag = entry.Tag!;
                var byValue = _tags[tag.Letter]!;
                byValue.Remove(tag.Values[keyIndex]);
                if (byValue.Count == 0)
                {
                    _tags[tag.Letter] = null;
                }

                break;
            case LiveIndexDimension.Kinds:
                _kinds.Remove(filter.Kinds!.Value[keyIndex]);
                break;
            case LiveIndexDimension.MatchAll:
                // The match-all bucket is permanent.
                break;
        }
    }

    private static LiveIndexBucket<TSubscriber> GetOrAddBucket<TKey>(Dictionary<TKey, LiveIndexBucket<TSubscriber>> map, TKey key)
        where TKey : notnull
    {
        ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        return bucket ??= new LiveIndexBucket<TSubscriber>();
    }
}
