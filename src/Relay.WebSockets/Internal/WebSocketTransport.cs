using System.Net;

namespace Relay.WebSockets.Internal;

/// <summary>The byte stream under a connection and how to end it, which depends on who owns the socket.</summary>
internal abstract class WebSocketTransport
{
    /// <summary>The duplex stream. It must not buffer writes: each WriteAsync reaches the socket (or its pipe).</summary>
    public abstract Stream Stream { get; }

    /// <summary>The peer's address, when known.</summary>
    public abstract EndPoint? RemoteEndPoint { get; }

    /// <summary>
    /// True for clients: after the close handshake the server closes TCP first (RFC 6455 §7.1.1), so a client
    /// waits for end-of-stream, bounded by the close timeout, before closing its socket.
    /// </summary>
    public abstract bool WaitsForPeerToCloseFirst { get; }

    /// <summary>Drops the connection at once: the peer is unresponsive, or we are disposing. Idempotent.</summary>
    public abstract void Abort();

    /// <summary>Ends the transport gracefully after the close handshake. Idempotent.</summary>
    public abstract ValueTask CloseAsync();
}
