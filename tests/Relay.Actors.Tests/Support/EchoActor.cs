namespace Relay.Actors.Tests.Support;

/// <summary>Replies every message to its sender.</summary>
public sealed class EchoActor : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(message);
}
