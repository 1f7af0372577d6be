namespace Relay.WebSockets;

/// <summary>What <see cref="WebSocketConnection.ReceiveAsync"/> returned.</summary>
public enum WebSocketMessageType
{
    /// <summary>A text message: the payload is valid UTF-8.</summary>
    Text = 1,

    /// <summary>A binary message.</summary>
    Binary = 2,

    /// <summary>The connection has closed; <see cref="WebSocketConnection.Completion"/> says how. No more messages follow.</summary>
    Close = 8,
}
