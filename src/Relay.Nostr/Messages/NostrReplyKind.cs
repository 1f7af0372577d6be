namespace Relay.Nostr.Messages;

/// <summary>Which relay message answers a refused client message.</summary>
public enum NostrReplyKind
{
    /// <summary>No answer is due (a NIP-77 <c>NEG-CLOSE</c> for a session that cannot exist).</summary>
    None,

    /// <summary><c>["NOTICE", message]</c>: nothing can be tied to an event or a subscription.</summary>
    Notice,

    /// <summary><c>["OK", id, false, message]</c>: an event id was recovered from an <c>EVENT</c> or <c>AUTH</c>.</summary>
    OkFalse,

    /// <summary><c>["CLOSED", sub, message]</c>: a subscription id was recovered from a <c>REQ</c> or <c>COUNT</c>.</summary>
    Closed,

    /// <summary><c>["NEG-ERR", sub, message]</c>: NIP-77's refusal of a <c>NEG-OPEN</c> or <c>NEG-MSG</c>.</summary>
    NegErr,
}
