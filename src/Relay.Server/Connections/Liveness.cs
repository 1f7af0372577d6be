namespace Relay.Server.Connections;

/// <summary>Where a connection stands in the ping/pong cycle (see <see cref="ConnectionsSupervisor"/>).</summary>
internal enum Liveness
{
    /// <summary>No ping outstanding: the next one is due <c>PingInterval</c> after the last.</summary>
    Idle,

    /// <summary>A ping was sent and its pong has not arrived yet.</summary>
    AwaitingPong,

    /// <summary>The pong did not come within <c>PongTimeout</c>: the connection is being closed.</summary>
    TimedOut,
}
