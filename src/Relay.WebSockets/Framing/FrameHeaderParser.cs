using System.Buffers;
using System.Buffers.Binary;

namespace Relay.WebSockets.Framing;

/// <summary>Incremental frame header parser (RFC 6455 §5.2) that validates every header rule of §5 and RFC 7692 §6.1.</summary>
/// <remarks>
/// Rules are checked in the order of the byte they depend on, so an invalid header is reported as soon as the
/// offending byte is available and the verdict never depends on how the input was split.
/// </remarks>
public static class FrameHeaderParser
{
    /// <summary>Longest possible header: 2 + 8 (64-bit length) + 4 (masking key).</summary>
    public const int MaxHeaderLength = 14;

    /// <summary>Largest control frame payload (RFC 6455 §5.5).</summary>
    public const int MaxControlPayloadLength = 125;

    /// <summary>Parses a header from a sequence that may be split anywhere.</summary>
    /// <inheritdoc cref="TryParse(ReadOnlySpan{byte}, in FrameReadRules, bool, long, out FrameHeader, out int, out FrameError)"/>
    public static OperationStatus TryParse(in ReadOnlySequence<byte> input, in FrameReadRules rules, bool messageOpen,
        long messageLength, out FrameHeader header, out int headerLength, out FrameError error)
    {
        var first = input.FirstSpan;
        if (input.IsSingleSegment || first.Length >= MaxHeaderLength)
            return TryParse(first, rules, messageOpen, messageLength, out header, out headerLength, out error);

        // A header never exceeds 14 bytes: parse a contiguous copy of at most that many.
        Span<byte> scratch = stackalloc byte[MaxHeaderLength];
        var length = (int)Math.Min(input.Length, MaxHeaderLength);
        input.Slice(0, length).CopyTo(scratch);
        return TryParse(scratch[..length], rules, messageOpen, messageLength, out header, out headerLength, out error);
    }

    /// <summary>Parses a frame header.</summary>
    /// <param name="input">Bytes starting at a frame boundary.</param>
    /// <param name="rules">Role, negotiated RSV bits and limits.</param>
    /// <param name="messageOpen">Whether a fragmented data message is open (its first frame had FIN clear).</param>
    /// <param name="messageLength">Payload bytes of the open message received so far (0 when none is open).</param>
    /// <param name="header">The header when Done.</param>
    /// <param name="headerLength">Bytes the header occupies when Done; the payload follows.</param>
    /// <param name="error">Why the header is invalid when InvalidData; the caller closes with <see cref="FrameErrors.ToCloseCode"/>.</param>
    /// <returns>Done: header parsed, <paramref name="headerLength"/> bytes may be consumed. NeedMoreData: consume
    /// nothing and call again with more bytes. InvalidData: <paramref name="error"/> says why.</returns>
    public static OperationStatus TryParse(ReadOnlySpan<byte> input, in FrameReadRules rules, bool messageOpen,
        long messageLength, out FrameHeader header, out int headerLength, out FrameError error)
    {
        header = default;
        headerLength = 0;
        error = FrameError.None;
        if (input.IsEmpty)
            return OperationStatus.NeedMoreData;

        var b0 = input[0];
        var fin = (b0 & 0x80) != 0;
        var reserved = (byte)(b0 & 0x70);
        var opcode = (WebSocketOpcode)(b0 & 0x0F);
        var control = (b0 & 0x08) != 0;
        var strict = !rules.IsLenient;

        if (strict)
        {
            error = CheckFirstByte(fin, reserved, opcode, control, rules.AllowedReservedBits, messageOpen);
            if (error != FrameError.None)
                return OperationStatus.InvalidData;
        }

        if (input.Length < 2)
            return OperationStatus.NeedMoreData;

        var b1 = input[1];
        var masked = (b1 & 0x80) != 0;
        var length7 = b1 & 0x7F;
        if (strict)
        {
            // RFC 6455 §5.1: a server MUST fail on an unmasked frame, a client on a masked one.
            if (masked != rules.ExpectMasked)
                return Invalid(masked ? FrameError.MaskedFrame : FrameError.UnmaskedFrame, out error);
            if (control && length7 > MaxControlPayloadLength)
                return Invalid(FrameError.ControlFrameTooLong, out error);
        }

        int position;
        long payloadLength;
        switch (length7)
        {
            case 126:
                if (input.Length < 4)
                    return OperationStatus.NeedMoreData;
                payloadLength = BinaryPrimitives.ReadUInt16BigEndian(input[2..]);
                position = 4;
                break;
            case 127:
                if (input.Length < 10)
                    return OperationStatus.NeedMoreData;
                var length64 = BinaryPrimitives.ReadUInt64BigEndian(input[2..]);
                // RFC 6455 §5.2: "the most significant bit MUST be 0".
                if (length64 > long.MaxValue)
                    return Invalid(FrameError.PayloadLengthOutOfRange, out error);
                payloadLength = (long)length64;
                position = 10;
                break;
            default:
                payloadLength = length7;
                position = 2;
                break;
        }

        // RFC 6455 §5.2 says the minimal length encoding MUST be used by senders; receivers here accept a
        // longer one (as ManagedWebSocket and browsers do): it is unambiguous and harmless.
        if (strict && !control)
        {
            if (payloadLength > rules.MaxFrameSize)
                return Invalid(FrameError.FrameTooBig, out error);
            // The limit is enforced from the header alone, before any payload is buffered.
            if ((messageOpen ? messageLength : 0) + payloadLength > rules.MaxMessageSize)
                return Invalid(FrameError.MessageTooBig, out error);
        }

        uint maskKey = 0;
        if (masked)
        {
            if (input.Length < position + 4)
                return OperationStatus.NeedMoreData;
            maskKey = BinaryPrimitives.ReadUInt32LittleEndian(input[position..]);
            position += 4;
        }

        header = new FrameHeader(fin, reserved, opcode, masked, maskKey, payloadLength);
        headerLength = position;
        return OperationStatus.Done;
    }

    private static FrameError CheckFirstByte(bool fin, byte reserved, WebSocketOpcode opcode, bool control,
        byte allowedReserved, bool messageOpen)
    {
        // RFC 6455 §5.2: RSV bits MUST be 0 unless an extension defining them was negotiated.
        if ((reserved & ~allowedReserved) != 0)
            return FrameError.ReservedBitsSet;
        if (opcode is not (WebSocketOpcode.Continuation or WebSocketOpcode.Text or WebSocketOpcode.Binary
            or WebSocketOpcode.Close or WebSocketOpcode.Ping or WebSocketOpcode.Pong))
            return FrameError.ReservedOpcode;
        if (control)
        {
            // RFC 6455 §5.5: control frames MUST NOT be fragmented; RFC 7692 §6.1: never compressed.
            if (!fin)
                return FrameError.FragmentedControlFrame;
            return reserved != 0 ? FrameError.CompressedBitMisplaced : FrameError.None;
        }

        if (opcode == WebSocketOpcode.Continuation)
        {
            // RFC 6455 §5.4: a continuation needs an open message; RFC 7692 §6.1: RSV1 only on the first frame.
            if (!messageOpen)
                return FrameError.UnexpectedContinuation;
            return reserved != 0 ? FrameError.CompressedBitMisplaced : FrameError.None;
        }

        // RFC 6455 §5.4: fragments of one message are not interleaved with another data message.
        return messageOpen ? FrameError.ExpectedContinuation : FrameError.None;
    }

    private static OperationStatus Invalid(FrameError reason, out FrameError error)
    {
        error = reason;
        return OperationStatus.InvalidData;
    }
}
