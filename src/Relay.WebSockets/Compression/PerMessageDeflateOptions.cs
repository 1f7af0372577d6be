using Relay.WebSockets.Internal;

namespace Relay.WebSockets.Compression;

/// <summary>
/// What this endpoint agrees to for permessage-deflate (RFC 7692). A server applies it to the client's offers;
/// a client turns it into its offer. Outbound compression only applies to messages of at least
/// <see cref="WebSocketConnectionOptions.CompressionThreshold"/> bytes.
/// </summary>
public sealed class PerMessageDeflateOptions
{
    /// <summary>Largest LZ77 window (log2) the server side compresses with. Default 15, DEFLATE's maximum (RFC 1951).</summary>
    public int ServerMaxWindowBits { get; init; } = 15;

    /// <summary>
    /// Largest window (log2) the client may compress with. A server sends it as client_max_window_bits when the
    /// client offered that parameter (RFC 7692 §7.1.2.2). Default 15: the best ratio, and what every client supports.
    /// </summary>
    public int ClientMaxWindowBits { get; init; } = 15;

    /// <summary>
    /// The server compresses every message independently (server_no_context_takeover, RFC 7692 §7.1.1.1).
    /// Default true: with no context to keep, a deflater (~256 KiB of zlib state at 15 bits) is rented from a
    /// shared pool for one message instead of living as long as each connection, which 10,000 connections
    /// could not afford. A server may always announce it, even unasked (§7.1.1.1).
    /// </summary>
    public bool ServerNoContextTakeover { get; init; } = true;

    /// <summary>
    /// Ask the client to compress every message independently (client_no_context_takeover, §7.1.1.2), so the
    /// server needs no per-connection inflater between messages. Default false: clients' messages keep their
    /// better ratio, at 32 KiB of inflate window per compressing connection.
    /// </summary>
    public bool ClientNoContextTakeover { get; init; }

    /// <summary>zlib compression level 1-9. Default 6, zlib's own default and what browsers and npm ws use.</summary>
    public int CompressionLevel { get; init; } = 6;

    /// <summary>zlib memLevel 1-9 (hash table size). Default 8, zlib's default.</summary>
    public int MemoryLevel { get; init; } = 8;

    internal void Validate()
    {
        if (ServerMaxWindowBits is < 8 or > 15)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(ServerMaxWindowBits));
        if (ClientMaxWindowBits is < 8 or > 15)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(ClientMaxWindowBits));
        if (CompressionLevel is < 1 or > 9)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(CompressionLevel));
        if (MemoryLevel is < 1 or > 9)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(MemoryLevel));
    }
}
