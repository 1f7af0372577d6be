namespace Relay.Nostr.Messages;

/// <summary>The first element of a client message, when recognised.</summary>
public enum ClientVerb
{
    /// <summary>Not recognised, or the message did not get that far.</summary>
    Unknown,

    /// <summary><c>["EVENT", event]</c> (NIP-01).</summary>
    Event,

    /// <summary><c>["REQ", sub, filter...]</c> (NIP-01).</summary>
    Req,

    /// <summary><c>["CLOSE", sub]</c> (NIP-01).</summary>
    Close,

    /// <summary><c>["COUNT", sub, filter...]</c> (NIP-45).</summary>
    Count,

    /// <summary><c>["AUTH", event]</c> (NIP-42).</summary>
    Auth,

    /// <summary><c>["NEG-OPEN", sub, filter, message]</c> (NIP-77), not supported yet.</summary>
    NegOpen,

    /// <summary><c>["NEG-MSG", sub, message]</c> (NIP-77), not supported yet.</summary>
    NegMsg,

    /// <summary><c>["NEG-CLOSE", sub]</c> (NIP-77), not supported yet.</summary>
    NegClose,
}
