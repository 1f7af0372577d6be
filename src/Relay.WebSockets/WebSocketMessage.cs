namespace Relay.WebSockets;

/// <summary>A whole received message.</summary>
/// <param name="Type">Text, binary, or <see cref="WebSocketMessageType.Close"/> when the connection has ended.</param>
/// <param name="Payload">
/// The decompressed, unmasked payload. It points into the connection's buffers and stays valid only until the
/// next <see cref="WebSocketConnection.ReceiveAsync"/> call or disposal: copy what must outlive that.
/// </param>
public readonly record struct WebSocketMessage(WebSocketMessageType Type, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The message that reports the end of the connection.</summary>
    public static WebSocketMessage Closed => new(WebSocketMessageType.Close, ReadOnlyMemory<byte>.Empty);

    /// <summary>Whether this reports the end of the connection.</summary>
    public bool IsClose => Type == WebSocketMessageType.Close;
}
