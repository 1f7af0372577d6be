namespace Relay.Actors.Hosting;

/// <summary>
/// Configures the actor system that <see cref="ActorSystemServiceCollectionExtensions.AddActorSystem(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, Action{ActorSystemBuilder})"/>
/// adds to a host (Akka.Hosting's <c>AkkaConfigurationBuilder</c>, the subset the relay needs).
/// Starters run in registration order when the host starts.
/// </summary>
public sealed class ActorSystemBuilder
{
    private readonly List<Func<ActorSystemSettings, ActorSystemSettings>> _settings = [];
    private readonly List<Action<ActorSystem, IActorRegistry, IDependencyResolver>> _starters = [];
    private readonly List<Action<CoordinatedShutdown, IDependencyResolver>> _shutdown = [];

    internal ActorSystemBuilder(string name) => Name = name;

    /// <summary>The actor system's name.</summary>
    public string Name { get; }

    /// <summary>Adjusts the settings (after the host's logger, meter factory and time provider are set):
    /// <c>WithSettings(s => s with { Throughput = 50 })</c>.</summary>
    /// <param name="configure">Returns the adjusted settings.</param>
    public ActorSystemBuilder WithSettings(Func<ActorSystemSettings, ActorSystemSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _settings.Add(configure);
        return this;
    }

    /// <summary>Registers a mailbox id for <see cref="Props.WithMailbox(string)"/>.</summary>
    /// <param name="id">The id.</param>
    /// <param name="mailbox">The mailbox.</param>
    public ActorSystemBuilder WithMailbox(string id, MailboxType mailbox)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(mailbox);
        return WithSettings(s => s with
        {
            Mailboxes = new Dictionary<string, MailboxType>(s.Mailboxes, StringComparer.Ordinal) { [id] = mailbox },
        });
    }

    /// <summary>Creates actors at startup and registers them: <c>(system, registry) => registry.Register&lt;Writer&gt;(system.ActorOf(...))</c>.</summary>
    /// <param name="starter">The starter.</param>
    public ActorSystemBuilder WithActors(Action<ActorSystem, IActorRegistry> starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add((system, registry, _) => starter(system, registry));
        return this;
    }

    /// <summary>Creates actors at startup with access to the container (see <see cref="IDependencyResolver.Props{TActor}"/>).</summary>
    /// <param name="starter">The starter.</param>
    public ActorSystemBuilder WithActors(Action<ActorSystem, IActorRegistry, IDependencyResolver> starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add(starter);
        return this;
    }

    /// <summary>Adds phases and tasks to the coordinated shutdown (run when the host stops).</summary>
    /// <param name="configure">Receives the shutdown and the resolver.</param>
    public ActorSystemBuilder WithCoordinatedShutdown(Action<CoordinatedShutdown, IDependencyResolver> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _shutdown.Add(configure);
        return this;
    }

    internal ActorSystemSettings BuildSettings(ActorSystemSettings settings)
    {
        foreach (var configure in _settings) settings = configure(settings);
        return settings;
    }

    internal void Start(ActorSystem system, IActorRegistry registry, IDependencyResolver resolver)
    {
        var shutdown = CoordinatedShutdown.Get(system);
        foreach (var configure in _shutdown) configure(shutdown, resolver);
        foreach (var starter in _starters) starter(system, registry, resolver);
    }
}
