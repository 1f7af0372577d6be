using Relay.Nostr.Events;

namespace Relay.Nostr.Filters.Internal;

/// <summary>
/// A filter prepared for matching many events: the time range as two longs, kinds sorted, and every list
/// as either a small array scanned linearly (fastest below a few dozen items) or a hash set. Checks run
/// cheapest and most selective first: time, kind, author, id, tags, search.
/// </summary>
/// <remarks>Immutable; safe to use from many threads.</remarks>
internal sealed class CompiledFilter
{
    /// <summary>Lists up to this size are scanned; larger ones hashed (a set lookup costs about a dozen compares).</summary>
    private const int LinearScanLimit = 12;

    /// <summary>Sorted kinds up to this size are scanned (vectorised for ints); larger ones binary-searched.</summary>
    private const int KindScanLimit = 64;

    private readonly long _since;
    private readonly long _until;
    private readonly int[]? _kinds;
    private readonly ValueSet<PublicKey>? _authors;
    private readonly ValueSet<EventId>? _ids;
    private readonly CompiledTagCondition[] _tags;
    private readonly string[]? _searchTerms;

    private CompiledFilter(
        bool canMatch, long since, long until, int[]? kinds, ValueSet<PublicKey>? authors, ValueSet<EventId>? ids,
        CompiledTagCondition[] tags, string[]? searchTerms)
    {
        CanMatch = canMatch;
        _since = since;
        _until = until;
        _kinds = kinds;
        _authors = authors;
        _ids = ids;
        _tags = tags;
        _searchTerms = searchTerms;
    }

    /// <summary>False when a present list is empty or the time range is empty.</summary>
    public bool CanMatch { get; }

    public static CompiledFilter Compile(NostrFilter filter)
    {
        var since = filter.Since ?? long.MinValue;
        var until = filter.Until ?? long.MaxValue;
        var canMatch = since <= until
            && filter.Ids is not { IsEmpty: true }
            && filter.Authors is not { IsEmpty: true }
            && filter.Kinds is not { IsEmpty: true };

        int[]? kinds = null;
        if (filter.Kinds is { } kindList)
        {
            kinds = [.. kindList.Distinct()];
            Array.Sort(kinds);
        }

        var tags = new CompiledTagCondition[filter.Tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            var tag = filter.Tags[i];
            canMatch &= !tag.Values.IsEmpty;
            tags[i] = new CompiledTagCondition(tag.Letter, new ValueSet<string>(tag.Values.AsSpan(), LinearScanLimit, StringComparer.Ordinal));
        }

        return new CompiledFilter(
            canMatch,
            since,
            until,
            kinds,
            filter.Authors is { } authors ? new ValueSet<PublicKey>(authors.AsSpan(), LinearScanLimit, null) : null,
            filter.Ids is { } ids ? new ValueSet<EventId>(ids.AsSpan(), LinearScanLimit, null) : null,
            tags,
            SearchTerms.Parse(filter.Search));
    }

    public bool Matches(NostrEvent e)
    {
        if (e.CreatedAt < _since || e.CreatedAt > _until)
        {
            return false;
        }

        if (_kinds is not null && !ContainsKind(_kinds, e.Kind))
        {
            return false;
        }

        if (_authors is not null && !_authors.Contains(e.PubKey))
        {
            return false;
        }

        if (_ids is not null && !_ids.Contains(e.Id))
        {
            return false;
        }

        foreach (var tag in _tags)
        {
            if (!tag.MatchesAnyTagOf(e))
            {
                return false;
            }
        }

        return _searchTerms is null || SearchTerms.AllOccurIn(_searchTerms, e.Content);
    }

    private static bool ContainsKind(int[] kinds, int kind) =>
        kinds.Length <= KindScanLimit ? kinds.AsSpan().Contains(kind) : Array.BinarySearch(kinds, kind) >= 0;
}
