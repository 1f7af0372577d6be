using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Relay.WebSockets.Hosting.Internal;

namespace Relay.WebSockets.Hosting;

/// <summary>
/// The handshake timeout (<see cref="WebSocketConnectionOptions.HandshakeTimeout"/>): a client that opens TCP and does not
/// complete a request in time is dropped and reported through <see cref="IWebSocketObserver.HandshakeTimedOut"/>.
/// </summary>
/// <remarks>
/// Kestrel parses HTTP, so the deadline has two halves. A Kestrel connection middleware
/// (<see cref="UseWebSocketHandshakeTimeout(ListenOptions, WebSocketServerOptions)"/>) starts a timer when TCP is
/// accepted and aborts the connection when it fires; the HTTP side stops it as soon as a parsed request reaches
/// the application (<see cref="MarkRequestReceived"/>, called by <see cref="WebSocketAcceptor"/> and by the
/// <see cref="UseWebSocketHandshakeTimeout(IApplicationBuilder)"/> middleware for other requests such as NIP-11).
/// Kestrel's own limits are coarser: an idle new connection falls under KeepAliveTimeout (130 s) and a partial
/// request under RequestHeadersTimeout (30 s), and neither is observable.
/// </remarks>
public static class WebSocketHandshakeTimeout
{
    /// <summary>Adds the handshake deadline to every connection accepted on this Kestrel endpoint.</summary>
    public static ListenOptions UseWebSocketHandshakeTimeout(this ListenOptions listenOptions, WebSocketServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // Not an async wrapper: it would stay suspended for the connection's whole life (hours for a WebSocket) only to
        // end a deadline that is over within seconds anyway (see HandshakeTracker).
        listenOptions.Use(next => connection =>
        {
            HandshakeTracker.Start(connection, options);
            return next(connection);
        });
        return listenOptions;
    }

    /// <summary>
    /// Marks every request as received before the rest of the pipeline runs. Put it first when the endpoint also
    /// serves plain HTTP (NIP-11): otherwise only requests that reach <see cref="WebSocketAcceptor"/> stop the timer.
    /// </summary>
    public static IApplicationBuilder UseWebSocketHandshakeTimeout(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            MarkRequestReceived(context);
            return next(context);
        });
    }

    /// <summary>Stops the handshake deadline of the request's connection (no effect without the connection middleware).</summary>
    public static void MarkRequestReceived(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        HandshakeTracker.MarkRequestReceived(context.Connection.Id);
    }
}
