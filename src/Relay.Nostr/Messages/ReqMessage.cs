using System.Collections.Immutable;
using Relay.Nostr.Filters;

namespace Relay.Nostr.Messages;

/// <summary>
/// <c>["REQ", sub, filter...]</c>: stored events matching any filter, then EOSE, then live ones (NIP-01).
/// A REQ with a subscription id already open on the connection replaces it.
/// </summary>
/// <param name="SubscriptionId">The client's id for the subscription.</param>
/// <param name="Filters">At least one filter, at most <see cref="NostrLimits.MaxFiltersPerRequest"/>.</param>
public sealed record ReqMessage(SubscriptionId SubscriptionId, ImmutableArray<NostrFilter> Filters) : ClientMessage
{
    /// <inheritdoc />
    public override ClientVerb Verb => ClientVerb.Req;
}
