namespace Relay.WebSockets.Framing;

/// <summary>A parsed frame header (RFC 6455 §5.2).</summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-------+-+-------------+-------------------------------+
/// |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
/// |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
/// |N|V|V|V|       |S|             |   (if payload len==126/127)   |
/// | |1|2|3|       |K|             |                               |
/// +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
/// |     Extended payload length continued, if payload len == 127  |
/// + - - - - - - - - - - - - - - - +-------------------------------+
/// |                               |Masking-key, if MASK set to 1  |
/// +-------------------------------+-------------------------------+
/// </code>
/// </remarks>
public readonly record struct FrameHeader
{
    /// <summary>Bit of <see cref="ReservedBits"/> that permessage-deflate uses as "compressed" (RFC 7692 §6).</summary>
    public const byte Rsv1 = 0x40;

    /// <summary>Creates a header.</summary>
    /// <param name="fin">Whether this is the final fragment of a message.</param>
    /// <param name="reservedBits">RSV1..RSV3 in their wire positions (mask 0x70 of the first byte).</param>
    /// <param name="opcode">The frame opcode.</param>
    /// <param name="masked">Whether a masking key follows the length.</param>
    /// <param name="maskKey">The four key bytes as they appear on the wire, read as a little-endian integer.</param>
    /// <param name="payloadLength">Payload length in bytes.</param>
    public FrameHeader(bool fin, byte reservedBits, WebSocketOpcode opcode, bool masked, uint maskKey, long payloadLength)
    {
        Fin = fin;
        ReservedBits = reservedBits;
        Opcode = opcode;
        Masked = masked;
        MaskKey = maskKey;
        PayloadLength = payloadLength;
    }

    /// <summary>Whether this is the final fragment of a message.</summary>
    public bool Fin { get; }

    /// <summary>RSV1..RSV3 in their wire positions (mask 0x70 of the first byte).</summary>
    public byte ReservedBits { get; }

    /// <summary>The frame opcode.</summary>
    public WebSocketOpcode Opcode { get; }

    /// <summary>Whether the payload is masked.</summary>
    public bool Masked { get; }

    /// <summary>The four masking-key bytes in wire order, read as a little-endian integer (0 when unmasked).</summary>
    public uint MaskKey { get; }

    /// <summary>Payload length in bytes.</summary>
    public long PayloadLength { get; }

    /// <summary>Whether the opcode is a control opcode (most significant opcode bit set, RFC 6455 §5.5).</summary>
    public bool IsControl => ((byte)Opcode & 0x08) != 0;

    /// <summary>Whether the permessage-deflate "compressed" bit (RSV1) is set.</summary>
    public bool IsCompressed => (ReservedBits & Rsv1) != 0;
}
