namespace Relay.Server.Operations;

/// <summary>
/// What became of one non-blank input line of <c>relay import</c>. A closed set: <see cref="ImportOutcomes"/>
/// maps every peer-caused error and every storage status to one value, and each value to its summary label,
/// in one place each.
/// </summary>
public enum ImportOutcome
{
    /// <summary>Valid and new: stored.</summary>
    Stored,

    /// <summary>An event with this id is already stored (or appeared earlier in the input). Not an error: reruns count these.</summary>
    Duplicate,

    /// <summary>Longer than <see cref="ImportOptions.MaxLineBytes"/>; not parsed.</summary>
    LineTooLong,

    /// <summary>Not JSON, or more than one JSON value on the line.</summary>
    InvalidJson,

    /// <summary>JSON, but not a NIP-01 event within the limits (missing or mistyped fields, too many tags, too large, ...).</summary>
    InvalidEvent,

    /// <summary>The <c>id</c> is not the SHA-256 of the event's serialisation (NIP-01).</summary>
    BadId,

    /// <summary>The BIP-340 signature does not verify.</summary>
    BadSignature,

    /// <summary><c>created_at</c> is further in the future (or past) than the relay accepts (<see cref="Relay.Nostr.NostrLimits.CreatedAtUpperLimit"/>).</summary>
    CreatedAtOutOfRange,

    /// <summary>Its NIP-40 expiration has passed.</summary>
    Expired,

    /// <summary>An ephemeral kind (20000–29999): NIP-01 relays do not store these.</summary>
    Ephemeral,

    /// <summary>Its author deleted it (NIP-09), by id or by address.</summary>
    Deleted,

    /// <summary>A replaceable or addressable event older than the stored version of its address (NIP-01).</summary>
    Superseded,

    /// <summary>A deletion request naming another author's events (NIP-09); refused as a whole.</summary>
    ForeignDeletion,
}
