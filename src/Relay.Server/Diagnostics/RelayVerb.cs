namespace Relay.Server.Diagnostics;

/// <summary>The <c>verb</c> label of <c>nostr_relay_messages_total</c>: the messages a relay sends.</summary>
public enum RelayVerb
{
    /// <summary><c>EVENT</c> (NIP-01): an event for a subscription.</summary>
    Event,

    /// <summary><c>OK</c> (NIP-01): the outcome of a publish.</summary>
    Ok,

    /// <summary><c>EOSE</c> (NIP-01): end of stored events.</summary>
    Eose,

    /// <summary><c>CLOSED</c> (NIP-01): the relay ended a subscription.</summary>
    Closed,

    /// <summary><c>NOTICE</c> (NIP-01).</summary>
    Notice,

    /// <summary><c>AUTH</c> (NIP-42): a challenge.</summary>
    Auth,

    /// <summary><c>COUNT</c> (NIP-45).</summary>
    Count,
}
