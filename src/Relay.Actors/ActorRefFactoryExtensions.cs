namespace Relay.Actors;

/// <summary>Shortcuts for <see cref="IActorRefFactory"/> (Akka.NET's).</summary>
public static class ActorRefFactoryExtensions
{
    /// <summary>Creates an actor with a parameterless constructor.</summary>
    /// <typeparam name="TActor">The actor class.</typeparam>
    /// <param name="factory">The system or a context.</param>
    /// <param name="name">Optional name.</param>
    public static IActorRef ActorOf<TActor>(this IActorRefFactory factory, string? name = null)
        where TActor : ActorBase, new()
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.ActorOf(Props.Create<TActor>(), name);
    }
}
