using System.Net;

namespace Relay.WebSockets.Internal;

/// <summary>A transport that is just a stream (in-process pipes in tests and benchmarks): ending it disposes the stream.</summary>
internal sealed class StreamTransport(Stream stream, bool waitsForPeerToCloseFirst, EndPoint? remoteEndPoint = null) : WebSocketTransport
{
    public override Stream Stream => stream;

    public override EndPoint? RemoteEndPoint => remoteEndPoint;

    public override bool WaitsForPeerToCloseFirst => waitsForPeerToCloseFirst;

    public override void Abort() => stream.Dispose();

    public override ValueTask CloseAsync() => stream.DisposeAsync();
}
