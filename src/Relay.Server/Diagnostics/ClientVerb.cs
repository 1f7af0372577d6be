namespace Relay.Server.Diagnostics;

/// <summary>The <c>verb</c> label of <c>nostr_client_messages_total</c>: a closed set, whatever clients send.</summary>
public enum ClientVerb
{
    /// <summary><c>EVENT</c> (NIP-01): publish.</summary>
    Event,

    /// <summary><c>REQ</c> (NIP-01): subscribe.</summary>
    Req,

    /// <summary><c>CLOSE</c> (NIP-01): end a subscription.</summary>
    Close,

    /// <summary><c>AUTH</c> (NIP-42).</summary>
    Auth,

    /// <summary><c>COUNT</c> (NIP-45).</summary>
    Count,

    /// <summary>A JSON array whose first element is a string the relay does not know (<c>unknown</c>).</summary>
    Unknown,

    /// <summary>Not a JSON array starting with a string: no verb can be read (<c>invalid</c>).</summary>
    Invalid,
}
