using System.Collections.Concurrent;
using System.Net;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Handshake;

namespace Relay.WebSockets.Tests.Support;

/// <summary>Records every hook call, thread-safely.</summary>
public sealed class RecordingObserver : IWebSocketObserver
{
    public ConcurrentQueue<(WebSocketOpcode Opcode, long Length)> FramesRead { get; } = new();
    public ConcurrentQueue<(WebSocketOpcode Opcode, long Length)> FramesWritten { get; } = new();
    public ConcurrentQueue<(WebSocketMessageType Type, int Length, bool Compressed)> MessagesRead { get; } = new();
    public ConcurrentQueue<(WebSocketMessageType Type, int Length, bool Compressed)> MessagesWritten { get; } = new();
    public ConcurrentQueue<(int Uncompressed, int Compressed)> Compressions { get; } = new();
    public ConcurrentQueue<(int Compressed, int Uncompressed)> Decompressions { get; } = new();
    public ConcurrentQueue<byte[]> Pongs { get; } = new();
    public ConcurrentQueue<FrameError> ProtocolErrors { get; } = new();
    public ConcurrentQueue<long> OutboundLimits { get; } = new();
    public ConcurrentQueue<WebSocketCloseResult> Closes { get; } = new();
    public ConcurrentQueue<(HandshakeError Error, int Status)> HandshakeFailures { get; } = new();
    public ConcurrentQueue<EndPoint?> HandshakeTimeouts { get; } = new();
    public ConcurrentQueue<WebSocketConnection> Opened { get; } = new();

    public void ConnectionOpened(WebSocketConnection connection) => Opened.Enqueue(connection);
    public void FrameRead(WebSocketConnection connection, WebSocketOpcode opcode, long payloadLength) => FramesRead.Enqueue((opcode, payloadLength));
    public void FrameWritten(WebSocketConnection connection, WebSocketOpcode opcode, long payloadLength) => FramesWritten.Enqueue((opcode, payloadLength));
    public void MessageRead(WebSocketConnection connection, WebSocketMessageType type, int length, bool compressed) => MessagesRead.Enqueue((type, length, compressed));
    public void MessageWritten(WebSocketConnection connection, WebSocketMessageType type, int length, bool compressed) => MessagesWritten.Enqueue((type, length, compressed));
    public void Compressed(WebSocketConnection connection, int uncompressedBytes, int compressedBytes) => Compressions.Enqueue((uncompressedBytes, compressedBytes));
    public void Decompressed(WebSocketConnection connection, int compressedBytes, int uncompressedBytes) => Decompressions.Enqueue((compressedBytes, uncompressedBytes));
    public void PongReceived(WebSocketConnection connection, ReadOnlySpan<byte> payload) => Pongs.Enqueue(payload.ToArray());
    public void ProtocolError(WebSocketConnection connection, FrameError error) => ProtocolErrors.Enqueue(error);
    public void OutboundLimitExceeded(WebSocketConnection connection, long pendingBytes) => OutboundLimits.Enqueue(pendingBytes);
    public void Closed(WebSocketConnection connection, WebSocketCloseResult result) => Closes.Enqueue(result);
    public void HandshakeFailed(HandshakeError error, int statusCode, EndPoint? remoteEndPoint) => HandshakeFailures.Enqueue((error, statusCode));
    public void HandshakeTimedOut(EndPoint? remoteEndPoint) => HandshakeTimeouts.Enqueue(remoteEndPoint);
}
