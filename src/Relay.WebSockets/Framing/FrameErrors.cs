namespace Relay.WebSockets.Framing;

/// <summary>Maps <see cref="FrameError"/> to the close code we send when failing the connection.</summary>
public static class FrameErrors
{
    /// <summary>The close code for a peer error (RFC 6455 §7.4.1). This is the only place that decides it.</summary>
    public static ushort ToCloseCode(FrameError error) => error switch
    {
        FrameError.None => WebSocketCloseCode.NormalClosure,
        // 1007: "data within a message that was not consistent with the type of the message" (§7.4.1).
        FrameError.InvalidUtf8 or FrameError.InvalidCloseReason or FrameError.InvalidCompressedData
            => WebSocketCloseCode.InvalidPayloadData,
        // 1009: "a message that is too big for it to process" (§7.4.1).
        FrameError.FrameTooBig or FrameError.MessageTooBig => WebSocketCloseCode.MessageTooBig,
        // Everything else is a framing violation: 1002.
        _ => WebSocketCloseCode.ProtocolError,
    };
}
