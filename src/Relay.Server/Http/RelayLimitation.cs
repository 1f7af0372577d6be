using Relay.Nostr;

namespace Relay.Server.Http;

/// <summary>
/// The NIP-11 <c>limitation</c> block. The relay core passes the limits it actually enforces (build it with
/// <see cref="FromNostrLimits"/>), so what the document advertises is what the relay does.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record RelayLimitation
{
    /// <summary><c>max_message_length</c>: largest client message in bytes, equal to the WebSocket message limit.</summary>
    public required int MaxMessageLength { get; init; }

    /// <summary><c>max_subscriptions</c>: open subscriptions per connection.</summary>
    public required int MaxSubscriptions { get; init; }

    /// <summary><c>max_filters</c>: filters per <c>REQ</c>.</summary>
    public required int MaxFilters { get; init; }

    /// <summary><c>max_limit</c>: the value each filter's <c>limit</c> is clamped to.</summary>
    public required int MaxLimit { get; init; }

    /// <summary><c>max_subid_length</c>: longest subscription id.</summary>
    public required int MaxSubidLength { get; init; }

    /// <summary><c>max_event_tags</c>: most tags in one event.</summary>
    public required int MaxEventTags { get; init; }

    /// <summary><c>max_content_length</c>: longest <c>content</c> in Unicode characters.</summary>
    public required int MaxContentLength { get; init; }

    /// <summary><c>min_pow_difficulty</c>: NIP-13 difficulty required of new events. Default 0: none.</summary>
    public int MinPowDifficulty { get; init; }

    /// <summary><c>auth_required</c>: NIP-42 authentication before anything else. Default false.</summary>
    public bool AuthRequired { get; init; }

    /// <summary><c>payment_required</c>. Default false.</summary>
    public bool PaymentRequired { get; init; }

    /// <summary><c>restricted_writes</c>: writes need a condition users are expected to know. Default false.</summary>
    public bool RestrictedWrites { get; init; }

    /// <summary><c>created_at_lower_limit</c>: seconds into the past accepted, or null for no bound (omitted).</summary>
    public long? CreatedAtLowerLimit { get; init; }

    /// <summary><c>created_at_upper_limit</c>: seconds into the future accepted.</summary>
    public required long CreatedAtUpperLimit { get; init; }

    /// <summary><c>default_limit</c>: events returned for a filter without <c>limit</c>.</summary>
    public required int DefaultLimit { get; init; }

    /// <summary>The block for the limits the Nostr core enforces; NIP-13, NIP-42 and payment are not required.</summary>
    public static RelayLimitation FromNostrLimits(NostrLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new RelayLimitation
        {
            MaxMessageLength = limits.MaxMessageLength,
            MaxSubscriptions = limits.MaxSubscriptionsPerConnection,
            MaxFilters = limits.MaxFiltersPerRequest,
            MaxLimit = limits.MaxLimit,
            MaxSubidLength = limits.MaxSubscriptionIdLength,
            MaxEventTags = limits.MaxEventTags,
            MaxContentLength = limits.MaxContentLength,
            CreatedAtLowerLimit = limits.CreatedAtLowerLimit,
            CreatedAtUpperLimit = limits.CreatedAtUpperLimit,
            DefaultLimit = limits.DefaultLimit,
        };
    }
}
