using Microsoft.Extensions.Logging;
using Relay.Actors.Internal;

namespace Relay.Actors;

/// <summary>
/// A hierarchy of actors with its dispatchers, event stream, dead letters, metrics and coordinated
/// shutdown. Top-level actors are children of the user guardian (<c>/user</c>).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed partial class ActorSystem : IActorRefFactory, IDisposable, IAsyncDisposable
{
    private readonly RootGuardianSupervisor _rootSupervisor;
    private readonly ActorCell _guardian;
    private readonly DeadLetterActorRef _deadLetters;
    private readonly ActorPath _tempPath;
    private readonly Dictionary<string, MailboxType> _mailboxes;
    private readonly TaskCompletionSource _whenTerminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _uid;
    private long _tempCounter;
    private int _terminating;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        TimeProvider = settings.TimeProvider;
        Log = settings.LoggerFactory.CreateLogger("Relay.Actors");
        Metrics = new KernelMetrics(settings.MeterFactory);
        EventStream = new EventStream();
        _mailboxes = new Dictionary<string, MailboxType>(settings.Mailboxes, StringComparer.Ordinal)
        {
            [Mailboxes.DefaultMailboxId] = UnboundedMailbox.Instance,
        };
        var root = ActorPath.CreateRoot(name);
        _tempPath = root / "temp";
        _deadLetters = new DeadLetterActorRef(this, root / "deadLetters");
        _rootSupervisor = new RootGuardianSupervisor(this, root);
        _guardian = new ActorCell(this, root.Child("user", NextUid()),
            Props.Create(() => new GuardianActor(settings.GuardianSupervisorStrategy)), _rootSupervisor);
        CoordinatedShutdown = new CoordinatedShutdown(this);
        _guardian.Start();
    }

    /// <summary>Creates a system with default settings.</summary>
    /// <param name="name">The name: ASCII letters, digits, <c>-</c> and <c>_</c>, starting with a letter or digit.</param>
    public static ActorSystem Create(string name) => Create(name, ActorSystemSettings.Default);

    /// <summary>Creates a system.</summary>
    /// <param name="name">The name: ASCII letters, digits, <c>-</c> and <c>_</c>, starting with a letter or digit.</param>
    /// <param name="settings">The settings.</param>
    public static ActorSystem Create(string name, ActorSystemSettings settings)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(settings);
        ValidateName(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Throughput, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.PinnedThroughput, 1, nameof(settings));
        return new ActorSystem(name, settings);
    }

    /// <summary>The system's name.</summary>
    public string Name { get; }

    /// <summary>The settings the system was created with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The publish/subscribe bus (dead letters and unhandled messages are published here).</summary>
    public EventStream EventStream { get; }

    /// <summary>The dead-letter reference: messages told to it are published as <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters => _deadLetters;

    /// <summary>Completes when the system has terminated (all actors stopped).</summary>
    public Task WhenTerminated => _whenTerminated.Task;

    /// <summary>The system's coordinated shutdown (also <see cref="CoordinatedShutdown.Get(ActorSystem)"/>).</summary>
    public CoordinatedShutdown CoordinatedShutdown { get; }

    /// <summary>The logger factory from the settings (for actors that want their own loggers).</summary>
    public ILoggerFactory LoggerFactory => Settings.LoggerFactory;

    internal TimeProvider TimeProvider { get; }

    internal ILogger Log { get; }

    internal KernelMetrics Metrics { get; }

    /// <summary>Creates a top-level actor (a child of <c>/user</c>).</summary>
    /// <param name="props">The recipe.</param>
    /// <param name="name">Optional unique name.</param>
    public IActorRef ActorOf(Props props, string? name = null) => _guardian.ActorOf(props, name);

    /// <summary>Stops <paramref name="actor"/> asynchronously (children first, then PostStop).</summary>
    /// <param name="actor">The actor.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "Akka.NET's API shape: system.Stop(actor).")]
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ActorRefs.Unwrap(actor)?.Stop();
    }

    /// <summary>
    /// Terminates the system by running its <see cref="CoordinatedShutdown"/> (all phases; the last one stops
    /// every actor, children before parents).
    /// </summary>
    /// <returns><see cref="WhenTerminated"/>.</returns>
    public Task Terminate()
    {
        var run = CoordinatedShutdown.Run(CoordinatedShutdown.ActorSystemTerminateReason.Instance);
        // Terminate means terminate: even when a phase with recover = off aborted the run, stop the actors.
        if (run.IsCompleted) FinalTerminate();
        else run.ContinueWith(static (_, s) => ((ActorSystem)s!).FinalTerminate(), this, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return WhenTerminated;
    }

    /// <summary>Starts termination without waiting (use <see cref="DisposeAsync"/> or <see cref="Terminate"/> to wait).</summary>
    public void Dispose() => _ = Terminate();

    /// <summary>Terminates the system and waits for it.</summary>
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <inheritdoc/>
    public override string ToString() => $"akka://{Name}";

    private static void ValidateName(string name)
    {
        var valid = name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]);
        foreach (var c in name) valid &= char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
        if (!valid)
        {
            throw new ArgumentException(
                $"Invalid ActorSystem name [{name}], must contain only word characters (i.e. [a-zA-Z0-9] plus non-leading '-' or '_')",
                nameof(name));
        }
    }
}
