using Microsoft.Extensions.DependencyInjection;

namespace Relay.Actors.Hosting;

/// <summary>The <see cref="IDependencyResolver"/> over the host's root <see cref="IServiceProvider"/>.</summary>
internal sealed class ServiceProviderDependencyResolver(IServiceProvider services) : IDependencyResolver
{
    public IServiceProvider Services { get; } = services;

    public object? GetService(Type type) => Services.GetService(type);

    public T? GetService<T>() => Services.GetService<T>();

    public Props Props<TActor>(params object[] args) where TActor : ActorBase =>
        Actors.Props.Create(() => ActivatorUtilities.CreateInstance<TActor>(Services, args));
}
