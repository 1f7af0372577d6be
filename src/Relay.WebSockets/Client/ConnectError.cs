namespace Relay.WebSockets.Client;

/// <summary>Why <see cref="WebSocketClient.ConnectAsync"/> did not yield a connection.</summary>
public enum ConnectError
{
    /// <summary>Connected.</summary>
    None = 0,

    /// <summary>The URI is not an absolute <c>ws://</c> URI (this client does not do TLS, so no <c>wss://</c>).</summary>
    UnsupportedUri,

    /// <summary>The host name did not resolve.</summary>
    HostNotFound,

    /// <summary>No address accepted the TCP connection.</summary>
    ConnectionFailed,

    /// <summary><see cref="WebSocketConnectionOptions.HandshakeTimeout"/> elapsed before the handshake completed.</summary>
    Timeout,

    /// <summary>The server closed the connection before completing its response.</summary>
    ConnectionClosed,

    /// <summary>The response is not parseable HTTP/1.1 or its header exceeds 16 KiB.</summary>
    MalformedResponse,

    /// <summary>The status is not 101 (see <see cref="WebSocketConnectResult.StatusCode"/>).</summary>
    UnexpectedStatus,

    /// <summary>The response lacks "Upgrade: websocket" (RFC 6455 §4.1, response check 2).</summary>
    MissingUpgrade,

    /// <summary>The response lacks "Connection: Upgrade" (§4.1, check 3).</summary>
    MissingConnectionUpgrade,

    /// <summary>Sec-WebSocket-Accept is missing or wrong for our key (§4.1, check 4).</summary>
    InvalidAccept,

    /// <summary>The server chose a subprotocol we did not offer (§4.1, check 6).</summary>
    UnexpectedSubProtocol,

    /// <summary>The server answered with extensions or parameters we did not offer (§4.1, check 5; RFC 7692 §5).</summary>
    InvalidExtensions,
}
