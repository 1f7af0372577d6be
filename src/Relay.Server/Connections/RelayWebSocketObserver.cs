using System.Net;
using Relay.Server.Diagnostics;
using Relay.WebSockets;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Handshake;
using WsCloseInitiator = Relay.WebSockets.CloseInitiator;

namespace Relay.Server.Connections;

/// <summary>Turns the codec's hooks into the relay's metrics (connections, closes, bytes, compression, slow consumers).</summary>
/// <remarks>Thread-safe: every call is a counter increment.</remarks>
internal sealed class RelayWebSocketObserver(RelayMetrics metrics) : IWebSocketObserver
{
    // Frame headers are 2–14 bytes; 2 (the common short frame, unmasked server side) is counted per frame so the
    // byte counters stay within a few percent of the wire without parsing lengths twice.
    private const int MinimumFrameHeader = 2;

    public void ConnectionOpened(WebSocketConnection connection) => metrics.ConnectionAccepted(connection.Compression is not null);

    public void FrameRead(WebSocketConnection connection, WebSocketOpcode opcode, long payloadLength) =>
        metrics.BytesReceived(payloadLength + MinimumFrameHeader);

    public void FrameWritten(WebSocketConnection connection, WebSocketOpcode opcode, long payloadLength) =>
        metrics.BytesSent(payloadLength + MinimumFrameHeader);

    public void Compressed(WebSocketConnection connection, int uncompressedBytes, int compressedBytes) =>
        metrics.RecordDeflate(TrafficDirection.Out, uncompressedBytes, compressedBytes);

    public void Decompressed(WebSocketConnection connection, int compressedBytes, int uncompressedBytes) =>
        metrics.RecordDeflate(TrafficDirection.In, uncompressedBytes, compressedBytes);

    public void OutboundLimitExceeded(WebSocketConnection connection, long pendingBytes) => metrics.SlowConsumerClosed();

    public void Closed(WebSocketConnection connection, WebSocketCloseResult result)
    {
        var initiator = result.Abnormal ? Diagnostics.CloseInitiator.None
            : result.Initiator == WsCloseInitiator.Local ? Diagnostics.CloseInitiator.Relay : Diagnostics.CloseInitiator.Client;
        metrics.ConnectionClosed(result.Code, initiator);
    }

    public void HandshakeFailed(HandshakeError error, int statusCode, EndPoint? remoteEndPoint) => metrics.HandshakeFailed(statusCode);
}
