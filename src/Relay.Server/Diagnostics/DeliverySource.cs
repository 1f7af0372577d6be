namespace Relay.Server.Diagnostics;

/// <summary>The <c>source</c> label of <c>nostr_deliveries_total</c>.</summary>
public enum DeliverySource
{
    /// <summary>A stored event answering a <c>REQ</c>, before its <c>EOSE</c> (<c>stored</c>).</summary>
    Stored,

    /// <summary>A new event fanned out to a live subscription after <c>EOSE</c> (<c>live</c>).</summary>
    Live,
}
