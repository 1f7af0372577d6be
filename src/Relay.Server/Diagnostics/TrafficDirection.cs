namespace Relay.Server.Diagnostics;

/// <summary>The <c>direction</c> label of the permessage-deflate byte counters.</summary>
public enum TrafficDirection
{
    /// <summary>Client to relay: messages the relay inflated (<c>in</c>).</summary>
    In,

    /// <summary>Relay to client: messages the relay deflated (<c>out</c>).</summary>
    Out,
}
