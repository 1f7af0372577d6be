namespace Relay.WebSockets.Handshake;

/// <summary>Why a server refused an upgrade request (RFC 6455 §4.2.1). Mapped to a status by <see cref="HandshakeErrors.ToStatusCode"/>.</summary>
public enum HandshakeError
{
    /// <summary>The request is a valid opening handshake.</summary>
    None = 0,

    /// <summary>The endpoint does not serve this path.</summary>
    PathNotFound,

    /// <summary>The method is not GET (§4.2.1 item 1).</summary>
    MethodNotAllowed,

    /// <summary>Not HTTP/1.1: HTTP/1.0 has no upgrade, HTTP/2 and later carry WebSocket differently (RFC 8441).</summary>
    UnsupportedHttpVersion,

    /// <summary>No Host header (§4.2.1 item 2).</summary>
    MissingHost,

    /// <summary>The Upgrade header lacks the token "websocket" (§4.2.1 item 3).</summary>
    MissingUpgradeWebSocket,

    /// <summary>The Connection header lacks the token "Upgrade" (§4.2.1 item 4).</summary>
    MissingConnectionUpgrade,

    /// <summary>No Sec-WebSocket-Key, or more than one (§4.2.1 item 5).</summary>
    MissingKey,

    /// <summary>Sec-WebSocket-Key does not base64-decode to exactly 16 bytes (§4.2.1 item 5).</summary>
    InvalidKey,

    /// <summary>No Sec-WebSocket-Version (§4.2.1 item 6).</summary>
    MissingVersion,

    /// <summary>Sec-WebSocket-Version is not 13 (§4.2.2 item 4): answered with 426 and the version we speak.</summary>
    UnsupportedVersion,

    /// <summary>The Origin is not allowed by the endpoint's policy (§4.2.2 item 4, §10.2).</summary>
    OriginNotAllowed,

    /// <summary>Sec-WebSocket-Extensions does not match the ABNF of §9.1.</summary>
    MalformedExtensions,

    /// <summary>The server cannot take over this connection (no HTTP/1.1 upgrade available).</summary>
    UpgradeUnavailable,
}
