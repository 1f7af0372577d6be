namespace Relay.Actors.Hosting;

/// <summary>Registers actors by key at startup (Akka.Hosting's interface).</summary>
public interface IActorRegistry : IReadOnlyActorRegistry
{
    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key (usually the actor class).</typeparam>
    /// <param name="actor">The actor.</param>
    /// <param name="overwrite">Replace an existing registration.</param>
    /// <exception cref="DuplicateActorRegistryException">The key is taken and <paramref name="overwrite"/> is false.</exception>
    void Register<TKey>(IActorRef actor, bool overwrite = false);

    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/> unless the key is taken.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <param name="actor">The actor.</param>
    /// <param name="overwrite">Replace an existing registration.</param>
    /// <returns>Whether it was registered.</returns>
    bool TryRegister<TKey>(IActorRef actor, bool overwrite = false);

    /// <summary>Registers <paramref name="actor"/> under <paramref name="key"/> unless the key is taken.</summary>
    /// <param name="key">The key.</param>
    /// <param name="actor">The actor.</param>
    /// <param name="overwrite">Replace an existing registration.</param>
    /// <returns>Whether it was registered.</returns>
    bool TryRegister(Type key, IActorRef actor, bool overwrite = false);
}
