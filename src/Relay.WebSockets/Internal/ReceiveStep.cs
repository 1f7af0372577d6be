namespace Relay.WebSockets.Internal;

/// <summary>What the synchronous part of the receive loop needs next.</summary>
internal enum ReceiveStep
{
    /// <summary>Keep going with buffered bytes.</summary>
    Continue,

    /// <summary>A whole data message is ready.</summary>
    Message,

    /// <summary>Read more from the transport.</summary>
    NeedMoreData,

    /// <summary>The peer's close frame arrived and is valid.</summary>
    PeerClosed,

    /// <summary>The peer violated the protocol; our close frame is queued.</summary>
    Failed,
}
