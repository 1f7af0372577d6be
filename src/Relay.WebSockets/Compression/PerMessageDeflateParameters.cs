using System.Text;

namespace Relay.WebSockets.Compression;

/// <summary>The permessage-deflate configuration both ends agreed to in the handshake (RFC 7692 §7.1).</summary>
/// <param name="ServerNoContextTakeover">The server compresses each message independently.</param>
/// <param name="ClientNoContextTakeover">The client compresses each message independently.</param>
/// <param name="ServerMaxWindowBits">Largest window (log2) the server compresses with, 8-15.</param>
/// <param name="ClientMaxWindowBits">Largest window (log2) the client compresses with, 8-15.</param>
public readonly record struct PerMessageDeflateParameters(
    bool ServerNoContextTakeover, bool ClientNoContextTakeover, int ServerMaxWindowBits, int ClientMaxWindowBits)
{
    /// <summary>The extension's registered name (RFC 7692 §7).</summary>
    public const string ExtensionName = "permessage-deflate";

    /// <summary>
    /// The response header value a server sends; <paramref name="sendServerWindow"/> and <paramref name="sendClientWindow"/>
    /// say whether the window parameters are included (each only where the offer allows it).
    /// </summary>
    internal string ToResponseHeader(bool sendServerWindow, bool sendClientWindow)
    {
        var builder = new StringBuilder(ExtensionName);
        if (ServerNoContextTakeover)
            builder.Append("; server_no_context_takeover");
        if (ClientNoContextTakeover)
            builder.Append("; client_no_context_takeover");
        if (sendServerWindow)
            builder.Append("; server_max_window_bits=").Append(ServerMaxWindowBits);
        if (sendClientWindow)
            builder.Append("; client_max_window_bits=").Append(ClientMaxWindowBits);
        return builder.ToString();
    }
}
