using System.Collections.Immutable;
using Relay.Nostr.Filters;

namespace Relay.Nostr.Messages;

/// <summary>
/// <c>["COUNT", sub, filter...]</c>: the number of stored events matching any filter (NIP-45), answered with
/// <c>["COUNT", sub, {"count": n}]</c> or refused with <c>CLOSED</c>.
/// </summary>
/// <param name="SubscriptionId">The client's id for the request.</param>
/// <param name="Filters">At least one filter, at most <see cref="NostrLimits.MaxFiltersPerRequest"/>.</param>
public sealed record CountMessage(SubscriptionId SubscriptionId, ImmutableArray<NostrFilter> Filters) : ClientMessage
{
    /// <inheritdoc />
    public override ClientVerb Verb => ClientVerb.Count;
}
