using System.Net;
using System.Net.Sockets;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets.Client.Internal;

/// <summary>A client's own TCP socket; <paramref name="stream"/> owns it.</summary>
internal sealed class SocketTransport(Socket socket, NetworkStream stream) : WebSocketTransport
{
    private readonly EndPoint? _remoteEndPoint = socket.RemoteEndPoint;

    public override Stream Stream => stream;

    public override EndPoint? RemoteEndPoint => _remoteEndPoint;

    public override bool WaitsForPeerToCloseFirst => true;

    public override void Abort()
    {
        try
        {
            // Reset rather than linger: the peer is unresponsive or we are tearing down.
            socket.LingerState = new LingerOption(enable: true, seconds: 0);
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }

        stream.Dispose();
    }

    public override ValueTask CloseAsync() => stream.DisposeAsync();
}
