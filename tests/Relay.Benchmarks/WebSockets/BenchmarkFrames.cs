using Relay.WebSockets.Framing;

namespace Relay.Benchmarks.WebSockets;

internal static class BenchmarkFrames
{
    /// <summary>A masked client binary frame (what a server receives) with a random payload.</summary>
    public static byte[] MaskedBinary(int payloadLength)
    {
        var payload = new byte[payloadLength];
        new Random(payloadLength).NextBytes(payload);
        var headerLength = FrameWriter.GetHeaderLength(payloadLength, masked: true);
        var frame = new byte[headerLength + payloadLength];
        const uint key = 0x3D21FA37;
        FrameWriter.WriteHeader(frame, fin: true, 0, WebSocketOpcode.Binary, payloadLength, masked: true, key);
        Masking.ApplyTo(payload, frame.AsSpan(headerLength), key, 0);
        return frame;
    }
}
