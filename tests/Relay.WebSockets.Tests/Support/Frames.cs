using System.Buffers.Binary;

namespace Relay.WebSockets.Tests.Support;

/// <summary>
/// Builds and reads frames by hand, independently of the codec under test (RFC 6455 §5.2 written out byte by byte).
/// </summary>
public static class Frames
{
    public const byte Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA;

    /// <summary>A frame; <paramref name="maskKey"/> null means unmasked. <paramref name="lengthBytes"/> forces 0 (7-bit), 2 or 8.</summary>
    public static byte[] Build(byte opcode, ReadOnlySpan<byte> payload, bool fin = true, byte[]? maskKey = null,
        byte reserved = 0, int? lengthBytes = null, ulong? announcedLength = null)
    {
        var length = announcedLength ?? (ulong)payload.Length;
        var extended = lengthBytes ?? (length < 126 ? 0 : length <= ushort.MaxValue ? 2 : 8);
        var headerLength = 2 + extended + (maskKey is null ? 0 : 4);
        var frame = new byte[headerLength + payload.Length];
        frame[0] = (byte)((fin ? 0x80 : 0) | reserved | opcode);
        var maskBit = maskKey is null ? 0 : 0x80;
        switch (extended)
        {
            case 0:
                frame[1] = (byte)(maskBit | (int)length);
                break;
            case 2:
                frame[1] = (byte)(maskBit | 126);
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)length);
                break;
            default:
                frame[1] = (byte)(maskBit | 127);
                BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), length);
                break;
        }

        maskKey?.CopyTo(frame, 2 + extended);
        for (var i = 0; i < payload.Length; i++)
            frame[headerLength + i] = maskKey is null ? payload[i] : (byte)(payload[i] ^ maskKey[i % 4]);
        return frame;
    }

    /// <summary>A masked client frame with a fixed key (the key's value is irrelevant to the server).</summary>
    public static byte[] Masked(byte opcode, ReadOnlySpan<byte> payload, bool fin = true, byte reserved = 0) =>
        Build(opcode, payload, fin, [0x37, 0xFA, 0x21, 0x3D], reserved);

    public static byte[] ClientText(string text, bool fin = true) => Masked(Text, System.Text.Encoding.UTF8.GetBytes(text), fin);

    public static byte[] CloseBody(ushort code, string reason = "")
    {
        var body = new byte[2 + System.Text.Encoding.UTF8.GetByteCount(reason)];
        BinaryPrimitives.WriteUInt16BigEndian(body, code);
        System.Text.Encoding.UTF8.GetBytes(reason, body.AsSpan(2));
        return body;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();

    /// <summary>A decoded frame.</summary>
    public sealed record Decoded(bool Fin, byte Reserved, byte Opcode, bool Masked, byte[] Payload)
    {
        public ushort CloseCode => Payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(Payload) : (ushort)1005;
    }

    /// <summary>Decodes consecutive complete frames; stops at an incomplete one.</summary>
    public static List<Decoded> Decode(ReadOnlySpan<byte> bytes)
    {
        var frames = new List<Decoded>();
        while (TryDecodeOne(bytes, out var frame, out var used))
        {
            frames.Add(frame);
            bytes = bytes[used..];
        }

        return frames;
    }

    public static bool TryDecodeOne(ReadOnlySpan<byte> bytes, out Decoded frame, out int used)
    {
        frame = null!;
        used = 0;
        if (bytes.Length < 2)
            return false;
        var masked = (bytes[1] & 0x80) != 0;
        ulong length = (ulong)(bytes[1] & 0x7F);
        var position = 2;
        if (length == 126)
        {
            if (bytes.Length < 4)
                return false;
            length = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
            position = 4;
        }
        else if (length == 127)
        {
            if (bytes.Length < 10)
                return false;
            length = BinaryPrimitives.ReadUInt64BigEndian(bytes[2..]);
            position = 10;
        }

        var key = Array.Empty<byte>();
        if (masked)
        {
            if (bytes.Length < position + 4)
                return false;
            key = bytes.Slice(position, 4).ToArray();
            position += 4;
        }

        if ((ulong)(bytes.Length - position) < length)
            return false;
        var payload = bytes.Slice(position, (int)length).ToArray();
        if (masked)
        {
            for (var i = 0; i < payload.Length; i++)
                payload[i] ^= key[i % 4];
        }

        frame = new Decoded((bytes[0] & 0x80) != 0, (byte)(bytes[0] & 0x70), (byte)(bytes[0] & 0x0F), masked, payload);
        used = position + (int)length;
        return true;
    }
}
