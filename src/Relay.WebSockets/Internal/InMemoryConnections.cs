using System.IO.Pipelines;
using Relay.WebSockets.Compression;

namespace Relay.WebSockets.Internal;

/// <summary>A server and a client connection wired to each other in memory, as if a handshake had agreed on the given compression.</summary>
internal static class InMemoryConnections
{
    public static (WebSocketConnection Server, WebSocketConnection Client) CreatePair(WebSocketConnectionOptions? options = null,
        PerMessageDeflateParameters? deflate = null, IWebSocketObserver? serverObserver = null, IWebSocketObserver? clientObserver = null,
        TimeProvider? time = null, PipeScheduler? scheduler = null)
    {
        options ??= WebSocketConnectionOptions.Default;
        var (serverEnd, clientEnd) = InMemoryDuplexStream.CreatePair(scheduler);
        var server = new WebSocketConnection(new StreamTransport(serverEnd, waitsForPeerToCloseFirst: false), isServer: true,
            options, deflate, subProtocol: null, serverObserver, time);
        var client = new WebSocketConnection(new StreamTransport(clientEnd, waitsForPeerToCloseFirst: true), isServer: false,
            options, deflate, subProtocol: null, clientObserver, time);
        return (server, client);
    }
}
