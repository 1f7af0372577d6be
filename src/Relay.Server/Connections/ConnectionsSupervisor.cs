using Relay.Actors;
using Relay.Server.Hosting;

namespace Relay.Server.Connections;

/// <summary>
/// Parent of every connection's reader (and, through it, writer). Its strategy stops a failed connection and never
/// restarts it: the client reconnects, and no other connection is touched.
/// </summary>
internal sealed class ConnectionsSupervisor(RelayRuntime runtime) : UntypedActor
{
    /// <summary>Create the actors of a new connection; the answer is the reader's ref.</summary>
    public sealed record Open(ConnectionContext Context, TaskCompletionSource Stopped);

    public static Props Props(RelayRuntime runtime) => Actors.Props.Create(() => new ConnectionsSupervisor(runtime));

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    protected override void OnReceive(object message)
    {
        if (message is not Open open)
        {
            Unhandled(message);
            return;
        }

        Sender.Tell(Context.ActorOf(ConnectionReader.Props(open.Context, runtime, open.Stopped), $"c{open.Context.Id}"));
    }
}
