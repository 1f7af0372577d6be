using Relay.Nostr;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// Applies the conditions SQL cannot (NIP-50 <c>search</c> over the content) by parsing each candidate and
/// asking the filter itself, then applies the filter's limit. Slow by nature; the query's row bound caps it.
/// </summary>
internal sealed class MatchingStream(IEventStream inner, NostrFilter filter, NostrLimits limits, long limit) : IEventStream
{
    private long _returned;

    public long CreatedAt => inner.CreatedAt;

    public EventId Id => inner.Id;

    public ReadOnlySpan<byte> Json => inner.Json;

    public bool MoveNext()
    {
        if (_returned >= limit)
        {
            return false;
        }

        while (inner.MoveNext())
        {
            // A stored event that no longer parses (a stricter parser after an upgrade) is skipped, not served.
            if (NostrEvent.TryParse(inner.Json, limits, out var candidate, out _) && filter.Matches(candidate))
            {
                _returned++;
                return true;
            }
        }

        return false;
    }

    public void Dispose() => inner.Dispose();
}
