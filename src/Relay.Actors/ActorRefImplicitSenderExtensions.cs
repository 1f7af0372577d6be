using Relay.Actors.Internal;

namespace Relay.Actors;

/// <summary>
/// <c>Tell</c> without a sender and <c>Forward</c> (Akka.NET's names). The implicit sender is the actor
/// whose message is being processed on this thread, else the TestKit's test actor in a test, else none.
/// </summary>
public static class ActorRefImplicitSenderExtensions
{
    /// <summary>Sends <paramref name="message"/> with the implicit sender.</summary>
    /// <param name="receiver">The recipient.</param>
    /// <param name="message">The message.</param>
    public static void Tell(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ImplicitSender.Current);
    }

    /// <summary>Sends <paramref name="message"/> keeping the current message's sender (inside an actor).</summary>
    /// <param name="receiver">The recipient.</param>
    /// <param name="message">The message.</param>
    public static void Forward(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var cell = ActorCell.Current;
        receiver.Tell(message, cell is null ? ImplicitSender.Current : cell.CurrentSenderOrNull);
    }
}
