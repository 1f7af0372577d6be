namespace Relay.WebSockets;

/// <summary>Handles <see cref="WebSocketConnection.PongReceived"/>.</summary>
/// <param name="connection">The connection that received the pong.</param>
/// <param name="payload">The pong's payload, valid only during the call.</param>
public delegate void PongHandler(WebSocketConnection connection, ReadOnlySpan<byte> payload);
