namespace Relay.Actors;

/// <summary>
/// Stops a system in named phases run in dependency order (Akka.NET's <c>CoordinatedShutdown</c>). Tasks
/// added to a phase run concurrently; the next phase starts when they all finished or the phase's
/// timeout elapsed (logged). The last phase, <see cref="PhaseActorSystemTerminate"/>, stops every actor.
/// <see cref="Run"/> runs once; later calls return the same task. <see cref="ActorSystem.Terminate"/> runs it
/// too, and the hosting integration runs it when the host stops (SIGTERM, Ctrl-C).
/// </summary>
/// <remarks>
/// Thread-safe. Phases and tasks are added before the run (adding to a phase that already ran is ignored,
/// adding a phase after the run started throws).
/// </remarks>
public sealed partial class CoordinatedShutdown
{
    /// <summary>First phase (Akka.NET's): before the service stops listening.</summary>
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";

    /// <summary>Stop accepting new connections.</summary>
    public const string PhaseServiceUnbind = "service-unbind";

    /// <summary>Finish or close what is in flight (for the relay: close clients with 1001 Going Away).</summary>
    public const string PhaseServiceRequestsDone = "service-requests-done";

    /// <summary>Final service cleanup (for the relay: flush the writer).</summary>
    public const string PhaseServiceStop = "service-stop";

    /// <summary>Last phase before the actors are stopped.</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";

    /// <summary>Stops all actors and completes <see cref="ActorSystem.WhenTerminated"/>.</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Phase> _phases = new(StringComparer.Ordinal);
    private readonly ActorSystem _system;
    private Task<Done>? _run;
    private string? _currentPhase;

    internal CoordinatedShutdown(ActorSystem system)
    {
        _system = system;
        var timeout = system.Settings.DefaultPhaseTimeout;
        // Akka.NET's non-cluster phases, each depending on the previous one.
        AddPhase(PhaseBeforeServiceUnbind, timeout);
        AddPhase(PhaseServiceUnbind, timeout, [PhaseBeforeServiceUnbind]);
        AddPhase(PhaseServiceRequestsDone, timeout, [PhaseServiceUnbind]);
        AddPhase(PhaseServiceStop, timeout, [PhaseServiceRequestsDone]);
        AddPhase(PhaseBeforeActorSystemTerminate, timeout, [PhaseServiceStop]);
        AddPhase(PhaseActorSystemTerminate, system.Settings.TerminatePhaseTimeout, [PhaseBeforeActorSystemTerminate]);
        AddTask(PhaseActorSystemTerminate, "terminate-system", async () =>
        {
            await _system.FinalTerminate().ConfigureAwait(false);
            return Done.Instance;
        });
    }

    /// <summary>The coordinated shutdown of <paramref name="system"/>.</summary>
    /// <param name="system">The system.</param>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.CoordinatedShutdown;
    }

    /// <summary>The system.</summary>
    public ActorSystem System => _system;

    /// <summary>Why the shutdown runs, once <see cref="Run"/> was called.</summary>
    public Reason? ShutdownReason { get; private set; }

    /// <summary>The phases in execution order.</summary>
    public IReadOnlyList<string> OrderedPhases
    {
        get
        {
            lock (_lock) return TopologicalOrder();
        }
    }

    /// <summary>
    /// Adds a phase, or extends an existing one: its timeout is replaced when given, its dependencies are
    /// added. E.g. <c>AddPhase("flush-writer", TimeSpan.FromSeconds(10), [PhaseServiceRequestsDone])</c> and
    /// <c>AddPhase(PhaseBeforeActorSystemTerminate, dependsOn: ["flush-writer"])</c> insert a custom phase.
    /// </summary>
    /// <param name="name">The phase name.</param>
    /// <param name="timeout">How long its tasks may take (default: <see cref="ActorSystemSettings.DefaultPhaseTimeout"/>).</param>
    /// <param name="dependsOn">Phases that must run before it.</param>
    /// <param name="recover">When <see langword="false"/>, a failing or timed-out task aborts the remaining
    /// phases (Akka's <c>recover = off</c>); by default the shutdown goes on.</param>
    /// <exception cref="InvalidOperationException">The shutdown already started.</exception>
    public void AddPhase(string name, TimeSpan? timeout = null, IEnumerable<string>? dependsOn = null, bool recover = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_lock)
        {
            if (_run is not null) throw new InvalidOperationException("Coordinated shutdown already started");
            var existing = _phases.GetValueOrDefault(name);
            var phase = existing?.Snapshot() ?? new Phase(name, timeout ?? _system.Settings.DefaultPhaseTimeout, recover);
            if (timeout is { } t) phase.Timeout = t;
            phase.Recover = recover;
            if (dependsOn is not null)
            {
                foreach (var dependency in dependsOn) phase.DependsOn.Add(dependency);
            }
            _phases[name] = phase;
            try
            {
                TopologicalOrder(); // rejects cycles and unknown phases now rather than at shutdown
            }
            catch (ArgumentException)
            {
                if (existing is null) _phases.Remove(name);
                else _phases[name] = existing;
                throw;
            }
        }
    }

    /// <summary>The timeout of a phase.</summary>
    /// <param name="phase">The phase name.</param>
    public TimeSpan Timeout(string phase)
    {
        lock (_lock) return GetPhase(phase).Timeout;
    }

    /// <summary>Adds a task to a phase; it runs concurrently with the phase's other tasks.</summary>
    /// <param name="phase">The phase (see the <c>Phase*</c> constants).</param>
    /// <param name="taskName">A name for logs.</param>
    /// <param name="task">The work; its task should complete within the phase's timeout.</param>
    /// <exception cref="ArgumentException">Unknown phase.</exception>
    public void AddTask(string phase, string taskName, Func<Task<Done>> task)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            // Tasks added once the run started cannot run any more; ignore them (Akka logs and ignores).
            if (_run is null) GetPhase(phase).Tasks.Add((taskName, task));
            else GetPhase(phase);
        }
    }

    /// <summary>Runs the phases from <paramref name="fromPhase"/> (default: the first) to the end, once.</summary>
    /// <param name="reason">Why (kept in <see cref="ShutdownReason"/>).</param>
    /// <param name="fromPhase">Optional first phase.</param>
    /// <returns>Completes when the last phase finished.</returns>
    public Task<Done> Run(Reason reason, string? fromPhase = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_lock)
        {
            if (_run is not null) return _run;
            ShutdownReason = reason;
            var order = TopologicalOrder();
            var start = fromPhase is null ? 0 : order.IndexOf(fromPhase);
            if (start < 0) throw new ArgumentException($"Unknown phase [{fromPhase}]", nameof(fromPhase));
            var phases = order.Skip(start).Select(p => _phases[p].Snapshot()).ToList();
            return _run = RunPhases(phases, reason);
        }
    }

    private Phase GetPhase(string phase) =>
        _phases.TryGetValue(phase, out var p) ? p : throw new ArgumentException($"Unknown phase [{phase}]", nameof(phase));
}
