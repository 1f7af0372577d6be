using System.Threading.Channels;

namespace Relay.Actors.TestKit.Internal;

/// <summary>
/// The actor behind <c>TestActor</c> and every probe: it queues everything it receives (Terminated
/// included) for the test to assert on, and carries out watch requests.
/// </summary>
internal sealed class TestActor(ChannelWriter<Envelope> queue) : ActorBase
{
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchRequest watch:
                Context.Watch(watch.Actor);
                break;
            case UnwatchRequest unwatch:
                Context.Unwatch(unwatch.Actor);
                break;
            default:
                queue.TryWrite(new Envelope(message, Sender));
                break;
        }
        return true;
    }

    internal sealed record WatchRequest(IActorRef Actor);

    internal sealed record UnwatchRequest(IActorRef Actor);
}
