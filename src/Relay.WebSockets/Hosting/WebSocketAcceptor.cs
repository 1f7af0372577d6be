using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Relay.WebSockets.Handshake;
using Relay.WebSockets.Hosting.Internal;

namespace Relay.WebSockets.Hosting;

/// <summary>
/// The ASP.NET Core entry point: validates an upgrade request on an <see cref="HttpContext"/>, answers it
/// (101 or the error status from <see cref="HandshakeErrors.ToStatusCode"/>) and yields a
/// <see cref="WebSocketConnection"/>. Kestrel only parses HTTP and carries bytes; the handshake decision, its
/// headers and everything after the 101 are ours.
/// </summary>
/// <remarks>
/// Composable: a caller decides what happens before (rate limits, 503, NIP-11 documents for plain GETs, using
/// <see cref="IsWebSocketUpgradeRequest"/>) and after (its own session loop). Thread-safe; one instance serves
/// every request of an endpoint.
/// </remarks>
public sealed class WebSocketAcceptor
{
    private readonly WebSocketServerOptions _options;

    /// <summary>Creates an acceptor; throws when the options are invalid.</summary>
    public WebSocketAcceptor(WebSocketServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The endpoint's options.</summary>
    public WebSocketServerOptions Options => _options;

    /// <summary>
    /// Cheap routing test: the request asks to upgrade to websocket (any method, any other header). Such a request
    /// should go to <see cref="AcceptAsync"/>, which validates the rest and answers errors itself.
    /// </summary>
    public static bool IsWebSocketUpgradeRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HandshakeValidator.HasWebSocketUpgrade(context.Request);
    }

    /// <summary>Validates the request without answering it.</summary>
    public HandshakeError Validate(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HandshakeValidator.Validate(context.Request, _options, out _);
    }

    /// <summary>
    /// Validates and answers the opening handshake. On success the 101 response is sent and the open connection
    /// returned; the caller must keep this request running until <see cref="WebSocketConnection.Completion"/>
    /// completes, then end it promptly (that closes TCP) and dispose the connection.
    /// </summary>
    /// <returns>The connection, or null when the request was refused (the error response has been written).</returns>
    public async ValueTask<WebSocketConnection?> AcceptAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        WebSocketHandshakeTimeout.MarkRequestReceived(context);

        var error = HandshakeValidator.Validate(context.Request, _options, out var answer);
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (error == HandshakeError.None && upgrade is not { IsUpgradableRequest: true })
            error = HandshakeError.UpgradeUnavailable;
        if (error != HandshakeError.None)
        {
            await RejectAsync(context, error).ConfigureAwait(false);
            return null;
        }

        // RFC 6455 §4.2.2 item 5. Kestrel writes the status line and adds "Connection: Upgrade".
        var headers = context.Response.Headers;
        headers.Upgrade = "websocket";
        headers.SecWebSocketAccept = WebSocketHandshake.ComputeAcceptKey(answer.Key);
        if (answer.SubProtocol is not null)
            headers.SecWebSocketProtocol = answer.SubProtocol;
        if (answer.ExtensionsHeader is not null)
            headers.SecWebSocketExtensions = answer.ExtensionsHeader;

        var stream = await upgrade!.UpgradeAsync().ConfigureAwait(false);
        var connection = new WebSocketConnection(new KestrelTransport(context, stream), isServer: true, _options.Connection,
            answer.Deflate, answer.SubProtocol, _options.Observer, _options.TimeProvider);
        _options.Observer.ConnectionOpened(connection);
        return connection;
    }

    /// <summary>
    /// Accepts the request and runs <paramref name="session"/> on the connection. When the session returns the
    /// connection is closed normally (1000) if still open, or with 1011 if the session threw; the request ends
    /// only once the connection has.
    /// </summary>
    public async Task HandleAsync(HttpContext context, Func<WebSocketConnection, Task> session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var connection = await AcceptAsync(context).ConfigureAwait(false);
        if (connection is null)
            return;
        await using (connection.ConfigureAwait(false))
        {
            var code = WebSocketCloseCode.NormalClosure;
            try
            {
                await session(connection).ConfigureAwait(false);
            }
            catch
            {
                code = WebSocketCloseCode.InternalServerError;
                throw;
            }
            finally
            {
                if (!connection.IsClosed)
                    await connection.CloseAsync(code).ConfigureAwait(false);
            }
        }
    }

    private async Task RejectAsync(HttpContext context, HandshakeError error)
    {
        var status = HandshakeErrors.ToStatusCode(error);
        var response = context.Response;
        response.StatusCode = status;
        if (error == HandshakeError.MethodNotAllowed)
            response.Headers.Allow = "GET";
        if (error == HandshakeError.UnsupportedVersion)
            response.Headers.SecWebSocketVersion = WebSocketHandshake.SupportedVersion;
        response.ContentType = "text/plain; charset=utf-8";
        _options.Observer.HandshakeFailed(error, status, RemoteEndPoint(context));
        await response.WriteAsync(DescribeError(error), context.RequestAborted).ConfigureAwait(false);
    }

    private static string DescribeError(HandshakeError error) => error switch
    {
        HandshakeError.PathNotFound => "Not found.\n",
        HandshakeError.MethodNotAllowed => "WebSocket handshakes use GET.\n",
        HandshakeError.UnsupportedVersion => "Unsupported Sec-WebSocket-Version; this server speaks 13.\n",
        HandshakeError.OriginNotAllowed => "Origin not allowed.\n",
        _ => $"Bad WebSocket handshake: {error}.\n",
    };

    private static IPEndPoint? RemoteEndPoint(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address ? new IPEndPoint(address, context.Connection.RemotePort) : null;
}
