using System.Net;
using Relay.Actors;
using Relay.Server.Diagnostics;
using Relay.Server.Hosting;
using Relay.WebSockets;
using Relay.WebSockets.Hosting;

namespace Relay.Server.Connections;

/// <summary>
/// The WebSocket endpoint: accepts an upgrade, starts the connection's reader and writer actors, and keeps the request
/// running until the connection has ended (ending the request is what closes TCP).
/// </summary>
/// <remarks>
/// Seams for the HTTP perimeter (src/Relay.Server/Http): <see cref="ClientAddress"/> is the one function that names the
/// client's address (swap in the X-Forwarded-For resolver); <see cref="HandleAsync"/> takes the admission lease granted
/// before the upgrade and disposes it when the connection ends. Thread-safe; one instance serves every request.
/// </remarks>
internal sealed class RelayEndpoint(RelayRuntime runtime, WebSocketAcceptor acceptor, ILogger logger)
{
    // A reader stops within a message or two of its connection's end; one that has not after this is stuck or was never
    // created (the actor system had terminated).
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The client's address for rate limits and logs. Default: the TCP peer.</summary>
    public Func<HttpContext, IPAddress> ClientAddress { get; set; } = static context => context.Connection.RemoteIpAddress ?? IPAddress.None;

    public WebSocketAcceptor Acceptor => acceptor;

    /// <summary>Serves one upgrade request until its connection ends.</summary>
    /// <param name="context">The request.</param>
    /// <param name="admissionLease">The perimeter's admission (per-IP/global connection count), released when the connection ends.</param>
    public async Task HandleAsync(HttpContext context, IDisposable? admissionLease = null)
    {
        using var lease = admissionLease;
        if (runtime.Connections.IsDraining)
        {
            runtime.Metrics.ConnectionRefused(ConnectionRefusal.ShuttingDown);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            return;
        }

        var address = ClientAddress(context);
        var connection = await acceptor.AcceptAsync(context).ConfigureAwait(false);
        if (connection is null)
            return;

        // Nothing reads the request's headers after the handshake (the address was resolved above), but Kestrel keeps
        // the request, and so its header strings, for as long as the connection lives.
        context.Request.Headers.Clear();
        await using (connection.ConfigureAwait(false))
        {
            var state = new ConnectionContext(runtime, runtime.Connections.NextId(), address, connection,
                runtime.RateLimiter.ForConnection(address), runtime.Time.GetTimestamp());
            runtime.Connections.Add(state);
            try
            {
                // Shutdown may have taken its snapshot of open connections between the check above and Add: close this
                // one like the others (RFC 6455 §7.4.1: 1001, the server is going away).
                if (runtime.Connections.IsDraining)
                    _ = connection.CloseAsync(WebSocketCloseCode.GoingAway, ConnectionRegistry.ShutdownReason);

                // Told, not asked: the endpoint needs no reply, and an ask per connection would cost a temporary actor,
                // a timer and its timeout message on every handshake.
                runtime.ConnectionsSupervisor.Tell(new ConnectionsSupervisor.Open(state));
                await connection.Completion.ConfigureAwait(false);
                // The reader sees the end on its next receive and stops itself, which completes Stopped. Bounded: if
                // the actor system had already terminated, no reader was created and nothing will complete it.
                try
                {
                    await state.Stopped.Task.WaitAsync(StopTimeout, runtime.Time).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    RelayLog.ConnectionActorsDidNotStop(logger, state.Id);
                }
            }
            finally
            {
                runtime.Connections.Remove(state.Id);
            }
        }
    }
}
