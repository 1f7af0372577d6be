namespace Relay.Actors.Tests.Support;

/// <summary>Creates a child from each Props it receives (or a (Props, name) pair) and replies with its
/// reference; applies the given strategy to its children.</summary>
public sealed class Supervisor(SupervisorStrategy strategy) : UntypedActor
{
    public sealed record Create(Props Props, string Name);

    protected override SupervisorStrategy SupervisorStrategy() => strategy;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Props props:
                Sender.Tell(Context.ActorOf(props));
                break;
            case Create create:
                Sender.Tell(Context.ActorOf(create.Props, create.Name));
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
