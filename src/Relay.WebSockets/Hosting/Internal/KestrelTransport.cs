using System.Net;
using Microsoft.AspNetCore.Http;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets.Hosting.Internal;

/// <summary>The upgraded stream of a Kestrel request. Ending the request closes TCP, which is how the server closes first.</summary>
internal sealed class KestrelTransport(HttpContext context, Stream stream) : WebSocketTransport
{
    private readonly EndPoint? _remoteEndPoint = context.Connection.RemoteIpAddress is { } address
        ? new IPEndPoint(address, context.Connection.RemotePort)
        : null;

    public override Stream Stream => stream;

    public override EndPoint? RemoteEndPoint => _remoteEndPoint;

    public override bool WaitsForPeerToCloseFirst => false;

    public override void Abort() => context.Abort();

    // Nothing to do: the request delegate returns once Completion is set, and Kestrel then flushes our close
    // frame and closes the socket (aborting here could drop the close frame still in Kestrel's output pipe).
    public override ValueTask CloseAsync() => ValueTask.CompletedTask;
}
