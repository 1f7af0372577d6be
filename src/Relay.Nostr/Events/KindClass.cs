namespace Relay.Nostr.Events;

/// <summary>How a relay stores an event, by its kind (NIP-01 "Kinds").</summary>
public enum KindClass
{
    /// <summary>Stored, every one of them: 1, 2, 4–44, 1000–9999, and every kind NIP-01 leaves unassigned.</summary>
    Regular,

    /// <summary>0, 3, 10000–19999: only the newest per (pubkey, kind) is kept.</summary>
    Replaceable,

    /// <summary>20000–29999: delivered to live subscribers, not stored.</summary>
    Ephemeral,

    /// <summary>30000–39999: only the newest per (kind, pubkey, first <c>d</c> tag value) is kept.</summary>
    Addressable,
}
