using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Relay.Actors;

/// <summary>
/// Settings of an <see cref="ActorSystem"/> (what Akka.NET reads from HOCON), given to
/// <see cref="ActorSystem.Create(string, ActorSystemSettings)"/>. Hosting fills the logger factory, the
/// meter factory and the time provider from dependency injection. A record: derive variants with <c>with</c>.
/// </summary>
public sealed record ActorSystemSettings
{
    /// <summary>Default settings.</summary>
    public static ActorSystemSettings Default { get; } = new();

    /// <summary>Where failures, dead letters (debug) and shutdown progress are logged. Default: no logging.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>
    /// Creates the <c>Relay.Actors</c> meter. When <see langword="null"/> the system creates its own meter
    /// (disposed when the system terminates).
    /// </summary>
    public IMeterFactory? MeterFactory { get; init; }

    /// <summary>The clock for timers, receive timeouts, ask timeouts and restart windows (tests use a manual one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Messages one mailbox run handles before it yields its thread-pool thread so other actors get a
    /// turn. 30 is Akka.NET's default-dispatcher throughput: each run costs one work-item dispatch
    /// (~0.1–0.2 µs), so 30 keeps that below 10 ns per message while a busy actor still yields after a
    /// few microseconds of ordinary handlers.
    /// </summary>
    public int Throughput { get; init; } = 30;

    /// <summary>
    /// Messages a run on a dedicated (pinned) thread handles before re-checking its signal. Nobody else
    /// shares that thread, so only the cost of the wake-up matters; system messages are still handled
    /// between any two messages.
    /// </summary>
    public int PinnedThroughput { get; init; } = 1000;

    /// <summary>
    /// The timeout of an <c>Ask</c> called without one. Akka.NET's default is infinite; so is ours
    /// (<see langword="null"/>), so that a reply never races an arbitrary default.
    /// </summary>
    public TimeSpan? AskTimeout { get; init; }

    /// <summary>Default timeout of a <see cref="CoordinatedShutdown"/> phase: 5 s, Akka.NET's
    /// <c>default-phase-timeout</c>.</summary>
    public TimeSpan DefaultPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Timeout of the final <see cref="CoordinatedShutdown.PhaseActorSystemTerminate"/> phase: 10 s, as in
    /// Akka.NET, since it waits for every actor's <c>PostStop</c>.
    /// </summary>
    public TimeSpan TerminatePhaseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How the user guardian treats failing top-level actors (Akka.NET's <c>guardian-supervisor-strategy</c>,
    /// default <see cref="SupervisorStrategy.DefaultStrategy"/>: restart, or stop on initialization failure).
    /// The guardian itself never fails, so no actor failure terminates the system: a decider that says
    /// Escalate for a top-level actor stops that actor instead (logged with its path and exception).
    /// </summary>
    public SupervisorStrategy GuardianSupervisorStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Test seam: when set, mailbox runs are handed to this executor instead of the thread pool, so a test
    /// can run them one at a time on its own thread and observe scheduling order.
    /// </summary>
    internal Action<IThreadPoolWorkItem>? WorkItemExecutor { get; init; }

    /// <summary>Mailboxes by id for <see cref="Props.WithMailbox(string)"/>; the default id is always known.</summary>
    public IReadOnlyDictionary<string, MailboxType> Mailboxes { get; init; } = new Dictionary<string, MailboxType>();
}
