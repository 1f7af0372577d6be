namespace Relay.Actors;

/// <summary>Creates actors: the system (top-level actors) and an actor's context (children).</summary>
public interface IActorRefFactory
{
    /// <summary>
    /// Creates and starts an actor. The call returns at once; the actor is constructed on its own thread
    /// before it processes any message, so messages sent right away are not lost.
    /// </summary>
    /// <param name="props">The recipe.</param>
    /// <param name="name">A unique name among siblings, or <see langword="null"/> for an anonymous <c>$…</c> name.</param>
    /// <returns>The new actor's reference.</returns>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    /// <exception cref="ConfigurationException">The props name an unknown dispatcher or mailbox.</exception>
    IActorRef ActorOf(Props props, string? name = null);
}
