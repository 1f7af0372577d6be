namespace Relay.WebSockets.Client;

/// <summary>How <see cref="WebSocketClient.ConnectAsync"/> connects. Immutable once built; share one instance across connections.</summary>
public sealed class WebSocketClientOptions
{
    /// <summary>The defaults: permessage-deflate offered, no subprotocol, no Origin.</summary>
    public static WebSocketClientOptions Default { get; } = new();

    /// <summary>
    /// Limits and protocol options of the connection. <see cref="WebSocketConnectionOptions.HandshakeTimeout"/> bounds DNS, TCP connect and the
    /// handshake together; <see cref="WebSocketConnectionOptions.PerMessageDeflate"/> non-null means we offer compression.
    /// </summary>
    public WebSocketConnectionOptions Connection { get; init; } = WebSocketConnectionOptions.Default;

    /// <summary>Subprotocols to offer, most preferred first (Sec-WebSocket-Protocol).</summary>
    public IReadOnlyList<string> SubProtocols { get; init; } = [];

    /// <summary>An Origin header to send, as a browser would; null sends none.</summary>
    public string? Origin { get; init; }

    /// <summary>Extra request headers (name, value), e.g. for tests.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Hooks for metrics and logs.</summary>
    public IWebSocketObserver Observer { get; init; } = WebSocketObserver.None;

    /// <summary>Clock for the handshake and close timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
