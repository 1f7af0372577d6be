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
    // Creating two actors takes microseconds; a supervisor that cannot answer within this is broken, not busy.
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(10);

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

        await using (connection.ConfigureAwait(false))
        {
            var id = runtime.Connections.NextId();
            runtime.Connections.Add(id, connection);
            try
            {
                // Shutdown may have taken its snapshot of open connections between the check above and Add: close this
                // one like the others (RFC 6455 §7.4.1: 1001, the server is going away).
                if (runtime.Connections.IsDraining)
                    _ = connection.CloseAsync(WebSocketCloseCode.GoingAway, ConnectionRegistry.ShutdownReason);

                var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var state = new ConnectionContext(id, address, connection, runtime.RateLimiter.ForConnection(address));
                IActorRef reader;
                try
                {
                    reader = await runtime.ConnectionsSupervisor
                        .Ask<IActorRef>(new ConnectionsSupervisor.Open(state, stopped), OpenTimeout).ConfigureAwait(false);
                }
                catch (AskTimeoutException e)
                {
                    // Only while the actor system is terminating: nobody could serve this connection.
                    RelayLog.ConnectionStartFailed(logger, e);
                    await connection.CloseAsync(WebSocketCloseCode.TryAgainLater, "relay unavailable").ConfigureAwait(false);
                    return;
                }

                await connection.Completion.ConfigureAwait(false);
                // The reader sees the end on its next receive and stops itself; this only bounds the wait for it.
                reader.Tell(PoisonPill.Instance);
                await stopped.Task.WaitAsync(OpenTimeout).ConfigureAwait(false);
            }
            finally
            {
                runtime.Connections.Remove(id);
            }
        }
    }
}
