using System.Buffers;
using static Relay.WebSockets.Compression.Internal.ZLibNative;

namespace Relay.WebSockets.Compression.Internal;

/// <summary>A raw-DEFLATE decompressor for permessage-deflate payloads (RFC 7692 §7.2.2).</summary>
/// <remarks>Not thread-safe: used by the connection's single reader.</remarks>
internal sealed unsafe class Inflater : ZStreamHandle
{
    private const int MaxWindow = 1 << 15;

    public Inflater(int windowBits) =>
        Initialize(stream => InflateInit2((ZStream*)stream, -windowBits, Version(), sizeof(ZStream)), $"inflate window {windowBits}");

    /// <summary>The bytes a sender strips from every message and the receiver appends back (RFC 7692 §7.2.2).</summary>
    public static ReadOnlySpan<byte> MessageTail => [0x00, 0x00, 0xFF, 0xFF];

    /// <summary>Inflates as much of <paramref name="input"/> as fits into <paramref name="output"/>.</summary>
    /// <param name="input">Compressed bytes.</param>
    /// <param name="output">Space for decompressed bytes.</param>
    /// <param name="consumed">Input bytes used.</param>
    /// <param name="produced">Output bytes written. When it equals <paramref name="output"/>'s length, more output may be pending.</param>
    public InflateStatus Inflate(ReadOnlySpan<byte> input, Span<byte> output, out int consumed, out int produced)
    {
        switch (Run(&ZLibNative.Inflate, SyncFlush, input, output, out consumed, out produced))
        {
            case Ok:
            case BufferError: // no progress was possible: all input used or no room; not an error
                return InflateStatus.Ok;
            case StreamEnd:
                // The sender ended the DEFLATE stream with a BFINAL block (RFC 7692 §7.2.3.4 allows it). Start a new
                // stream for what follows but keep the history, which context takeover may still refer to.
                RestartKeepingHistory();
                return InflateStatus.Ok;
            default: // Z_DATA_ERROR, Z_NEED_DICT (no dictionary exists in raw mode), Z_MEM_ERROR
                return InflateStatus.InvalidData;
        }
    }

    /// <summary>Forgets the history (the peer does not use context takeover).</summary>
    public void Reset() => _ = InflateReset(Stream);

    private void RestartKeepingHistory()
    {
        var window = ArrayPool<byte>.Shared.Rent(MaxWindow);
        try
        {
            fixed (byte* windowPointer = window)
            {
                uint length = MaxWindow;
                _ = InflateGetDictionary(Stream, windowPointer, &length);
                _ = InflateReset(Stream);
                if (length > 0)
                    _ = InflateSetDictionary(Stream, windowPointer, length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(window);
        }
    }

    protected override void End(ZStream* stream) => _ = InflateEnd(stream);
}
