using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Relay.Actors.Hosting;

/// <summary>Adds an actor system to a host (Akka.Hosting's <c>AddAkka</c>).</summary>
public static class ActorSystemServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="ActorSystem"/> (with the host's <see cref="ILoggerFactory"/>,
    /// <see cref="IMeterFactory"/> and <see cref="TimeProvider"/>), its <see cref="ActorRegistry"/>,
    /// <see cref="IRequiredActor{TKey}"/>, and a hosted service that runs the starters when the host
    /// starts, runs <see cref="CoordinatedShutdown"/> when the host stops (SIGTERM, Ctrl-C), and stops the
    /// application if the actor system terminates on its own.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The actor system's name.</param>
    /// <param name="configure">Configures the system.</param>
    public static IServiceCollection AddActorSystem(this IServiceCollection services, string name,
        Action<ActorSystemBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddActorSystem(name, (builder, _) => configure(builder));
    }

    /// <summary>Like <see cref="AddActorSystem(IServiceCollection, string, Action{ActorSystemBuilder})"/>, with
    /// the service provider available while configuring.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The actor system's name.</param>
    /// <param name="configure">Configures the system.</param>
    public static IServiceCollection AddActorSystem(this IServiceCollection services, string name,
        Action<ActorSystemBuilder, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddSingleton(sp =>
        {
            var builder = new ActorSystemBuilder(name);
            configure(builder, sp);
            return builder;
        });
        services.AddSingleton(sp =>
        {
            var builder = sp.GetRequiredService<ActorSystemBuilder>();
            var settings = builder.BuildSettings(ActorSystemSettings.Default with
            {
                LoggerFactory = sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                MeterFactory = sp.GetService<IMeterFactory>(),
                TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System,
            });
            return ActorSystem.Create(builder.Name, settings);
        });
        services.AddSingleton(sp => ActorRegistry.For(sp.GetRequiredService<ActorSystem>()));
        services.AddSingleton<IActorRegistry>(sp => sp.GetRequiredService<ActorRegistry>());
        services.AddSingleton<IReadOnlyActorRegistry>(sp => sp.GetRequiredService<ActorRegistry>());
        services.AddSingleton<IDependencyResolver>(sp => new ServiceProviderDependencyResolver(sp));
        services.TryAddSingleton(typeof(IRequiredActor<>), typeof(RequiredActor<>));
        services.AddSingleton<IHostedService, ActorSystemHostedService>();
        return services;
    }
}
