namespace Relay.WebSockets.Framing;

/// <summary>
/// Why a peer's frames violate RFC 6455 / RFC 7692 or our limits. Mapped to a close code by
/// <see cref="FrameErrors.ToCloseCode"/> (the only place that decides it).
/// </summary>
public enum FrameError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>An RSV bit is set that no negotiated extension defines (RFC 6455 §5.2).</summary>
    ReservedBitsSet,

    /// <summary>Opcode %x3-7 or %xB-F (RFC 6455 §5.2).</summary>
    ReservedOpcode,

    /// <summary>A control frame with FIN clear (RFC 6455 §5.5).</summary>
    FragmentedControlFrame,

    /// <summary>A control frame with a payload over 125 bytes (RFC 6455 §5.5).</summary>
    ControlFrameTooLong,

    /// <summary>RSV1 on a control frame or a continuation frame (RFC 7692 §6.1).</summary>
    CompressedBitMisplaced,

    /// <summary>A continuation frame while no fragmented message is open (RFC 6455 §5.4).</summary>
    UnexpectedContinuation,

    /// <summary>A new text or binary frame while a fragmented message is still open (RFC 6455 §5.4).</summary>
    ExpectedContinuation,

    /// <summary>A client frame without a mask, received by a server (RFC 6455 §5.1).</summary>
    UnmaskedFrame,

    /// <summary>A masked frame received by a client (RFC 6455 §5.1).</summary>
    MaskedFrame,

    /// <summary>A 64-bit payload length with its most significant bit set (RFC 6455 §5.2).</summary>
    PayloadLengthOutOfRange,

    /// <summary>A frame whose payload exceeds <see cref="WebSocketConnectionOptions.MaxFrameSize"/>.</summary>
    FrameTooBig,

    /// <summary>A message whose size exceeds <see cref="WebSocketConnectionOptions.MaxMessageSize"/> (announced by a header or produced by inflation).</summary>
    MessageTooBig,

    /// <summary>Text message payload that is not UTF-8 (RFC 6455 §8.1).</summary>
    InvalidUtf8,

    /// <summary>A close frame with a one-byte payload (RFC 6455 §5.5.1).</summary>
    InvalidClosePayload,

    /// <summary>A close code that may not be sent on the wire (RFC 6455 §7.4).</summary>
    InvalidCloseCode,

    /// <summary>A close reason that is not UTF-8 (RFC 6455 §5.5.1).</summary>
    InvalidCloseReason,

    /// <summary>A compressed message whose DEFLATE data is corrupt (RFC 7692 §7.2.2).</summary>
    InvalidCompressedData,
}
