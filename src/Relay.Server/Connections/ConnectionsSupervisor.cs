using Relay.Actors;
using Relay.Server.Hosting;

namespace Relay.Server.Connections;

/// <summary>
/// Parent of every connection's reader (and, through it, writer). Its strategy stops a failed connection and never
/// restarts it: the client reconnects, and no other connection is touched. It also enforces liveness for all of them
/// (pings and pong deadlines, <c>ConnectionsSupervisor.Liveness.cs</c>).
/// </summary>
internal sealed partial class ConnectionsSupervisor(RelayRuntime runtime) : UntypedActor, IWithTimers
{
    /// <summary>Create the actors of a new connection; its <see cref="ConnectionContext.Stopped"/> completes once its
    /// reader has stopped.</summary>
    public sealed record Open(ConnectionContext Context);

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(RelayRuntime runtime) => Actors.Props.Create(() => new ConnectionsSupervisor(runtime));

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart() => StartLivenessSweeps();

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Open open:
                Context.ActorOf(ConnectionReader.Props(open.Context), $"c{open.Context.Id}");
                break;
            case LivenessSweep:
                SweepLiveness();
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
