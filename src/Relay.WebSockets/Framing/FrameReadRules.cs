namespace Relay.WebSockets.Framing;

/// <summary>What a receiving endpoint accepts in frame headers: its role, negotiated extensions and limits.</summary>
/// <param name="ExpectMasked">True for a server (client frames must be masked), false for a client (server frames must not be).</param>
/// <param name="AllowedReservedBits">RSV bits a negotiated extension defines: <see cref="FrameHeader.Rsv1"/> with permessage-deflate, else 0.</param>
/// <param name="MaxFrameSize">Largest frame payload accepted; larger is <see cref="FrameError.FrameTooBig"/>.</param>
/// <param name="MaxMessageSize">Largest message accepted; a header that would exceed it is <see cref="FrameError.MessageTooBig"/>.</param>
public readonly record struct FrameReadRules(bool ExpectMasked, byte AllowedReservedBits, long MaxFrameSize, long MaxMessageSize)
{
    /// <summary>
    /// Rules that accept any header whose length can be decoded: used while waiting for the peer's close frame
    /// after we failed the connection, when only the frame boundaries matter.
    /// </summary>
    public static FrameReadRules Lenient { get; } =
        new(ExpectMasked: false, AllowedReservedBits: 0x70, long.MaxValue, long.MaxValue) { IsLenient = true };

    /// <summary>When true only the payload length is checked (see <see cref="Lenient"/>).</summary>
    public bool IsLenient { get; init; }
}
