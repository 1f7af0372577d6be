namespace Relay.Actors.Hosting;

/// <summary>
/// Dependency injection for actor factories (Akka.DependencyInjection's resolver, the subset the relay
/// needs). Services come from the root provider: inject singletons or factories, not scoped services.
/// </summary>
public interface IDependencyResolver
{
    /// <summary>The service provider.</summary>
    IServiceProvider Services { get; }

    /// <summary>A service, or <see langword="null"/>.</summary>
    /// <param name="type">The service type.</param>
    object? GetService(Type type);

    /// <summary>A service, or <see langword="null"/>.</summary>
    /// <typeparam name="T">The service type.</typeparam>
    T? GetService<T>();

    /// <summary>
    /// Props that build <typeparamref name="TActor"/> with constructor parameters from the container,
    /// <paramref name="args"/> filling the others (ActivatorUtilities rules), for every (re)start.
    /// </summary>
    /// <typeparam name="TActor">The actor class.</typeparam>
    /// <param name="args">Extra constructor arguments.</param>
    Props Props<TActor>(params object[] args) where TActor : ActorBase;
}
