namespace Relay.Actors.Hosting;

/// <summary>
/// Injects the actor registered under <typeparamref name="TKey"/> in the <see cref="ActorRegistry"/>
/// (Akka.Hosting's interface): <c>public MyService(IRequiredActor&lt;WriterActor&gt; writer)</c>.
/// </summary>
/// <typeparam name="TKey">The registry key (usually the actor class).</typeparam>
public interface IRequiredActor<TKey>
{
    /// <summary>The actor.</summary>
    /// <exception cref="MissingActorRegistryEntryException">Nothing was registered (yet) under the key.</exception>
    IActorRef ActorRef { get; }

    /// <summary>The actor, waiting until it is registered (startup runs concurrently with other services).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<IActorRef> GetAsync(CancellationToken cancellationToken = default);
}
