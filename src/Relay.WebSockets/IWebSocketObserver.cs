using System.Net;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Handshake;

namespace Relay.WebSockets;

/// <summary>
/// Observability hooks the relay turns into metrics and logs. Every method has an empty default, so an observer
/// implements only what it records.
/// </summary>
/// <remarks>
/// Called synchronously on the connection's I/O path, from many connections and threads at once: implementations
/// must be thread-safe, fast and non-blocking, and must not throw. Frame and message hooks run once per frame;
/// keep them to counter increments. Byte spans passed in are valid only during the call.
/// </remarks>
public interface IWebSocketObserver
{
    /// <summary>A handshake succeeded and the connection is open.</summary>
    void ConnectionOpened(WebSocketConnection connection) { }

    /// <summary>A frame header was read (for data frames, before the payload).</summary>
    void FrameRead(WebSocketConnection connection, WebSocketOpcode opcode, long payloadLength) { }

    /// <summary>A frame was queued for sending.</summary>
    void FrameWritten(WebSocketConnection connection, WebSocketOpcode opcode, long payloadLength) { }

    /// <summary>A whole data message was received (<paramref name="length"/> after decompression).</summary>
    void MessageRead(WebSocketConnection connection, WebSocketMessageType type, int length, bool compressed) { }

    /// <summary>A whole data message was queued for sending (<paramref name="length"/> before compression).</summary>
    void MessageWritten(WebSocketConnection connection, WebSocketMessageType type, int length, bool compressed) { }

    /// <summary>A message was compressed for sending: <paramref name="uncompressedBytes"/> became <paramref name="compressedBytes"/>.</summary>
    void Compressed(WebSocketConnection connection, int uncompressedBytes, int compressedBytes) { }

    /// <summary>A received message was inflated: <paramref name="compressedBytes"/> became <paramref name="uncompressedBytes"/>.</summary>
    void Decompressed(WebSocketConnection connection, int compressedBytes, int uncompressedBytes) { }

    /// <summary>A pong arrived (solicited or not).</summary>
    void PongReceived(WebSocketConnection connection, ReadOnlySpan<byte> payload) { }

    /// <summary>The peer violated the protocol or a limit; the connection is being failed with <see cref="FrameErrors.ToCloseCode"/>.</summary>
    void ProtocolError(WebSocketConnection connection, FrameError error) { }

    /// <summary>A write was refused because pending outbound bytes would exceed the limit; the connection closes with 1008.</summary>
    void OutboundLimitExceeded(WebSocketConnection connection, long pendingBytes) { }

    /// <summary>The connection ended (close handshake done, timed out, or transport lost). Called exactly once.</summary>
    void Closed(WebSocketConnection connection, WebSocketCloseResult result) { }

    /// <summary>A server refused an upgrade request with <paramref name="statusCode"/>.</summary>
    void HandshakeFailed(HandshakeError error, int statusCode, EndPoint? remoteEndPoint) { }

    /// <summary>A client opened TCP but did not complete its request within the handshake timeout; it was dropped.</summary>
    void HandshakeTimedOut(EndPoint? remoteEndPoint) { }
}
