using Relay.Nostr.Events;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>The stored version of an address: enough to decide which version NIP-01 keeps.</summary>
internal readonly record struct StoredVersion(long Seq, long CreatedAt, EventId Id)
{
    /// <summary>
    /// NIP-01: of two versions of one address the newer <c>created_at</c> wins; on a tie "the event with the
    /// lowest id (first in lexical order) should be retained".
    /// </summary>
    public static bool Replaces(long createdAt, EventId id, long otherCreatedAt, EventId otherId) =>
        createdAt > otherCreatedAt || (createdAt == otherCreatedAt && id < otherId);
}
