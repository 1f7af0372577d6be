using static Relay.WebSockets.Compression.Internal.ZLibNative;

namespace Relay.WebSockets.Compression.Internal;

/// <summary>A raw-DEFLATE compressor that turns one message into a permessage-deflate payload (RFC 7692 §7.2.1).</summary>
/// <remarks>Not thread-safe: used by one writer at a time (under the connection's send lock, or rented from <see cref="ZStreamPool"/>).</remarks>
internal sealed unsafe class Deflater : ZStreamHandle
{
    public Deflater(int level, int windowBits, int memoryLevel)
    {
        var strategy = DefaultStrategy;
        if (windowBits == 8)
        {
            // zlib cannot produce raw DEFLATE with a 256-byte window (deflateInit2 rejects -8; the header-less
            // stream would silently use 9 bits). With Z_RLE every match has distance 1, so the stream is valid for
            // a peer that keeps only 256 bytes of history: what server_max_window_bits=8 asks for (RFC 7692 §7.1.2.1).
            windowBits = 9;
            strategy = RleStrategy;
        }

        Initialize(
            stream => DeflateInit2((ZStream*)stream, level, Deflated, -windowBits, memoryLevel, strategy, Version(), sizeof(ZStream)),
            $"deflate level {level}, window {windowBits}, memLevel {memoryLevel}");
    }

    /// <summary>An output size that always suffices: zlib's deflateBound for raw streams plus the sync-flush marker.</summary>
    public static int MaxCompressedLength(int length) => length + (length >> 3) + (length >> 6) + 64;

    /// <summary>Compresses one whole message with Z_SYNC_FLUSH and strips the trailing 00 00 FF FF (RFC 7692 §7.2.1).</summary>
    /// <param name="input">The message.</param>
    /// <param name="output">At least <see cref="MaxCompressedLength"/> bytes.</param>
    /// <returns>Compressed bytes written.</returns>
    public int Compress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var rc = Run(&ZLibNative.Deflate, SyncFlush, input, output, out var consumed, out var written);
        if ((rc != Ok && rc != BufferError) || consumed != input.Length || written == output.Length)
            throw new InvalidOperationException($"deflate did not complete (rc {rc}); the output bound is wrong.");
        return output[..written].EndsWith(Inflater.MessageTail) ? written - Inflater.MessageTail.Length : written;
    }

    /// <summary>Forgets the history so the next message does not refer to earlier ones (no context takeover).</summary>
    public void Reset() => _ = DeflateReset(Stream);

    protected override void End(ZStream* stream) => _ = DeflateEnd(stream);
}
