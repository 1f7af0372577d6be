namespace Relay.Server.Http;

/// <summary>
/// The relay's readiness, set by the core and read by <c>/readyz</c> and by <see cref="ConnectionAdmission"/>:
/// the core calls <see cref="MarkReady"/> once storage is open and the actor system is up,
/// <see cref="MarkNotReady"/> when a dependency fails, and <see cref="BeginShutdown"/> (also called on the
/// host's <c>ApplicationStopping</c>) when it starts draining.
/// </summary>
/// <remarks>Thread-safe and lock-free. <see cref="ReadinessState.ShuttingDown"/> is final.</remarks>
public sealed class RelayReadiness
{
    private Snapshot _current = new(ReadinessState.Starting, "starting");

    /// <summary>The current state.</summary>
    public ReadinessState State => Volatile.Read(ref _current).State;

    /// <summary>Why the relay is in its state, for the <c>/readyz</c> body (free text; never a metric label).</summary>
    public string Reason => Volatile.Read(ref _current).Reason;

    /// <summary>True when <c>/readyz</c> answers 200.</summary>
    public bool IsReady => State == ReadinessState.Ready;

    /// <summary>True once shutdown has begun: new connections are refused with 503.</summary>
    public bool IsShuttingDown => State == ReadinessState.ShuttingDown;

    /// <summary>Storage is open and the actor system up. Ignored once shutdown has begun.</summary>
    public void MarkReady() => Transition(new Snapshot(ReadinessState.Ready, "ready"));

    /// <summary>A dependency failed; <paramref name="reason"/> is shown by <c>/readyz</c>. Ignored once shutdown has begun.</summary>
    public void MarkNotReady(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Transition(new Snapshot(ReadinessState.NotReady, reason));
    }

    /// <summary>Shutdown has begun: <c>/readyz</c> answers 503 and new connections are refused from now on.</summary>
    public void BeginShutdown() => Volatile.Write(ref _current, new Snapshot(ReadinessState.ShuttingDown, "shutting down"));

    private void Transition(Snapshot next)
    {
        var seen = Volatile.Read(ref _current);
        while (seen.State != ReadinessState.ShuttingDown)
        {
            var previous = Interlocked.CompareExchange(ref _current, next, seen);
            if (ReferenceEquals(previous, seen))
                return;
            seen = previous;
        }
    }

    // State and reason change together, so readers never see one without the other.
    private sealed record Snapshot(ReadinessState State, string Reason);
}
