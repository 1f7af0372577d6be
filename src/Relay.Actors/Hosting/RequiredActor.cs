namespace Relay.Actors.Hosting;

/// <summary>The injected <see cref="IRequiredActor{TKey}"/>: a view on the registry.</summary>
internal sealed class RequiredActor<TKey>(ActorRegistry registry) : IRequiredActor<TKey>
{
    public IActorRef ActorRef => registry.Get<TKey>();

    public Task<IActorRef> GetAsync(CancellationToken cancellationToken = default) =>
        registry.GetAsync<TKey>(cancellationToken);
}
