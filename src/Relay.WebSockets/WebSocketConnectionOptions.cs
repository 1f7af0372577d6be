using Relay.WebSockets.Compression;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets;

/// <summary>Limits and protocol options of a connection, shared by servers and clients. Immutable once built.</summary>
public sealed class WebSocketConnectionOptions
{
    /// <summary>The defaults below.</summary>
    public static WebSocketConnectionOptions Default { get; } = new();

    /// <summary>
    /// Largest frame payload accepted (1009 otherwise). Default 1 MiB, the same as <see cref="MaxMessageSize"/>:
    /// messages are buffered whole, so a frame can never usefully be larger than a message.
    /// </summary>
    public int MaxFrameSize { get; init; } = 1 << 20;

    /// <summary>
    /// Largest message accepted, after decompression (1009 otherwise, decided from the frame header before the
    /// payload is buffered). Default 1 MiB: Nostr's largest ordinary events (long-form articles, follow lists of a
    /// few thousand keys) stay under a few hundred KiB, and the bound caps what one client can make us buffer.
    /// The relay lowers it to its NIP-11 <c>max_message_length</c>.
    /// </summary>
    public int MaxMessageSize { get; init; } = 1 << 20;

    /// <summary>
    /// Time a client has from opening TCP to completing its upgrade request. Default 10 s: a handshake is one
    /// round trip, so even a slow mobile link needs well under a second; 10 s still cuts idle sockets (slowloris)
    /// three times sooner than Kestrel's 30 s RequestHeadersTimeout. Enforced by the Kestrel connection middleware
    /// (<c>UseWebSocketHandshakeTimeout</c>) on servers and by <c>WebSocketClient</c> for connect + handshake.
    /// </summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long we wait for the peer's close frame after sending ours (and, as a client, for the server to close
    /// TCP) before aborting. Default 5 s: answering a close frame is one round trip; waiting longer only keeps
    /// sockets of dead peers open.
    /// </summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Most bytes that may wait to be sent (queued plus in flight). A write beyond it is refused, reported to the
    /// observer and the connection is closed with 1008. Default 4 MiB: a few seconds of a busy subscription for a
    /// client on a slow link, while 10,000 connections cannot pin more than 40 GiB even in the worst case; a
    /// client that falls further behind is better closed than buffered without bound.
    /// </summary>
    public long MaxPendingOutboundBytes { get; init; } = 4L << 20;

    /// <summary>
    /// Outgoing messages shorter than this are sent uncompressed even when permessage-deflate is negotiated
    /// (RFC 7692 §6 lets each message choose). Default 256 bytes: below that DEFLATE's block overhead and the
    /// cost of a zlib call outweigh the few bytes saved (a Nostr OK or EOSE is ~100 bytes; an event ~500+).
    /// </summary>
    public int CompressionThreshold { get; init; } = 256;

    /// <summary>permessage-deflate configuration; null disables the extension. Default: enabled with <see cref="PerMessageDeflateOptions"/> defaults.</summary>
    public PerMessageDeflateOptions? PerMessageDeflate { get; init; } = new();

    /// <summary>Throws when a value is out of range: configuration errors surface at startup, not per connection.</summary>
    public void Validate()
    {
        if (MaxFrameSize is < 125 or > 1 << 30)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(MaxFrameSize)); // must at least hold a control frame
        // Messages are buffered in one array; 1 GiB is the largest the shared array pool serves.
        if (MaxMessageSize is < 125 or > 1 << 30)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(MaxMessageSize));
        if (HandshakeTimeout <= TimeSpan.Zero)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(HandshakeTimeout));
        if (CloseTimeout <= TimeSpan.Zero)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(CloseTimeout));
        if (MaxPendingOutboundBytes < 1024)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(MaxPendingOutboundBytes));
        if (CompressionThreshold < 0)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(CompressionThreshold));
        PerMessageDeflate?.Validate();
    }
}
