using Relay.WebSockets;

namespace Relay.Server.Connections;

// Liveness: a ping every PingInterval; a pong must follow within PongTimeout.
internal sealed partial class ConnectionReader
{
    private const string PingTimer = "ping";
    private const string PongTimer = "pong";

    private long _pingSentAt;

    private sealed record PingTick
    {
        public static readonly PingTick Instance = new();
    }

    private sealed record PongDeadline
    {
        public static readonly PongDeadline Instance = new();
    }

    private void StartPings() =>
        Timers.StartPeriodicTimer(PingTimer, PingTick.Instance, _runtime.Options.Connection.PingInterval);

    private void SendPing()
    {
        if (Timers.IsTimerActive(PongTimer))
            return;   // the previous ping's deadline is still running
        _pingSentAt = _runtime.Time.GetTimestamp();
        _ = _context.Connection.SendPingAsync().AsTask();
        Timers.StartSingleTimer(PongTimer, PongDeadline.Instance, _runtime.Options.Connection.PongTimeout);
    }

    private void CheckPong()
    {
        if (_context.Connection.LastPongTimestamp >= _pingSentAt)
            return;

        // RFC 6455 §5.5.2 obliges a pong, but a missing one is not a frame we received, so 1002 (protocol error) would
        // claim more than we know: the peer or the path to it may simply be gone. We close with 1001 "going away"
        // (§7.4.1: an endpoint going away), the code for an endpoint abandoning the connection; the close handshake is
        // itself bounded by CloseTimeout, after which TCP is dropped.
        _runtime.Metrics.PingTimedOut();
        CloseConnection(WebSocketCloseCode.GoingAway, "ping timeout: no pong received");
    }
}
