using Relay.WebSockets;

namespace Relay.Server.Connections;

// Liveness: every connection gets a ping PingInterval after its last one (the first, PingInterval after it opened);
// its pong must follow within PongTimeout, else the connection is closed with 1001.
//
// One periodic sweep over the open connections does this for all of them, instead of two timers per connection: an
// idle connection then carries only two fields for its liveness (ConnectionContext.PingSentAt and Liveness), which
// matters at tens of thousands of idle connections. Pings stay spread out, since each is due relative to its own
// connection's opening. A sweep over 10,000 connections reads two fields of each and costs well under a millisecond.
internal sealed partial class ConnectionsSupervisor
{
    private const string SweepTimer = "liveness";

    // The sweep's period bounds how late a ping or a timeout can be: a tenth of the shorter setting keeps that error
    // within 10%, at most one second (the defaults, 55 s and 30 s), and no more often than every 10 ms.
    private static readonly TimeSpan MaxSweepPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinSweepPeriod = TimeSpan.FromMilliseconds(10);

    private sealed record LivenessSweep
    {
        public static readonly LivenessSweep Instance = new();
    }

    private void StartLivenessSweeps()
    {
        var options = runtime.Options.Connection;
        var shorter = options.PingInterval < options.PongTimeout ? options.PingInterval : options.PongTimeout;
        var period = Math.Clamp(shorter.Ticks / 10, MinSweepPeriod.Ticks, MaxSweepPeriod.Ticks);
        Timers.StartPeriodicTimer(SweepTimer, LivenessSweep.Instance, TimeSpan.FromTicks(period));
    }

    private void SweepLiveness()
    {
        var time = runtime.Time;
        var now = time.GetTimestamp();
        var pingInterval = (long)(runtime.Options.Connection.PingInterval.TotalSeconds * time.TimestampFrequency);
        var pongTimeout = (long)(runtime.Options.Connection.PongTimeout.TotalSeconds * time.TimestampFrequency);
        foreach (var connection in runtime.Connections.Open)
        {
            var socket = connection.Connection;
            if (socket.IsClosed)
                continue;

            switch (connection.Liveness)
            {
                case Liveness.AwaitingPong when socket.LastPongTimestamp >= connection.PingSentAt:
                    connection.Liveness = Liveness.Idle;
                    break;
                case Liveness.AwaitingPong:
                    if (now - connection.PingSentAt >= pongTimeout)
                        TimeOut(connection);
                    continue;
                case Liveness.TimedOut:
                    continue;
            }

            if (now - connection.PingSentAt < pingInterval)
                continue;
            connection.PingSentAt = now;
            connection.Liveness = Liveness.AwaitingPong;
            _ = socket.SendPingAsync().AsTask();
        }
    }

    private void TimeOut(ConnectionContext connection)
    {
        // RFC 6455 §5.5.2 obliges a pong, but a missing one is not a frame we received, so 1002 (protocol error) would
        // claim more than we know: the peer or the path to it may simply be gone. We close with 1001 "going away"
        // (§7.4.1: an endpoint going away), the code for an endpoint abandoning the connection; the close handshake is
        // itself bounded by CloseTimeout, after which TCP is dropped.
        connection.Liveness = Liveness.TimedOut;
        runtime.Metrics.PingTimedOut();
        _ = connection.Connection.CloseAsync(WebSocketCloseCode.GoingAway, "ping timeout: no pong received");
    }
}
