using System.Collections.Immutable;
using Relay.Nostr.Events;
using Relay.Nostr.Filters.Internal;

namespace Relay.Nostr.Filters;

/// <summary>
/// One NIP-01 filter: every condition present must hold (AND); a request's filters are alternatives (OR,
/// see <see cref="MatchesAny"/>). A list that is present but empty matches nothing, as in nostr-tools'
/// <c>matchFilter</c>. The properties are the parsed, validated values, exposed for the storage query
/// builder and the live subscription index; <see cref="Matches"/> uses a compiled form built on first use.
/// </summary>
/// <remarks>Immutable once initialised; safe to share between threads.</remarks>
public sealed class NostrFilter
{
    private readonly ImmutableArray<EventId>? _ids;
    private readonly ImmutableArray<PublicKey>? _authors;
    private readonly ImmutableArray<int>? _kinds;
    private readonly ImmutableArray<TagFilter> _tags = [];
    private CompiledFilter? _compiled;

    /// <summary>Event ids (exact, NIP-01 removed prefixes), or null when the filter does not constrain ids.</summary>
    public ImmutableArray<EventId>? Ids { get => _ids; init => _ids = value is { IsDefault: true } ? null : value; }

    /// <summary>Authors, or null.</summary>
    public ImmutableArray<PublicKey>? Authors { get => _authors; init => _authors = value is { IsDefault: true } ? null : value; }

    /// <summary>Kinds, or null.</summary>
    public ImmutableArray<int>? Kinds { get => _kinds; init => _kinds = value is { IsDefault: true } ? null : value; }

    /// <summary><c>#x</c> conditions, one per letter (never null; empty when there are none).</summary>
    public ImmutableArray<TagFilter> Tags { get => _tags; init => _tags = value.IsDefault ? [] : value; }

    /// <summary>Inclusive lower bound on <c>created_at</c>, or null.</summary>
    public long? Since { get; init; }

    /// <summary>Inclusive upper bound on <c>created_at</c>, or null.</summary>
    public long? Until { get; init; }

    /// <summary>
    /// Most stored events wanted for the initial query, already clamped to <see cref="NostrLimits.MaxLimit"/>
    /// by the parser; null when absent (the relay applies <see cref="NostrLimits.DefaultLimit"/>). NIP-01:
    /// ignored for live events.
    /// </summary>
    public int? Limit { get; init; }

    /// <summary>
    /// NIP-50 query, or null. <see cref="Matches"/> treats it as: every whitespace-separated term must
    /// occur in <c>content</c> (ordinal, case-insensitive); <c>key:value</c> extensions are ignored. The relay
    /// decides whether to serve search at all (and only then lists NIP-50 in NIP-11).
    /// </summary>
    public string? Search { get; init; }

    /// <summary>
    /// False when no event can match: a present but empty list, or <see cref="Since"/> after
    /// <see cref="Until"/>. The relay can answer EOSE at once and skip indexing such a filter.
    /// </summary>
    public bool CanMatch => Compiled.CanMatch;

    internal CompiledFilter Compiled => _compiled ??= CompiledFilter.Compile(this);

    /// <summary>True when the event satisfies every condition of this filter (NIP-01; <see cref="Limit"/> plays no part).</summary>
    public bool Matches(NostrEvent nostrEvent)
    {
        ArgumentNullException.ThrowIfNull(nostrEvent);
        return Compiled.Matches(nostrEvent);
    }

    /// <summary>True when the event satisfies at least one of the filters (NIP-01: filters of a REQ are OR'ed).</summary>
    public static bool MatchesAny(ReadOnlySpan<NostrFilter> filters, NostrEvent nostrEvent)
    {
        ArgumentNullException.ThrowIfNull(nostrEvent);
        foreach (var filter in filters)
        {
            if (filter.Compiled.Matches(nostrEvent))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Number of stored events to return: <see cref="Limit"/>, or the default when absent, never above the maximum.</summary>
    public int GetEffectiveLimit(NostrLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Math.Min(Limit ?? limits.DefaultLimit, limits.MaxLimit);
    }
}
