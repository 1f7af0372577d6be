using System.Buffers.Binary;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets.Framing;

/// <summary>Writes frame headers (RFC 6455 §5.2) with the minimal payload-length encoding.</summary>
public static class FrameWriter
{
    /// <summary>Bytes the header of a frame with this payload length occupies.</summary>
    public static int GetHeaderLength(long payloadLength, bool masked) =>
        (payloadLength < 126 ? 2 : payloadLength <= ushort.MaxValue ? 4 : 10) + (masked ? 4 : 0);

    /// <summary>Writes a header into <paramref name="destination"/> and returns the bytes written.</summary>
    /// <param name="destination">At least <see cref="GetHeaderLength"/> bytes.</param>
    /// <param name="fin">Final fragment of the message.</param>
    /// <param name="reservedBits">RSV bits in wire position (e.g. <see cref="FrameHeader.Rsv1"/> for a compressed message).</param>
    /// <param name="opcode">The opcode.</param>
    /// <param name="payloadLength">Payload length, 0 or more.</param>
    /// <param name="masked">Whether to include <paramref name="maskKey"/> (client frames, RFC 6455 §5.3).</param>
    /// <param name="maskKey">The key bytes in wire order, as a little-endian integer.</param>
    public static int WriteHeader(Span<byte> destination, bool fin, byte reservedBits, WebSocketOpcode opcode,
        long payloadLength, bool masked, uint maskKey)
    {
        if (payloadLength < 0)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(payloadLength));
        var length = GetHeaderLength(payloadLength, masked);
        if (destination.Length < length)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(destination));

        destination[0] = (byte)((fin ? 0x80 : 0) | (reservedBits & 0x70) | ((byte)opcode & 0x0F));
        var maskBit = masked ? 0x80 : 0;
        int position;
        if (payloadLength < 126)
        {
            destination[1] = (byte)(maskBit | (int)payloadLength);
            position = 2;
        }
        else if (payloadLength <= ushort.MaxValue)
        {
            destination[1] = (byte)(maskBit | 126);
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)payloadLength);
            position = 4;
        }
        else
        {
            destination[1] = (byte)(maskBit | 127);
            BinaryPrimitives.WriteUInt64BigEndian(destination[2..], (ulong)payloadLength);
            position = 10;
        }

        if (masked)
            BinaryPrimitives.WriteUInt32LittleEndian(destination[position..], maskKey);
        return length;
    }
}
