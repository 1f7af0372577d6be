using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets.Framing;

/// <summary>Reads and writes the payload of a close frame (RFC 6455 §5.5.1): an optional 2-byte code and a UTF-8 reason.</summary>
public static class ClosePayload
{
    /// <summary>Longest reason: a control payload is at most 125 bytes, 2 of which are the code (RFC 6455 §5.5).</summary>
    public const int MaxReasonLength = FrameHeaderParser.MaxControlPayloadLength - 2;

    /// <summary>Validates a received close payload.</summary>
    /// <param name="payload">The unmasked payload.</param>
    /// <param name="code">The code, or <see cref="WebSocketCloseCode.NoStatusReceived"/> for an empty payload.</param>
    /// <param name="reason">The reason bytes (UTF-8), possibly empty.</param>
    /// <param name="error">Why the payload is invalid.</param>
    /// <returns>False when the payload is invalid; close with <see cref="FrameErrors.ToCloseCode"/>.</returns>
    public static bool TryParse(ReadOnlySpan<byte> payload, out ushort code, out ReadOnlySpan<byte> reason, out FrameError error)
    {
        code = WebSocketCloseCode.NoStatusReceived;
        reason = default;
        error = FrameError.None;
        if (payload.IsEmpty)
            return true;
        if (payload.Length == 1)
        {
            error = FrameError.InvalidClosePayload;
            return false;
        }

        code = BinaryPrimitives.ReadUInt16BigEndian(payload);
        if (!WebSocketCloseCode.IsValidOnWire(code))
        {
            error = FrameError.InvalidCloseCode;
            return false;
        }

        reason = payload[2..];
        if (!Utf8.IsValid(reason))
        {
            error = FrameError.InvalidCloseReason;
            return false;
        }

        return true;
    }

    /// <summary>Bytes <see cref="Write"/> produces for this code and reason.</summary>
    public static int GetLength(ushort code, string? reason) =>
        code == WebSocketCloseCode.NoStatusReceived ? 0 : 2 + ReasonByteCount(reason);

    /// <summary>
    /// Writes a close payload: nothing for <see cref="WebSocketCloseCode.NoStatusReceived"/> (an empty close frame),
    /// else the code and the reason truncated at a character boundary to <see cref="MaxReasonLength"/> bytes.
    /// </summary>
    /// <returns>Bytes written.</returns>
    public static int Write(Span<byte> destination, ushort code, string? reason)
    {
        if (code == WebSocketCloseCode.NoStatusReceived)
            return 0;
        if (!WebSocketCloseCode.IsValidOnWire(code))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(code));
        BinaryPrimitives.WriteUInt16BigEndian(destination, code);
        if (string.IsNullOrEmpty(reason))
            return 2;
        Utf8.FromUtf16(reason, destination.Slice(2, Math.Min(MaxReasonLength, destination.Length - 2)),
            out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
        return 2 + written;
    }

    private static int ReasonByteCount(string? reason)
    {
        if (string.IsNullOrEmpty(reason))
            return 0;
        Span<byte> scratch = stackalloc byte[MaxReasonLength];
        Utf8.FromUtf16(reason, scratch, out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
        return written;
    }

    /// <summary>Decodes a validated reason.</summary>
    internal static string DecodeReason(ReadOnlySpan<byte> reason) => reason.IsEmpty ? string.Empty : Encoding.UTF8.GetString(reason);
}
