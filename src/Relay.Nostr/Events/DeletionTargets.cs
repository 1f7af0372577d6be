using System.Collections.Immutable;

namespace Relay.Nostr.Events;

/// <summary>
/// What a kind-5 deletion request (NIP-09) asks to delete: the ids of its <c>e</c> tags and the addresses
/// of its <c>a</c> tags. Tags whose value is not a well-formed id or address are left out. NIP-09 only lets
/// an author delete their own events: the relay must still compare each target's pubkey with the request's.
/// </summary>
/// <param name="EventIds">Targets named by id (<c>e</c> tags).</param>
/// <param name="Addresses">Targets named by address (<c>a</c> tags): every version up to the request's <c>created_at</c>.</param>
public sealed record DeletionTargets(ImmutableArray<EventId> EventIds, ImmutableArray<EventAddress> Addresses)
{
    /// <summary>No targets (any event that is not kind 5).</summary>
    public static DeletionTargets None { get; } = new([], []);
}
