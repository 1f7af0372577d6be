namespace Relay.Server.Diagnostics;

/// <summary>
/// The storage class of an event kind (NIP-01 "Kinds"), the <c>kind_class</c> label of event metrics.
/// See <see cref="RelayMetrics.ClassifyKind(long)"/>.
/// </summary>
public enum KindClass
{
    /// <summary>Stored as is (<c>regular</c>): 1, 2, 4–44, 1000–9999 and every kind NIP-01 does not place elsewhere.</summary>
    Regular,

    /// <summary>Latest per pubkey and kind (<c>replaceable</c>): 0, 3, 10000–19999.</summary>
    Replaceable,

    /// <summary>Never stored (<c>ephemeral</c>): 20000–29999.</summary>
    Ephemeral,

    /// <summary>Latest per pubkey, kind and <c>d</c> tag (<c>addressable</c>): 30000–39999.</summary>
    Addressable,

    /// <summary>No usable kind: the event was rejected before its kind could be read (<c>unknown</c>).</summary>
    Unknown,
}
