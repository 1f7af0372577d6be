namespace Relay.WebSockets.Framing;

/// <summary>The 4-bit frame opcode (RFC 6455 §5.2, §11.8).</summary>
public enum WebSocketOpcode : byte
{
    /// <summary>Continues a fragmented data message (%x0).</summary>
    Continuation = 0x0,

    /// <summary>First frame of a text message: UTF-8 payload (%x1).</summary>
    Text = 0x1,

    /// <summary>First frame of a binary message (%x2).</summary>
    Binary = 0x2,

    /// <summary>Close control frame (%x8).</summary>
    Close = 0x8,

    /// <summary>Ping control frame (%x9).</summary>
    Ping = 0x9,

    /// <summary>Pong control frame (%xA).</summary>
    Pong = 0xA,
}
