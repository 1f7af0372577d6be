using Relay.Nostr.Internal;

namespace Relay.Nostr;

/// <summary>
/// Every limit the protocol core enforces, in one place, so that what the relay advertises in its NIP-11
/// <c>limitation</c> block is exactly what it enforces (relays that advertise one thing and enforce
/// another are a top complaint). Each default says where it comes from; the peer relays' defaults are in
/// NOSTR-NOTES.md.
/// </summary>
/// <remarks>Immutable once built; safe to share between threads.</remarks>
public sealed record NostrLimits
{
    /// <summary>The defaults described on each property.</summary>
    public static NostrLimits Default { get; } = new();

    /// <summary>
    /// Largest client message in bytes (NIP-11 <c>max_message_length</c>, which must equal the WebSocket
    /// message limit). Default 128 KiB, strfry's and nostr-rs-relay's default: room for a 64 KiB event and
    /// for a REQ listing ~1,900 authors.
    /// </summary>
    public int MaxMessageLength { get; init; } = 128 * 1024;

    /// <summary>
    /// Largest event in its stored normal form, in bytes. Default 64 KiB, strfry's <c>maxEventSize</c>:
    /// long-form articles and large follow lists fit, and one event can never fill a message.
    /// </summary>
    public int MaxEventSize { get; init; } = 64 * 1024;

    /// <summary>
    /// Most tags in one event (NIP-11 <c>max_event_tags</c>). Default 2,000, strfry's <c>maxNumTags</c> and
    /// the NIP-11 example relay's value: a follow list of 2,000 people fits.
    /// </summary>
    public int MaxEventTags { get; init; } = 2000;

    /// <summary>
    /// Most elements in one tag, name included. Default 100: five times the widest standard tag
    /// (<c>imeta</c> with its fallbacks, ~20), so no real client meets it, yet a single tag cannot carry
    /// thousands of strings.
    /// </summary>
    public int MaxTagElements { get; init; } = 100;

    /// <summary>
    /// Longest value (element 1) of a single-letter tag, in UTF-8 bytes: those values are indexed and
    /// matched by <c>#x</c> filters. Default 1,024, strfry's <c>maxTagValSize</c>. Other tags (a zap
    /// receipt's <c>description</c> carries a whole event) are bounded only by <see cref="MaxEventSize"/>.
    /// </summary>
    public int MaxIndexedTagValueLength { get; init; } = 1024;

    /// <summary>
    /// Longest <c>content</c> in Unicode characters (NIP-11 <c>max_content_length</c>: "a count of unicode
    /// characters"). Default 65,536: <see cref="MaxEventSize"/> already binds first; the figure is advertised
    /// so clients see the same bound.
    /// </summary>
    public int MaxContentLength { get; init; } = 65536;

    /// <summary>Longest subscription id in characters (NIP-11 <c>max_subid_length</c>). Default 64: NIP-01's "max length 64 chars".</summary>
    public int MaxSubscriptionIdLength { get; init; } = 64;

    /// <summary>
    /// Most filters in one <c>REQ</c> or <c>COUNT</c> (NIP-11 <c>max_filters</c>). Default 50: clients batch
    /// a dozen or more filters per REQ (nostream's 10 refuses them); strfry's 200 multiplies the work of
    /// matching every new event.
    /// </summary>
    public int MaxFiltersPerRequest { get; init; } = 50;

    /// <summary>
    /// Most items in one filter list (<c>ids</c>, <c>authors</c>, <c>kinds</c>, each <c>#x</c>). Default 2,000,
    /// equal to <see cref="MaxEventTags"/>: a client can ask for every author in a maximal follow list.
    /// </summary>
    public int MaxFilterListItems { get; init; } = 2000;

    /// <summary>
    /// Largest <c>limit</c> honoured (NIP-11 <c>max_limit</c>); larger values are clamped silently, as NIP-11
    /// describes. Default 500, strfry's <c>maxFilterLimit</c>.
    /// </summary>
    public int MaxLimit { get; init; } = 500;

    /// <summary>
    /// Number of stored events returned for a filter without <c>limit</c> (NIP-11 <c>default_limit</c>).
    /// Default 500, equal to <see cref="MaxLimit"/>, as strfry does.
    /// </summary>
    public int DefaultLimit { get; init; } = 500;

    /// <summary>Longest NIP-50 <c>search</c> string in characters. Default 256: a query, not a document.</summary>
    public int MaxSearchLength { get; init; } = 256;

    /// <summary>
    /// How far in the future <c>created_at</c> may be, in seconds (NIP-11 <c>created_at_upper_limit</c>).
    /// Default 900 (15 minutes), strfry's <c>rejectEventsNewerThanSeconds</c> and nostream's value: clock
    /// skew, not post-dating.
    /// </summary>
    public long CreatedAtUpperLimit { get; init; } = 900;

    /// <summary>
    /// How far in the past <c>created_at</c> may be, in seconds (NIP-11 <c>created_at_lower_limit</c>), or null
    /// for no bound. Default null: clients re-publish old events to new relays (a follow list or profile
    /// last edited years ago), and strfry's 3-year bound would refuse them.
    /// </summary>
    public long? CreatedAtLowerLimit { get; init; }

    /// <summary>
    /// Most open subscriptions per connection (NIP-11 <c>max_subscriptions</c>; enforced by the relay, kept
    /// here so NIP-11 has one source). Default 64: twice nostr-rs-relay's 32, which busy clients hit, well
    /// under strfry's 200.
    /// </summary>
    public int MaxSubscriptionsPerConnection { get; init; } = 64;

    /// <summary>Checks that every limit is usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero, negative or inconsistent.</exception>
    public void Validate()
    {
        RequirePositive(MaxMessageLength, nameof(MaxMessageLength));
        RequirePositive(MaxEventSize, nameof(MaxEventSize));
        RequirePositive(MaxEventTags, nameof(MaxEventTags));
        RequirePositive(MaxTagElements, nameof(MaxTagElements));
        RequirePositive(MaxIndexedTagValueLength, nameof(MaxIndexedTagValueLength));
        RequirePositive(MaxContentLength, nameof(MaxContentLength));
        RequirePositive(MaxSubscriptionIdLength, nameof(MaxSubscriptionIdLength));
        RequirePositive(MaxFiltersPerRequest, nameof(MaxFiltersPerRequest));
        RequirePositive(MaxFilterListItems, nameof(MaxFilterListItems));
        RequirePositive(MaxLimit, nameof(MaxLimit));
        RequirePositive(DefaultLimit, nameof(DefaultLimit));
        RequirePositive(MaxSearchLength, nameof(MaxSearchLength));
        RequirePositive(MaxSubscriptionsPerConnection, nameof(MaxSubscriptionsPerConnection));
        if (CreatedAtUpperLimit < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(CreatedAtUpperLimit), "Must not be negative.");
        }

        if (CreatedAtLowerLimit < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(CreatedAtLowerLimit), "Must not be negative.");
        }

        if (DefaultLimit > MaxLimit)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(DefaultLimit), "Must not exceed MaxLimit.");
        }
    }

    private static void RequirePositive(long value, string name)
    {
        if (value <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(name, "Must be positive.");
        }
    }
}
