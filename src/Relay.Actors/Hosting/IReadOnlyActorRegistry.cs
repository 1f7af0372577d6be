using System.Diagnostics.CodeAnalysis;

namespace Relay.Actors.Hosting;

/// <summary>Looks up actors registered at startup (Akka.Hosting's interface).</summary>
public interface IReadOnlyActorRegistry
{
    /// <summary>The actor registered under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <exception cref="MissingActorRegistryEntryException">Nothing is registered under the key.</exception>
    IActorRef Get<TKey>();

    /// <summary>Looks up the actor registered under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <param name="actor">The actor, when found.</param>
    bool TryGet<TKey>([NotNullWhen(true)] out IActorRef? actor);

    /// <summary>Looks up the actor registered under <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="actor">The actor, when found.</param>
    bool TryGet(Type key, [NotNullWhen(true)] out IActorRef? actor);

    /// <summary>The actor registered under <typeparamref name="TKey"/>, waiting for the registration.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<IActorRef> GetAsync<TKey>(CancellationToken cancellationToken = default);
}
