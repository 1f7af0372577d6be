namespace Relay.LoadGenerator.Nostr;

/// <summary>The relay-to-client message types of NIP-01 (plus NIP-42 AUTH and NIP-45 COUNT) the load generator tells apart.</summary>
internal enum RelayVerb
{
    /// <summary>Not JSON, not an array starting with a string, or a verb we do not know.</summary>
    Unknown = 0,

    /// <summary><c>["EVENT", subId, event]</c>.</summary>
    Event,

    /// <summary><c>["OK", eventId, accepted, message]</c>.</summary>
    Ok,

    /// <summary><c>["EOSE", subId]</c>.</summary>
    Eose,

    /// <summary><c>["CLOSED", subId, message]</c>.</summary>
    Closed,

    /// <summary><c>["NOTICE", message]</c>.</summary>
    Notice,

    /// <summary><c>["AUTH", challenge]</c> (NIP-42).</summary>
    Auth,

    /// <summary><c>["COUNT", subId, {"count": n}]</c> (NIP-45).</summary>
    Count,
}
