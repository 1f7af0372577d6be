namespace Relay.Nostr.Messages;

/// <summary>Why a client message (or the event it carries) was refused.</summary>
public enum ClientErrorReason
{
    /// <summary>Not JSON, or JSON with a syntax error (RFC 8259), or nested deeper than a Nostr message can be.</summary>
    MalformedJson,

    /// <summary>Larger than <see cref="NostrLimits.MaxMessageLength"/>.</summary>
    MessageTooLarge,

    /// <summary>Not a JSON array whose first element is a string.</summary>
    NotAMessageArray,

    /// <summary>The first element names no message type this relay knows.</summary>
    UnknownVerb,

    /// <summary>A message type the relay knows but does not implement (NIP-77 <c>NEG-*</c>).</summary>
    UnsupportedVerb,

    /// <summary>Too few, too many or mistyped elements for the message type.</summary>
    InvalidArguments,

    /// <summary>The subscription id is empty, too long, not a string or not valid Unicode.</summary>
    InvalidSubscriptionId,

    /// <summary>The event breaks NIP-01's structure or one of the limits.</summary>
    InvalidEvent,

    /// <summary>The <c>id</c> is not the SHA-256 of the event's serialisation.</summary>
    EventIdMismatch,

    /// <summary>The BIP-340 signature does not verify.</summary>
    InvalidSignature,

    /// <summary><c>created_at</c> is outside the accepted window around the relay's clock.</summary>
    CreatedAtOutOfRange,

    /// <summary>The NIP-40 expiration time has passed.</summary>
    Expired,

    /// <summary>A filter breaks NIP-01's rules or one of the limits.</summary>
    InvalidFilter,

    /// <summary>A filter uses a field this relay does not know (NIP-01: <c>unsupported: filter contains unknown elements</c>).</summary>
    UnsupportedFilter,
}
